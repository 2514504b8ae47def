import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir, runCli, startServe } from '../support/serve';

const hostRequest = (url: string, host: string) =>
  new Promise<number>((resolve, reject) => {
    http.get(`${url}/health`, { headers: { host } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
  });

describe('parallax serve (the built CLI, as a real process)', () => {
  it('prints its URL, guards the API, writes a 0600 token, and stops cleanly on SIGTERM', async () => {
    const serve = await startServe();
    try {
      expect(serve.stdout()).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
      const health = await fetch(`${serve.url}/health`);
      expect(health.status).toBe(200);
      expect(fs.statSync(path.join(serve.dataDir, 'api-token')).mode & 0o777).toBe(0o600);
      const unauthorised = await fetch(`${serve.url}/v1/api-keys`);
      expect(unauthorised.status).toBe(401);
      expect(await unauthorised.json()).toEqual({ error: { type: 'authentication_error', message: 'Missing Authorization header' } });
      expect(await hostRequest(serve.url, 'evil.example')).toBe(403);
      const authorised = await fetch(`${serve.url}/v1/api-keys`, { headers: { authorization: `Bearer ${serve.token}` } });
      expect(authorised.status).toBe(200);
      // The key itself is never printed: only the one-time login link, which is not a key.
      expect(serve.stdout() + serve.stderr()).not.toContain(serve.token);
    } finally {
      const { code, ms } = await serve.stop('SIGTERM');
      expect(code).toBe(0);
      expect(ms).toBeLessThan(5000);
    }
  });

  it('stops cleanly on SIGINT with an event stream open', async () => {
    const serve = await startServe();
    const controller = new AbortController();
    const response = await fetch(`${serve.url}/v1/events`, {
      headers: { authorization: `Bearer ${serve.token}` },
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const { code, ms } = await serve.stop('SIGINT');
    controller.abort();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
  });

  it('logs the browser in with the one-time link, once', async () => {
    const serve = await startServe();
    try {
      const first = await fetch(serve.loginLink, { redirect: 'manual' });
      expect(first.status).toBe(303);
      const cookie = first.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/parallax_session=.+HttpOnly.+SameSite=Strict/i);
      const session = cookie.split(';')[0]!;
      const withHeader = await fetch(`${serve.url}/v1/api-keys`, { headers: { cookie: session, 'x-parallax-client': 'web' } });
      expect(withHeader.status).toBe(200);
      // The cookie alone is not enough: cross-site pages could make the browser send it.
      const withoutHeader = await fetch(`${serve.url}/v1/api-keys`, { headers: { cookie: session } });
      expect(withoutHeader.status).toBe(401);
      const again = await fetch(serve.loginLink, { redirect: 'manual' });
      expect(again.headers.get('location')).toBe('/?login=expired');
      expect(again.headers.get('set-cookie')).toBeNull();
    } finally {
      await serve.stop();
    }
  });

  it('keeps the same key across restarts of one data directory', async () => {
    const first = await startServe();
    await first.stop();
    const second = await startServe({ dataDir: first.dataDir });
    try {
      expect(second.token).toBe(first.token);
      expect(second.stdout()).not.toContain('api-token');
    } finally {
      await second.stop();
    }
  });

  it('refuses a garbage database file, names it, says what to do, and keeps the bytes', async () => {
    const dataDir = makeDataDir();
    const file = path.join(dataDir, 'parallax.db');
    const garbage = Buffer.from('definitely not SQLite '.repeat(500));
    fs.writeFileSync(file, garbage);
    const { code, stderr } = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(code).not.toBe(0);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/Restore a backup/);
    const moved = fs.readdirSync(dataDir).find((name) => name.startsWith('parallax.db.corrupt-') && !/-(wal|shm)$/.test(name));
    expect(moved).toBeDefined();
    expect(fs.readFileSync(path.join(dataDir, moved!)).equals(garbage)).toBe(true);
  });

  it('refuses a database from a newer version', async () => {
    const dataDir = makeDataDir();
    const db = new Database(path.join(dataDir, 'parallax.db'));
    db.pragma('user_version = 999');
    db.close();
    const { code, stderr } = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/newer Parallax \(schema version 999/);
  });

  it('refuses a hand-edited bad settings file, naming the file and the field', async () => {
    const dataDir = makeDataDir();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ api: { port: 'eighty' } }));
    const { code, stderr } = await runCli(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(code).toBe(2);
    expect(stderr).toContain(path.join(dataDir, 'settings.json'));
    expect(stderr).toContain('api.port');
  });

  it('rejects a bad --port with a usage error', async () => {
    const { code, stderr } = await runCli(['serve', '--port', 'abc', '--data-dir', makeDataDir()]);
    expect(code).toBe(64);
    expect(stderr).toMatch(/--port must be a whole number/);
  });
});

describe('parallax keys', () => {
  it('creates, lists and revokes keys from the command line', async () => {
    const dataDir = makeDataDir();
    const created = await runCli(['keys', 'create', '--name', 'ci', '--type', 'test', '--data-dir', dataDir]);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^pk_test_[a-z0-9]{24}$/);
    const listed = await runCli(['keys', 'list', '--data-dir', dataDir]);
    expect(listed.stdout).toContain(key.slice(0, 12));
    expect(listed.stdout).not.toContain(key);
    const id = listed.stdout
      .split('\n')
      .find((line) => line.includes(key.slice(0, 12)))!
      .split(/\s+/)[0]!;
    const revoked = await runCli(['keys', 'revoke', id, '--data-dir', dataDir]);
    expect(revoked.code).toBe(0);
    expect((await runCli(['keys', 'list', '--data-dir', dataDir])).stdout).toMatch(/revoked/);
  });
});
