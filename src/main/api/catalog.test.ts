import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { PROVIDER_IDS } from '../../shared/providers';

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
