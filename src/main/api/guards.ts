import type { RequestHandler } from 'express';
import { AppError } from '../../shared/errors';
import { sendError } from './errors';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The host part of a Host header or URL authority, lower-cased, without the port. */
export function hostnameOf(authority: string): string {
  const value = authority.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

export function allowedHostnames(extra: readonly string[]): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  for (const host of extra) {
    if (host && host !== '0.0.0.0' && host !== '::') names.add(host.includes(':') ? `[${host}]` : host.toLowerCase());
  }
  return names;
}

/**
 * DNS-rebinding and cross-site defence: the Host must name this machine, and a browser Origin, when
 * sent, must be this very server. There is no CORS: other sites can neither read nor send credentials.
 */
export function hostAndOriginGuard(allowed: Set<string>): RequestHandler {
  return (req, res, next) => {
    const host = req.headers.host ?? '';
    if (!host || !allowed.has(hostnameOf(host))) {
      return sendError(res, new AppError('forbidden', 'Host not allowed: Parallax only answers requests addressed to this machine'));
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isSameOrigin(origin, host)) {
      return sendError(res, new AppError('forbidden', 'Cross-origin request refused'));
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      return sendError(res, new AppError('forbidden', 'Cross-site request refused'));
    }
    next();
  };
}

function isSameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && url.host.toLowerCase() === host.toLowerCase();
  } catch {
    return false; // includes the literal "null" origin of sandboxed frames and file:// pages
  }
}

/** Writes must be JSON: forms and text/plain are what cross-site pages can send without a preflight. */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && hasBody && !req.is('application/json')) {
    return sendError(res, new AppError('unsupported_media_type', 'Content-Type must be application/json', { field: 'headers' }));
  }
  next();
};
