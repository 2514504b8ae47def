import type { ErrorType, ProviderError } from './types';

/** Masks anything that looks like a key in a provider's message (some echo part of the key back). */
export function sanitize(message: string, apiKey?: string): string {
  let out = message;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('[redacted]');
  return out
    .replace(/\b(sk|pk|xai|gsk|pplx)[-_][A-Za-z0-9_-]{6,}/g, '[redacted]')
    .replace(/\bAIza[0-9A-Za-z_-]{10,}/g, '[redacted]')
    .replace(/Incorrect API key provided: [^.\s]+/i, 'Incorrect API key provided');
}

const MAX_RETRY_AFTER_MS = 60_000;

/** `retry-after-ms`, else `retry-after` as seconds or an HTTP date; garbage and negatives are ignored. */
export function retryAfterMs(headers: { get(name: string): string | null } | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export const cappedRetryAfter = (ms: number | undefined): number | undefined =>
  ms === undefined ? undefined : Math.min(ms, MAX_RETRY_AFTER_MS);

/** One HTTP status (with the provider's own message) as a typed error value. */
export function errorFromStatus(
  status: number,
  message: string,
  options: { retryAfterMs?: number; modelNotFound?: boolean } = {},
): ProviderError {
  const type: ErrorType =
    status === 401 || status === 403
      ? 'authentication'
      : status === 429
        ? 'rate_limit'
        : status === 404 || options.modelNotFound
          ? 'invalid_model'
          : status === 408 || status === 504
            ? 'timeout'
            : status === 529
              ? 'overloaded'
              : status >= 500
                ? 'unavailable'
                : 'invalid_request';
  const retryable = type === 'rate_limit' || type === 'overloaded' || type === 'unavailable' || type === 'timeout';
  return { type, status, message, retryable, ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }) };
}

export const cancelledError = (): ProviderError => ({ type: 'cancelled', message: 'Cancelled', retryable: false });
export const networkError = (message: string): ProviderError => ({ type: 'network', message, retryable: true });
export const timeoutError = (message: string): ProviderError => ({ type: 'timeout', message, retryable: true });
