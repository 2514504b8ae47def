import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { startApiServer, type RunningServer } from './server';

let core: Core;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-api-'));
  core = createCore({ dataDir });
  server = await startApiServer({ core, port: 0 });
  token = fs.readFileSync(path.join(dataDir, 'api-token'), 'utf8').trim();
});
afterAll(async () => {
  await server.close();
  core.close();
});

const call = (pathname: string, init: RequestInit & { auth?: boolean } = {}) => {
  const headers = new Headers(init.headers);
  if (init.auth !== false && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
  return fetch(`${server.url}${pathname}`, { ...init, headers });
};
const json = (body: unknown): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe('local API server', () => {
  it('answers /health without a key', async () => {
    const response = await call('/health', { auth: false });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.any(String) });
  });

  it.each([
    ['no Authorization header', undefined, 'Missing Authorization header'],
    ['an unknown key', 'Bearer pk_live_aaaaaaaaaaaaaaaaaaaaaaaa', 'Invalid API key. Please check your Authorization header.'],
    ['a malformed scheme', 'Basic abc', 'Invalid API key. Please check your Authorization header.'],
    ['an empty bearer', 'Bearer ', 'Invalid API key. Please check your Authorization header.'],
  ])('refuses %s with 401 in the Promptster format', async (_label, authorization, message) => {
    const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
    const response = await call('/v1/api-keys', { auth: false, headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { type: 'authentication_error', message } });
  });

  it('refuses a truncated or case-changed key', async () => {
    for (const variant of [token.slice(0, -1), token.toUpperCase(), `${token}x`]) {
      const response = await call('/v1/api-keys', { headers: { authorization: `Bearer ${variant}` } });
      expect(response.status).toBe(401);
    }
  });

  it.each(['evil.example', '127.0.0.1.nip.io', 'localhost.evil.example'])('refuses Host %s with 403 (DNS rebinding)', async (host) => {
    const response = await rawRequest(server.url, '/health', { host });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ error: { type: 'forbidden' } });
  });

  it.each(['https://evil.example', 'null', 'http://localhost:1'])('refuses Origin %s with 403', async (origin) => {
    const response = await call('/v1/api-keys', { headers: { origin } });
    expect(response.status).toBe(403);
  });

  it('accepts its own origin', async () => {
    const response = await call('/v1/api-keys', { headers: { origin: server.url } });
    expect(response.status).toBe(200);
  });

  it('sends no CORS headers', async () => {
    const response = await call('/v1/api-keys', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses form and text/plain writes with 415', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await call('/v1/api-keys', { method: 'POST', body: 'name=x', headers: { 'content-type': type } });
      expect(response.status).toBe(415);
      expect(await response.json()).toMatchObject({ error: { type: 'unsupported_media_type' } });
    }
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await call('/v1/api-keys', json({ name: 'x'.repeat(7 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { type: 'payload_too_large', field: 'body' } });
  });

  it('answers 400 naming the body for malformed JSON', async () => {
    const response = await call('/v1/api-keys', { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { type: 'validation_error', message: 'Request body is not valid JSON', field: 'body' },
    });
  });

  it('creates a key (201, shown once), lists it without the secret, revokes it', async () => {
    const created = await call('/v1/api-keys', json({ name: 'script', type: 'test' }));
    expect(created.status).toBe(201);
    const key = (await created.json()) as { id: string; key: string };
    expect(key.key).toMatch(/^pk_test_/);
    const list = await (await call('/v1/api-keys')).text();
    expect(list).toContain(key.id);
    expect(list).not.toContain(key.key);
    const revoked = await call(`/v1/api-keys/${key.id}`, { method: 'DELETE' });
    expect(revoked.status).toBe(200);
    const refused = await call('/v1/api-keys', { headers: { authorization: `Bearer ${key.key}` } });
    expect(refused.status).toBe(401);
  });

  it('counts requests per key', async () => {
    const before = ((await (await call('/v1/api-keys')).json()) as { data: { request_count: number; prefix: string }[] }).data;
    const mine = before.find((k) => token.startsWith(k.prefix));
    const after = (
      (await (await call('/v1/api-keys')).json()) as { data: { request_count: number; prefix: string; last_used_at: string }[] }
    ).data;
    const mineAfter = after.find((k) => token.startsWith(k.prefix));
    expect(mineAfter?.request_count).toBe((mine?.request_count ?? 0) + 1);
    expect(mineAfter?.last_used_at).toBeTruthy();
  });

  it('validates settings updates and names the field', async () => {
    const response = await call('/v1/settings', { ...json({ api: { port: -1 } }), method: 'PATCH' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { type: 'validation_error', message: 'api.port must be between 0 and 65535', field: 'api.port' },
    });
  });

  it('answers unknown routes with 404 in the error format', async () => {
    const response = await call('/v1/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: 'not_found' } });
  });

  it('describes every operation in /v1/openapi.json', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    const ids = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((m) => m.operationId));
    expect(ids).toEqual(expect.arrayContaining(['health', 'getSettings', 'updateSettings', 'listApiKeys', 'createApiKey', 'revokeApiKey']));
    expect(doc.paths['/v1/api-keys/{id}']?.delete).toBeDefined();
    // Routes outside the operations table are described too, from the schemas that validate them.
    for (const path of ['/api/prompt/execute', '/api/prompt/create', '/api/v1/webhooks', '/api/traces', '/scheduler/webhook/{id}', '/mcp', '/v1/schedules/{id}/run']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    const create = doc.paths['/api/prompt/create']!.post as unknown as { requestBody: { content: { 'application/json': { schema: { properties: object } } } } };
    expect(Object.keys(create.requestBody.content['application/json'].schema.properties)).toEqual(expect.arrayContaining(['prompt', 'models', 'priority', 'callback_url']));
  });

  it('streams live events over SSE', async () => {
    const controller = new AbortController();
    const response = await call('/v1/events?channels=settings.changed', { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    await call('/v1/settings', { ...json({ theme: 'dark' }), method: 'PATCH' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: settings.changed\ndata: {"theme":"dark"}');
    controller.abort();
  });
});

/** fetch() cannot set the Host header, so this goes through node:http. */
async function rawRequest(base: string, pathname: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const http = await import('node:http');
  const url = new URL(pathname, base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
