import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../../test/support/apiHarness';
import { inferProvider } from '../../core/models/inferProvider';
import { emulatorEnv } from '../../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../../test/support/providerEmulator/server';

let api: ApiHarness;
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startProviderEmulator();
  api = await startHarness({ env: emulatorEnv(emulator) });
  for (const model of ['gpt-4', 'claude-3-sonnet']) {
    await api.call('POST', '/api/traces', {
      trace_ref: `t-${model}`,
      query: `Question for ${model}`,
      response: 'Answer',
      model,
      sources: [],
      processing_time_ms: 1200,
    });
  }
});
afterAll(async () => {
  await api.close();
  await emulator.close();
});

describe('tentackle compatibility', () => {
  it('lists the prompt history with its documented parameters, filtered by model', async () => {
    const { status, body } = await api.call('GET', '/api/prompts/history?limit=10&model=gpt-4');
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({
      prompt: 'Question for gpt-4',
      models: ['gpt-4'],
      results: [{ model: 'gpt-4', response: 'Answer', response_time: 1.2 }],
    });
  });

  it('executes the documented request on models given by name', async () => {
    const { status, body } = await api.call('POST', '/api/prompt/execute', {
      prompt: 'Write a professional email to a client about project delays',
      models: ['gpt-4', 'claude-3-sonnet', 'gemini-pro'],
      temperature: 0.7,
      max_tokens: 1000,
    });
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    expect(body.results.map((r: { model: string; provider: string }) => [r.model, r.provider])).toEqual([
      ['gpt-4', 'openai'],
      ['claude-3-sonnet', 'anthropic'],
      ['gemini-pro', 'google'],
    ]);
    for (const result of body.results) {
      expect(result.response.length).toBeGreaterThan(0);
      expect(result.tokens_used).toBeGreaterThan(0);
    }
    expect(body.total_tokens).toBe(body.results.reduce((sum: number, r: { tokens_used: number }) => sum + r.tokens_used, 0));
    expect(body.execution_time).toBeGreaterThan(0);
  });

  it('reports usage stats with per-model counts and costs', async () => {
    const { status, body } = await api.call('GET', '/api/usage-stats');
    expect(status).toBe(200);
    expect(body).toMatchObject({ success: true, usage: { current_usage: { prompts_used: 1 }, limits: { prompts_per_month: null } } });
    expect(body.usage.model_breakdown).toEqual({ 'gpt-4': 1, 'claude-3-sonnet': 1, 'gemini-pro': 1 });
    expect(body.usage.cost_breakdown.by_model['gpt-4']).toBeGreaterThan(0);
    expect(body.usage.current_usage.tokens_used).toBeGreaterThan(0);
  });

  it('answers errors in the tentackle envelope', async () => {
    const unauthorised = await fetch(`${api.server.url}/api/prompts/history`);
    expect(unauthorised.status).toBe(401);
    expect(await unauthorised.json()).toEqual({
      success: false,
      error: 'Missing Authorization header',
      code: 'AUTHENTICATION_ERROR',
      details: {},
    });
    const invalid = await api.call('GET', '/api/prompts/history?limit=0');
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual({
      success: false,
      error: 'limit must be between 1 and 100',
      code: 'VALIDATION_ERROR',
      details: { field: 'limit' },
    });
    const badExecute = await api.call('POST', '/api/prompt/execute', { prompt: 'hi', models: [] });
    expect(badExecute.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR', details: { field: 'models' } });
  });

  it('infers the provider of a bare model name, or takes provider/model as written', () => {
    const none = () => undefined;
    expect(inferProvider('gpt-4', none)).toEqual({ provider: 'openai', model: 'gpt-4' });
    expect(inferProvider('claude-3-sonnet', none)).toEqual({ provider: 'anthropic', model: 'claude-3-sonnet' });
    expect(inferProvider('gemini-pro', none)).toEqual({ provider: 'google', model: 'gemini-pro' });
    expect(inferProvider('groq/llama-3.3-70b-versatile', none)).toEqual({ provider: 'groq', model: 'llama-3.3-70b-versatile' });
    expect(inferProvider('meta-llama/Llama-3-70b', () => 'together')).toEqual({ provider: 'together', model: 'meta-llama/Llama-3-70b' });
    expect(() => inferProvider('mystery-model', none)).toThrow(/write it as provider\/model/);
  });
});
