import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnv } from '../support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../support/providerEmulator/server';
import { startServe } from '../support/serve';

let emulator: Emulator;
beforeAll(async () => (emulator = await startProviderEmulator()));
afterAll(() => emulator.close());

const post = (url: string, token: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a SIGKILL while five streams are in flight', () => {
  it('keeps every column’s partial text; the run is interrupted after restart; integrity_check is ok', async () => {
    const env = emulatorEnv(emulator);
    const serve = await startServe({ env });
    const response = await post(`${serve.url}/v1/runs`, serve.token, {
      prompt: 'Write a long essay',
      configurations: ['openai', 'anthropic', 'google', 'groq', 'mistral'].map((provider) => ({
        provider,
        model: `m-${provider}~tps=200~len=5000`,
      })),
    });
    expect(response.status).toBe(202);
    const run = (await response.json()) as { id: string };
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await serve.stop('SIGKILL');

    const restarted = await startServe({ dataDir: serve.dataDir, env });
    try {
      const after = (await (
        await fetch(`${restarted.url}/v1/runs/${run.id}`, { headers: { authorization: `Bearer ${restarted.token}` } })
      ).json()) as {
        status: string;
        results: { status: string; response: string }[];
      };
      expect(after.status).toBe('interrupted');
      expect(after.results).toHaveLength(5);
      for (const result of after.results) {
        expect(result.status).toBe('interrupted');
        expect(result.response.split(' ').length).toBeGreaterThan(20);
      }
    } finally {
      await restarted.stop();
    }
    const db = new Database(path.join(serve.dataDir, 'parallax.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
