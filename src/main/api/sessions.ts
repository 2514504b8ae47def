import crypto from 'node:crypto';

export const SESSION_COOKIE = 'parallax_session';
/** The renderer sends this header; cross-site pages cannot without a CORS preflight, which we never grant. */
export const CLIENT_HEADER = 'x-parallax-client';
const LOGIN_LINK_TTL_MS = 10 * 60_000;

/**
 * Browser sessions of the headless UI, in memory (a restart logs the browser out, which is fine).
 * A session is tied to the API key that opened it, so revoking the key ends the session too.
 */
export class SessionStore {
  private readonly sessions = new Map<string, string>();
  private readonly loginLinks = new Map<string, { apiKeyId: string; expiresAt: number }>();

  open(apiKeyId: string): string {
    const id = crypto.randomBytes(32).toString('base64url');
    this.sessions.set(id, apiKeyId);
    return id;
  }

  apiKeyIdOf(sessionId: string | undefined): string | undefined {
    return sessionId ? this.sessions.get(sessionId) : undefined;
  }

  end(sessionId: string | undefined): void {
    if (sessionId) this.sessions.delete(sessionId);
  }

  /** A one-time code for the login link printed at start; it is not an API key and works once. */
  createLoginLink(apiKeyId: string): string {
    const code = crypto.randomBytes(24).toString('base64url');
    this.loginLinks.set(code, { apiKeyId, expiresAt: Date.now() + LOGIN_LINK_TTL_MS });
    return code;
  }

  redeemLoginLink(code: string): string | undefined {
    const link = this.loginLinks.get(code);
    this.loginLinks.delete(code);
    return link && link.expiresAt > Date.now() ? link.apiKeyId : undefined;
  }
}
