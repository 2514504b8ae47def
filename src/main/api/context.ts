import type { Request, Response } from 'express';
import type { CallContext } from '../core/context';

const PROVIDER_KEY_HEADER = /^x-([a-z0-9-]+)-api-key$/;

/** Provider keys sent as `X-<ID>-API-KEY`, by provider id (lower case). They live for this call only. */
export function providerKeysOf(req: Request): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [header, value] of Object.entries(req.headers)) {
    const match = PROVIDER_KEY_HEADER.exec(header);
    if (match?.[1] && typeof value === 'string' && value.trim()) keys[match[1]] = value.trim();
  }
  return keys;
}

export const toCallContext = (req: Request, res: Response): CallContext => ({
  source: res.locals.viaSession === true ? 'ui' : 'api',
  apiKey: res.locals.apiKey,
  providerKeys: providerKeysOf(req),
});
