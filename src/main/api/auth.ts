import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler } from 'express';
import { AppError } from '../../shared/errors';
import type { ApiKey } from '../../shared/operations/apiKeys';
import type { ApiKeyService } from '../core/apiKeys/service';
import { sendError } from './errors';
import { EVENTS_PATH } from './events';
import { CLIENT_HEADER, SESSION_COOKIE, type SessionStore } from './sessions';

declare module 'express-serve-static-core' {
  interface Locals {
    apiKey?: ApiKey;
  }
}

export const sessionIdOf = (req: Request): string | undefined => parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];

/**
 * `Authorization: Bearer <key>`, or the headless UI's session cookie together with its client header.
 * Each authenticated request counts towards its key's request count and last use.
 */
export function authenticate(apiKeys: ApiKeyService, sessions: SessionStore): RequestHandler {
  return (req, res, next) => {
    const key = keyOf(req, apiKeys, sessions);
    if (key instanceof AppError) return sendError(res, key);
    res.locals.apiKey = key;
    // The headless UI signs in with a session; what it does counts as the window's ('ui'), not a script's.
    res.locals.viaSession = req.headers.authorization === undefined;
    next();
  };
}

function keyOf(req: Request, apiKeys: ApiKeyService, sessions: SessionStore): ApiKey | AppError {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer (\S+)$/.exec(header.trim());
    const key = match?.[1] ? apiKeys.authenticate(match[1]) : null;
    return key ?? invalidKey();
  }
  const sessionKeyId = sessions.apiKeyIdOf(sessionIdOf(req));
  // The event stream comes from EventSource, which cannot set headers; it is read-only and the
  // SameSite=Strict cookie is never sent by other sites, so the cookie alone is enough there.
  const clientHeaderOk = req.headers[CLIENT_HEADER] !== undefined || (req.method === 'GET' && req.baseUrl + req.path === EVENTS_PATH);
  if (sessionKeyId && clientHeaderOk) return apiKeys.findActive(sessionKeyId) ?? invalidKey();
  return new AppError('authentication_error', 'Missing Authorization header');
}

const invalidKey = () => new AppError('authentication_error', 'Invalid API key. Please check your Authorization header.');
