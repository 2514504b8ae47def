import type { RequestHandler, Response } from 'express';
import { AppError } from '../../shared/errors';
import type { RequestLogService } from '../core/requestLog/service';
import type { RateDecision, RateLimiter } from '../core/rateLimit';
import { sendError } from './errors';

/** The error message of a failed answer, kept for the request log (`sendError` sets it). */
export const errorMessageOf = (res: Response): string | null => (res.locals.errorMessage as string | undefined) ?? null;

function setRateHeaders(res: Response, decision: RateDecision, tier: string): void {
  const limit = decision.limit === null ? 'unlimited' : String(decision.limit);
  const remaining = decision.remaining === null ? 'unlimited' : String(decision.remaining);
  res.setHeader('X-RateLimit-Limit', limit);
  res.setHeader('X-RateLimit-Remaining', remaining);
  res.setHeader('X-RateLimit-Reset', String(Math.ceil(decision.resetAt.getTime() / 1000)));
  // Promptster's billing headers: there is no plan or credit on a local install.
  res.setHeader('X-RateLimit-Remaining-Calls', remaining);
  res.setHeader('X-RateLimit-Tier', tier);
  res.setHeader('X-Credit-Balance', '0');
  res.setHeader('X-Billing-Source', 'local');
}

/**
 * After authentication: applies the key's per-minute limit, sets the rate-limit headers on every
 * answer, and writes one request-log row when the answer is finished.
 */
export function metering(
  rateLimiter: RateLimiter,
  requestLog: RequestLogService,
  onLogError: (error: unknown) => void = () => {},
): RequestHandler {
  return (req, res, next) => {
    const key = res.locals.apiKey;
    // The window's own calls (the headless UI's session) are not script traffic: not rate limited, not logged.
    if (!key || res.locals.viaSession === true) return next();
    const started = performance.now();
    const decision = rateLimiter.take(key);
    const endpoint = req.originalUrl.split('?')[0] ?? req.path;
    res.on('finish', () => {
      // The answer is already sent: a log row that cannot be written (a full disk) must not take the server down.
      try {
        requestLog.record({
          apiKeyId: key.id,
          endpoint,
          method: req.method,
          statusCode: res.statusCode,
          responseTimeMs: performance.now() - started,
          rateLimited: !decision.allowed,
          errorMessage: res.statusCode >= 400 ? errorMessageOf(res) : null,
        });
      } catch (error) {
        onLogError(error);
      }
    });
    setRateHeaders(res, decision, key.type);
    if (!decision.allowed) {
      return sendError(
        res,
        new AppError('rate_limit_exceeded', `You have exceeded your per-minute rate limit of ${decision.limit} requests.`, {
          retryAfter: decision.retryAfterSeconds,
        }),
      );
    }
    next();
  };
}
