import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { emulatorEnv } from '../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../test/support/providerEmulator/server';

let emulator: Emulator;
let api: ApiHarness;
beforeAll(async () => {
  emulator = await startProviderEmulator();
  api = await startHarness({ env: { ...emulatorEnv(emulator, 'sk-export-canary-123456'), PARALLAX_VAULT_PASSPHRASE: 'x' } });
  await api.call('POST', '/v1/prompts', {
    name: 'Say "hi", politely',
    prompt: 'Say hi,\nnicely',
    configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }],
  });
  await api.call('PUT', '/v1/provider-keys/anthropic', { api_key: 'sk-ant-export-canary-654321' });
  await api.call('POST', '/v1/prompts/compare', {
    prompt: 'hello',
    configurations: [
      { provider: 'openai', model: 'gpt-4o' },
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
    ],
  });
});
afterAll(async () => {
  await api.close();
  await emulator.close();
});

describe('GET /v1/export (Promptster-compatible)', () => {
  it('exports everything as JSON with counts, and never a key', async () => {
    const { status, body, headers } = await api.call('GET', '/v1/export');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(Object.keys(body.data)).toEqual(['tests', 'runs', 'schedules', 'schedule_runs']);
    expect(body.counts).toEqual({ tests: 1, runs: 2, schedules: 0, schedule_runs: 0 });
    expect(body.data.tests[0]).toMatchObject({ title: 'Say "hi", politely', provider: 'openai', model: 'gpt-4o-mini', version: 1 });
    expect(body.data.runs[0]).toMatchObject({ provider: expect.any(String), cost: expect.any(Number), input_tokens: expect.any(Number) });
    expect(JSON.stringify(body)).not.toMatch(/canary|pk_live_/);
  });

  it('exports the chosen kinds as a CSV attachment, quoting what needs it', async () => {
    const response = await fetch(`${api.server.url}/v1/export?format=csv&include=tests,runs`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="parallax-export-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text).toContain('# tests\r\n');
    expect(text).toContain('# runs\r\n');
    expect(text).not.toContain('# schedules');
    expect(text).toContain('"Say ""hi"", politely"');
    expect(text).toContain('"Say hi,\nnicely"');
  });

  it('names the field of a bad include or format', async () => {
    const bad = await api.call('GET', '/v1/export?include=tests,secrets');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      field: 'include',
      message: 'include must be a comma-separated list of: tests, runs, schedules, schedule_runs',
    });
    expect((await api.call('GET', '/v1/export?format=xml')).body.error.field).toBe('format');
  });
});
