import express, { Router } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ApiKeyService } from '../core/apiKeys/service';
import { sessionIdOf } from './auth';
import { sendError } from './errors';
import { SESSION_COOKIE, type SessionStore } from './sessions';

/**
 * The renderer's CSP when served to a browser. Monaco needs blob workers and inline styles;
 * no inline script, nothing from other origins.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const cookieOptions = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/** Login for the headless UI: a one-time `?token=` link, or a form taking an API key. */
export function authRoutes(apiKeys: ApiKeyService, sessions: SessionStore): Router {
  const router = Router();
  router.get('/auth/session', (req, res) => {
    const keyId = sessions.apiKeyIdOf(sessionIdOf(req));
    res.json({ authenticated: Boolean(keyId && apiKeys.findActive(keyId)) });
  });
  router.post('/auth/login', (req, res) => {
    const token: unknown = (req.body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token)
      return sendError(res, new AppError('validation_error', 'token is required', { field: 'token' }));
    const key = apiKeys.authenticate(token.trim());
    if (!key) return sendError(res, new AppError('authentication_error', 'Invalid API key. Please check the key and try again.'));
    res.cookie(SESSION_COOKIE, sessions.open(key.id), cookieOptions).json({ authenticated: true });
  });
  router.post('/auth/logout', (req, res) => {
    sessions.end(sessionIdOf(req));
    res.clearCookie(SESSION_COOKIE, cookieOptions).json({ authenticated: false });
  });
  return router;
}

/** Serves the built renderer; a `?token=` login link sets the session cookie and redirects to a clean URL. */
export function rendererRoutes(rendererDir: string, sessions: SessionStore): Router {
  const router = Router();
  const indexFile = path.join(rendererDir, 'index.html');
  router.get('/', (req, res, next) => {
    const code = req.query.token;
    if (typeof code !== 'string') return next();
    const keyId = sessions.redeemLoginLink(code);
    if (keyId) res.cookie(SESSION_COOKIE, sessions.open(keyId), cookieOptions);
    res.redirect(303, keyId ? '/' : '/?login=expired');
  });
  router.use(express.static(rendererDir, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!v1\/|api\/|auth\/|mcp|scheduler\/|health).*/, (_req, res) => {
    if (!fs.existsSync(indexFile)) {
      res.status(404).type('text/plain').send('The UI is not built. Run `npm run build`, then start again.');
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(indexFile);
  });
  return router;
}
