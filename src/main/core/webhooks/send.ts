/** One POST of a webhook body: no redirects followed, a deadline, and the address guard on connect. */
import http from 'node:http';
import https from 'node:https';
import { guardedLookup, portOf, refusedUrl, type UrlPolicy } from './urlGuard';

export interface SendOutcome {
  /** The HTTP status, when the receiver answered. */
  statusCode: number | null;
  /** Why the attempt failed (network, refusal, non-2xx), or null when delivered. */
  error: string | null;
  durationMs: number;
}

const MAX_RESPONSE_BYTES = 64 * 1024;

export function sendWebhook(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; policy: UrlPolicy },
): Promise<SendOutcome> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): SendOutcome => ({
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve(done(null, 'invalid URL'));
  }
  const refused = refusedUrl(url, options.policy);
  if (refused) return Promise.resolve(done(null, `Refused: ${refused}`));

  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    // `timeout` below is only an idle timeout: a receiver trickling a byte now and then would hold the
    // attempt (and the dispatcher's batch) forever. This is the whole attempt's deadline.
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      request.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Parallax-Webhooks/1', ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(portOf(url), options.policy),
        timeout: options.timeoutMs,
      },
      (response) => {
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on('close', () => {
          clearTimeout(deadline);
          const status = response.statusCode ?? 0;
          if (timedOut) resolve(done(status, `no answer within ${options.timeoutMs} ms`));
          else if (status >= 200 && status < 300) resolve(done(status, null));
          else if (status >= 300 && status < 400) resolve(done(status, `HTTP ${status}: redirects are not followed`));
          else resolve(done(status, `HTTP ${status}`));
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', (error) => {
      clearTimeout(deadline);
      resolve(done(null, error.message));
    });
    request.end(body);
  });
}
