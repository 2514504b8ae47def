import type { ErrorRequestHandler, Response } from 'express';
import { AppError, toAppError } from '../../shared/errors';
import type { Logger } from '../core/logger';

/** The error envelope a route family answers in: Promptster's (default) or tentackle's. */
export type ErrorFormat = 'promptster' | 'tentackle';

/** tentackle's `{ success: false, error, code, details }`, with the same facts as the Promptster body. */
const tentackleBody = (error: AppError) => ({
  success: false,
  error: error.message,
  code: error.type.toUpperCase(),
  details: {
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.retryAfter === undefined ? {} : { retry_after: error.retryAfter }),
    ...(error.provider === undefined ? {} : { provider: error.provider }),
  },
});

export function sendError(res: Response, error: AppError): void {
  res.locals.errorMessage = error.message;
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(Math.ceil(error.retryAfter)));
  const format = res.locals.errorFormat as ErrorFormat | undefined;
  res.status(error.status).json(format === 'tentackle' ? tentackleBody(error) : { error: error.toBody() });
}

/** Errors raised by Express's own body parsing, mapped to the Promptster error format. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `express.json`'s `verify`: a body that is not valid UTF-8 is refused rather than decoded with
 * replacement characters and stored as mojibake.
 */
export function strictUtf8(_req: unknown, _res: unknown, body: Buffer): void {
  try {
    utf8.decode(body);
  } catch {
    throw Object.assign(new Error('Request body is not valid UTF-8'), { type: 'encoding.invalid' });
  }
}

function fromExpressError(error: unknown): AppError | null {
  const type = (error as { type?: unknown }).type;
  if (type === 'encoding.invalid') return new AppError('validation_error', 'Request body is not valid UTF-8', { field: 'body' });
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
