import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnv } from '../support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../support/providerEmulator/server';
import { startServe } from '../support/serve';

const CANARY = 'sk-proj-CANARY-7d1f0c9e4b2a6f3e8d5c1b0a9f8e7d6c';

let emulator: Emulator;
beforeAll(async () => (emulator = await startProviderEmulator()));
afterAll(() => emulator.close());

describe('a canary provider key stored through the API', () => {
  it('appears nowhere in plain text: not in the database, WAL, settings, logs, nor any reply of a full session', async () => {
    // Base URLs at the emulator, but no key in the environment: the key can only come from the vault.
    const env = { ...Object.fromEntries(Object.entries(emulatorEnv(emulator)).filter(([name]) => name.endsWith('_BASE_URL'))), PARALLAX_VAULT_PASSPHRASE: 'canary-pass' };
    const serve = await startServe({ env });
    const replies: string[] = [];
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${serve.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${serve.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      replies.push(text, JSON.stringify([...response.headers]));
      return { status: response.status, text };
    };

    expect((await call('PUT', '/v1/provider-keys/openai', { api_key: CANARY })).status).toBe(200);
    await call('GET', '/v1/provider-keys');
    await call('PUT', '/v1/provider-keys/nope', { api_key: CANARY }); // a rejected write
    await call('PUT', '/v1/provider-keys/openai', { api_key: CANARY, extra: 1 }); // another
    const compared = await call('POST', '/v1/prompts/compare', { prompt: 'hi', configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }, { provider: 'openai', model: 'gpt-4o-mini~error=401' }] });
    expect(compared.status).toBe(200);
    expect(emulator.requests.at(-1)?.authorization).toContain(CANARY); // it did reach the provider it belongs to
    await call('POST', '/v1/prompts/test', { provider: 'openai', model: 'gpt-4o~error=401', prompt: 'x' });
    await call('GET', '/v1/runs?limit=100');
    await call('GET', '/v1/history?limit=100');
    await call('GET', '/v1/settings');
    await call('GET', '/v1/openapi.json');
    await call('POST', '/mcp', { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    await call('DELETE', '/v1/provider-keys/anthropic');
    await serve.stop();

    const canary = Buffer.from(CANARY);
    const tail = Buffer.from(CANARY.slice(8, 30));
    const files = ['parallax.db', 'parallax.db-wal', 'settings.json', 'api-token'].map((name) => path.join(serve.dataDir, name)).filter((file) => fs.existsSync(file));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(canary), file).toBe(false);
      expect(bytes.includes(tail), file).toBe(false);
    }
    const logs = serve.stdout() + serve.stderr();
    expect(logs).not.toContain(CANARY.slice(8, 30));
    for (const reply of replies) expect(reply).not.toContain(CANARY.slice(8, 30));
    // It is there, as ciphertext.
    const db = fs.readFileSync(path.join(serve.dataDir, 'parallax.db'));
    const wal = fs.existsSync(path.join(serve.dataDir, 'parallax.db-wal')) ? fs.readFileSync(path.join(serve.dataDir, 'parallax.db-wal')) : Buffer.alloc(0);
    expect(Buffer.concat([db, wal]).includes(Buffer.from('v1:aesgcm:'))).toBe(true);
  });
});
