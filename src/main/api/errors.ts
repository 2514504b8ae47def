import type { ErrorRequestHandler, Response } from 'express';
import { AppError, toAppError } from '../../shared/errors';
import type { Logger } from '../core/logger';

export function sendError(res: Response, error: AppError): void {
  res.locals.errorMessage = error.message;
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(Math.ceil(error.retryAfter)));
  res.status(error.status).json({ error: error.toBody() });
}

/** Errors raised by Express's own body parsing, mapped to the Promptster error format. */
function fromExpressError(error: unknown): AppError | null {
  const type = (error as { type?: unknown }).type;
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'Request body is too large (limit 6 MB)', { field: 'body' });
  if (type === 'entity.parse.failed') return new AppError('validation_error', 'Request body is not valid JSON', { field: 'body' });
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return new AppError('unsupported_media_type', 'Request body must be UTF-8 JSON', { field: 'body' });
  return null;
}

/** The last middleware: every failure leaves in the documented format; unknown ones never leak details. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const appError = fromExpressError(error) ?? toAppError(error);
    if (appError.type === 'internal_error') logger.error(`${req.method} ${req.path} failed: ${String(error)}`);
    sendError(res, appError);
  };
}
