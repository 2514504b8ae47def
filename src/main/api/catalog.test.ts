import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { PROVIDER_IDS } from '../../shared/providers';
import { emulatorEnv } from '../../../test/support/providerEmulator/env';
import { startProviderEmulator } from '../../../test/support/providerEmulator/server';

let api: ApiHarness;
beforeAll(async () => (api = await startHarness({ env: { GROQ_BASE_URL: 'http://127.0.0.1:9/openai/v1' } })));
afterAll(() => api.close());

describe('GET /v1/models and /v1/providers', () => {
  it('lists every provider of PRODUCT.md with prices, their dates and sources', async () => {
    const { body } = await api.call('GET', '/v1/models');
    for (const id of PROVIDER_IDS) {
      const models = body.data.filter((m: { provider: string }) => m.provider === id);
      expect(models.length, id).toBeGreaterThan(0);
      for (const model of models) {
        expect(model.input_price, `${id}/${model.id}`).toEqual(expect.any(Number));
        expect(model.price_as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(model.price_source).toEqual(expect.any(String));
      }
    }
  });

  it('marks user price overrides as such', async () => {
    await api.call('PATCH', '/v1/settings', { providers: { price_overrides: { 'openai/gpt-4o': { input: 1, output: 2 } } } });
    const { body } = await api.call('GET', '/v1/models?provider=openai');
    expect(body.data.find((m: { id: string }) => m.id === 'gpt-4o')).toMatchObject({
      input_price: 1,
      output_price: 2,
      price_origin: 'override',
      price_as_of: null,
    });
  });

  it('shows where each base URL comes from', async () => {
    const { body } = await api.call('GET', '/v1/providers');
    expect(body.data.find((p: { id: string }) => p.id === 'groq')).toMatchObject({
      base_url: 'http://127.0.0.1:9/openai/v1',
      base_url_source: 'env',
      protocol: 'openai-compatible',
    });
    expect(body.data.find((p: { id: string }) => p.id === 'anthropic')).toMatchObject({
      base_url: 'https://api.anthropic.com',
      base_url_source: 'default',
      protocol: 'anthropic',
    });
    expect(body.data.find((p: { id: string }) => p.id === 'ollama')).toMatchObject({ requires_key: false });
  });
});

describe('user-defined OpenAI-compatible endpoints', () => {
  it('are listed, take a vault key, appear in the model list and run like any provider', async () => {
    const { startProviderEmulator } = await import('../../../test/support/providerEmulator/server');
    const emulator = await startProviderEmulator();
    try {
      const patched = await api.call('PATCH', '/v1/settings', {
        providers: {
          custom_endpoints: [{ id: 'company_gw', name: 'Company gateway', base_url: emulator.baseUrls.openai, models: ['house-model'] }],
        },
      });
      expect(patched.status).toBe(200);
      const providers = (await api.call('GET', '/v1/providers')).body.data;
      expect(providers.find((p: { id: string }) => p.id === 'company_gw')).toMatchObject({
        custom: true,
        base_url: emulator.baseUrls.openai,
        requires_key: false,
      });
      const models = (await api.call('GET', '/v1/models?provider=company_gw')).body.data;
      expect(models).toEqual([expect.objectContaining({ id: 'house-model', input_price: null, price_origin: null })]);
      expect((await api.call('PUT', '/v1/provider-keys/company_gw', { api_key: 'gw-secret-1234' })).status).toBe(200);

      const started = await api.call('POST', '/v1/runs', {
        prompt: 'hello gateway',
        configurations: [{ provider: 'company_gw', model: 'house-model' }],
      });
      expect(started.status).toBe(202);
      let run = started.body;
      for (let i = 0; i < 50 && run.status === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        run = (await api.call('GET', `/v1/runs/${run.id}`)).body;
      }
      expect(run.results[0]).toMatchObject({
        provider: 'company_gw',
        status: 'completed',
        metadata: { cost_known: false, estimated_cost: null },
      });
      expect(emulator.requests.at(-1)?.authorization).toBe('Bearer gw-secret-1234');

      // The Promptster routes take the endpoint's id like a built-in provider's.
      const tested = await api.call('POST', '/v1/prompts/test', { provider: 'company_gw', model: 'house-model', prompt: 'hi' });
      expect(tested.status).toBe(200);
      expect(tested.body).toMatchObject({ provider: 'company_gw', model: 'house-model' });
      const unknown = await api.call('POST', '/v1/prompts/test', { provider: 'company-gw2', model: 'm', prompt: 'hi' });
      expect(unknown.body.error).toMatchObject({ field: 'provider' });
      expect(unknown.body.error.message).toMatch(/^Invalid provider\. Must be one of: openai, .*company_gw$/);
    } finally {
      await emulator.close();
    }
  });

  it('refuses an endpoint named like a built-in provider, naming the field', async () => {
    const { status, body } = await api.call('PATCH', '/v1/settings', {
      providers: { custom_endpoints: [{ id: 'openai', name: 'x', base_url: 'http://127.0.0.1:1/v1' }] },
    });
    expect(status).toBe(400);
    expect(body.error.field).toBe('providers.custom_endpoints.0.id');
  });
});

describe('refreshing a provider model list', () => {
  it('offers the models a provider lists, unpriced unless overridden, and reports what is new', async () => {
    const emulator = await startProviderEmulator();
    const local = await startHarness({ env: emulatorEnv(emulator) });
    const first = await local.call('POST', '/v1/providers/openai/models/refresh');
    expect(first.body).toEqual({ provider: 'openai', ok: true, model_count: 1, new_models: 1, error: null });
    expect((await local.call('POST', '/v1/providers/openai/models/refresh')).body.new_models).toBe(0);
    const listed = await local.call('GET', '/v1/models?provider=openai');
    expect(listed.body.data.find((m: { id: string }) => m.id === 'emu-model')).toMatchObject({ input_price: null, price_origin: null });
    await local.call('PATCH', '/v1/settings', { providers: { price_overrides: { 'openai/emu-model': { input: 0.1, output: 0.2 } } } });
    const priced = await local.call('GET', '/v1/models?provider=openai');
    expect(priced.body.data.find((m: { id: string }) => m.id === 'emu-model')).toMatchObject({ input_price: 0.1, price_origin: 'override' });
    expect((await local.call('GET', '/v1/models?provider=anthropic')).body.data.some((m: { id: string }) => m.id === 'emu-model')).toBe(false);

    const unknown = await local.call('POST', '/v1/providers/nope/models/refresh');
    expect(unknown.body).toMatchObject({ ok: false, error: { type: 'invalid_request' } });
    await local.close();
    await emulator.close();
  });
});
