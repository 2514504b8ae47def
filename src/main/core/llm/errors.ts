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

/** The longest wait a provider may ask for and still be retried within a run; a longer one fails the result now. */
export const MAX_RETRY_AFTER_MS = 60_000;

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

/**
 * Gemini states how long to wait in its error body, as a `google.rpc.RetryInfo` detail whose
 * `retryDelay` is a protobuf Duration ("37s", "0.100s"); its SDK does not expose response headers.
 */
export function retryDelayFromDetails(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details as { '@type'?: unknown; retryDelay?: unknown }[]) {
    if (typeof detail?.['@type'] !== 'string' || !detail['@type'].endsWith('google.rpc.RetryInfo')) continue;
    const match = typeof detail.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay.trim()) : null;
    return match ? Math.round(Number(match[1]) * 1000) : undefined;
  }
  return undefined;
}

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

/** "Connection error: fetch failed: connect ECONNREFUSED 127.0.0.1:9": the SDKs' words hide the reason in `cause`. */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const text = (current instanceof Error ? current.message : String(current)).replace(/\.$/, '');
    if (text && !parts.some((part) => part.includes(text))) parts.push(text);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ') || 'Network error';
}

/**
 * A failure that is not an HTTP status: a stream chunk that does not parse is the provider's fault
 * (unavailable), anything else (refused, reset, cut) is the network's.
 */
export function transportError(error: unknown, apiKey: string | undefined): ProviderError {
  const message = sanitize(causeChain(error), apiKey);
  if (error instanceof SyntaxError || /could not parse|parsing stream chunk|in JSON at position/i.test(message))
    return { type: 'unavailable', message: `The provider sent a malformed stream chunk (${message})`, retryable: true };
  return networkError(message);
}
export const timeoutError = (message: string): ProviderError => ({ type: 'timeout', message, retryable: true });
