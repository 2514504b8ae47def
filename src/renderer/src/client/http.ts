import type { ErrorBody } from '../../../shared/errors';
import type { EventChannel } from '../../../shared/events';
import { operations } from '../../../shared/operations';
import { ClientError, type ParallaxClient } from './types';

/** Sent on every call; pages of other sites cannot send it without a CORS preflight, which is never granted. */
export const CLIENT_HEADER = 'X-Parallax-Client';

/** Builds each request from the operation's declared method and path; auth is the HttpOnly session cookie. */
export function createHttpClient(baseUrl = ''): ParallaxClient {
  let source: EventSource | undefined;
  const handlers = new Map<EventChannel, Set<(payload: never) => void>>();

  const connect = () => {
    source?.close();
    const channels = [...handlers.keys()];
    if (channels.length === 0) return;
    source = new EventSource(`${baseUrl}/v1/events?channels=${channels.join(',')}`);
    for (const channel of channels) {
      source.addEventListener(channel, (event) => {
        const payload = JSON.parse((event as MessageEvent<string>).data) as never;
        handlers.get(channel)?.forEach((handler) => handler(payload));
      });
    }
  };

  return {
    transport: 'http',
    async invoke(name, input) {
      const { method, path } = operations[name].http;
      const rest: Record<string, unknown> = { ...(input as Record<string, unknown>) };
      const url = path.replace(/:([A-Za-z_]+)/g, (_, key: string) => {
        const value = rest[key];
        delete rest[key];
        return encodeURIComponent(String(value));
      });
      const hasBody = method !== 'GET' && method !== 'DELETE';
      const query = hasBody ? '' : toQuery(rest);
      const response = await fetch(`${baseUrl}${url}${query}`, {
        method,
        credentials: 'same-origin',
        headers: { [CLIENT_HEADER]: 'web', ...(hasBody ? { 'Content-Type': 'application/json' } : {}) },
        body: hasBody ? JSON.stringify(rest) : undefined,
      });
      const body = (await response.json().catch(() => null)) as unknown;
      if (!response.ok) throw new ClientError(errorOf(body, response.status));
      return body as never;
    },
    subscribe(channel, handler) {
      const isNewChannel = !handlers.has(channel);
      const set = handlers.get(channel) ?? new Set();
      set.add(handler as (payload: never) => void);
      handlers.set(channel, set);
      if (isNewChannel) connect();
      return () => {
        set.delete(handler as (payload: never) => void);
        if (set.size === 0) {
          handlers.delete(channel);
          connect();
        }
      };
    },
  };
}

function toQuery(values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function errorOf(body: unknown, status: number): ErrorBody {
  const error = (body as { error?: ErrorBody } | null)?.error;
  return error && typeof error.message === 'string' ? error : { type: 'internal_error', message: `Request failed with status ${status}` };
}

/** Login for the browser UI; the server answers with an HttpOnly session cookie. */
export async function loginWithKey(token: string): Promise<void> {
  const response = await fetch('/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', [CLIENT_HEADER]: 'web' },
    body: JSON.stringify({ token }),
  });
  if (!response.ok) throw new ClientError(errorOf(await response.json().catch(() => null), response.status));
}

export async function hasSession(): Promise<boolean> {
  const response = await fetch('/auth/session', { credentials: 'same-origin', headers: { [CLIENT_HEADER]: 'web' } });
  return response.ok && ((await response.json()) as { authenticated: boolean }).authenticated;
}

export async function logout(): Promise<void> {
  await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { [CLIENT_HEADER]: 'web' } });
}
