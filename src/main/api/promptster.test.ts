import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { emulatorEnv } from '../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../test/support/providerEmulator/server';

let emulator: Emulator;
let api: ApiHarness;
beforeAll(async () => {
  emulator = await startProviderEmulator();
  // Base URLs point at the emulator; keys come only from the request headers, as in Promptster.
  const env = Object.fromEntries(Object.entries(emulatorEnv(emulator)).filter(([name]) => name.endsWith('_BASE_URL')));
  api = await startHarness({ env });
});
afterAll(async () => {
  await api.close();
  await emulator.close();
});

const keys = { 'X-OPENAI-API-KEY': 'sk-proj-def456', 'X-ANTHROPIC-API-KEY': 'sk-ant-ghi789', 'X-GOOGLE-API-KEY': 'AIza-test' };

describe('POST /v1/prompts/test (Promptster document examples, base URL changed)', () => {
  it('answers the documented request with the documented fields', async () => {
    const { status, body } = await api.call(
      'POST',
      '/v1/prompts/test',
      {
        provider: 'anthropic',
        model: 'claude-sonnet-4-20250514',
        prompt: 'Explain quantum computing in simple terms',
        max_tokens: 500,
        temperature: 0.7,
      },
      keys,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: expect.any(String),
      provider: 'anthropic',
      model: 'claude-sonnet-4-20250514',
      prompt: 'Explain quantum computing in simple terms',
      created_at: expect.any(String),
    });
    expect(body.response.length).toBeGreaterThan(10);
    const m = body.metadata;
    expect(m.total_tokens).toBe(m.input_tokens + m.output_tokens);
    expect(m.response_time_ms).toBeGreaterThanOrEqual(0);
    expect(m.tokens_per_second).toBeGreaterThan(0);
    expect(m.estimated_cost).toBeGreaterThan(0);
    expect(m.cost_known).toBe(true);
    expect(emulator.requests.at(-1)?.authorization).toContain('sk-ant-ghi789');
  });

  it.each([
    [{ provider: 'openia', model: 'gpt-4', prompt: 'x' }, 'provider', /^Invalid provider\. Must be one of: openai, anthropic, google/],
    [{ provider: 'openai', model: 'gpt-4', prompt: '' }, 'prompt', /^Prompt must be between 1 and 10,000 characters$/],
    [{ provider: 'openai', model: 'gpt-4', prompt: 'x'.repeat(10_001) }, 'prompt', /^Prompt must be between 1 and 10,000 characters$/],
    [{ provider: 'openai', model: 'gpt-4', prompt: 'x', max_tokens: 5000 }, 'max_tokens', /^max_tokens must be between 1 and 4096$/],
    [{ provider: 'openai', model: 'gpt-4', prompt: 'x', temperature: 2.5 }, 'temperature', /^temperature must be between 0\.0 and 2\.0$/],
  ])('rejects bad input (%#) with the documented validation error', async (body, field, message) => {
    const response = await api.call('POST', '/v1/prompts/test', body, keys);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ type: 'validation_error', field });
    expect(response.body.error.message).toMatch(message);
  });

  it('asks for the provider key header when no key is anywhere', async () => {
    const response = await api.call('POST', '/v1/prompts/test', { provider: 'anthropic', model: 'claude-sonnet-4-20250514', prompt: 'hi' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: { type: 'validation_error', message: 'Missing required header: X-ANTHROPIC-API-KEY', field: 'headers' },
    });
  });

  it('maps a rejected provider key to 503 provider_error', async () => {
    const response = await api.call('POST', '/v1/prompts/test', { provider: 'openai', model: 'gpt-4~error=401', prompt: 'hi' }, keys);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      error: {
        type: 'provider_error',
        message: 'OpenAI API authentication failed. Please check your X-OPENAI-API-KEY.',
        provider: 'openai',
      },
    });
  });

  it('maps an unknown model to the validation error for model', async () => {
    const response = await api.call('POST', '/v1/prompts/test', { provider: 'openai', model: 'gpt-99~error=404', prompt: 'hi' }, keys);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ type: 'validation_error', message: 'Invalid model name for provider openai', field: 'model' });
  });

  it('streams Server-Sent Events with "stream": true, ending with the same body', async () => {
    const response = await fetch(`${api.server.url}/v1/prompts/test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json', ...keys },
      body: JSON.stringify({ provider: 'openai', model: 'gpt-4o-mini~len=20~tps=400', prompt: 'stream it', stream: true }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    const events = [...text.matchAll(/event: ([\w.]+)\ndata: (.*)\n\n/g)].map((m) => ({ event: m[1], data: JSON.parse(m[2]!) }));
    expect(events[0]?.event).toBe('run.started');
    const deltas = events.filter((e) => e.event === 'result.delta').flatMap((e) => e.data.deltas.map((d: { text: string }) => d.text));
    const result = events.find((e) => e.event === 'result')!.data;
    expect(deltas.join('')).toBe(result.response);
    expect(result.response.split(' ')).toHaveLength(20);
    expect(events.map((e) => e.event)).toContain('run.finished');
  });
});

describe('POST /v1/prompts/compare', () => {
  it('answers the documented example; a failing provider gives its result an error and the call is still 200', async () => {
    const { status, body } = await api.call(
      'POST',
      '/v1/prompts/compare',
      {
        prompt: 'What is 2+2? Answer in one sentence.',
        configurations: [
          { provider: 'openai', model: 'gpt-4' },
          { provider: 'openai', model: 'gpt-3.5-turbo' },
          { provider: 'anthropic', model: 'claude-sonnet-4-20250514~error=529' },
          { provider: 'google', model: 'gemini-1.5-pro' },
        ],
        max_tokens: 50,
      },
      keys,
    );
    expect(status).toBe(200);
    expect(body.prompt).toBe('What is 2+2? Answer in one sentence.');
    expect(body.results).toHaveLength(4);
    expect(body.results[0]).toMatchObject({
      provider: 'openai',
      model: 'gpt-4',
      response: expect.any(String),
      metadata: { cost_known: true },
    });
    expect(body.results[0].error).toBeUndefined();
    expect(body.results[2]).toMatchObject({
      provider: 'anthropic',
      error: { type: 'provider_error', provider: 'anthropic', message: expect.stringMatching(/Overloaded/) },
    });
    expect(body.results[3].response.length).toBeGreaterThan(0);
  });

  it('takes 2–10 configurations', async () => {
    const one = await api.call(
      'POST',
      '/v1/prompts/compare',
      { prompt: 'x', configurations: [{ provider: 'openai', model: 'gpt-4' }] },
      keys,
    );
    expect(one.body.error).toEqual({
      type: 'validation_error',
      message: 'configurations must contain 2-10 items',
      field: 'configurations',
    });
    const eleven = await api.call(
      'POST',
      '/v1/prompts/compare',
      { prompt: 'x', configurations: Array.from({ length: 11 }, () => ({ provider: 'openai', model: 'gpt-4' })) },
      keys,
    );
    expect(eleven.status).toBe(400);
  });

  it('records each call in /v1/runs with source api and the key prefix', async () => {
    const runs = await api.call('GET', '/v1/runs?source=api&limit=100');
    expect(runs.body.data.length).toBeGreaterThan(0);
    expect(runs.body.data[0].api_key_prefix).toBe(api.token.slice(0, 12));
  });
});
