import { z } from 'zod';
import { defineOperation } from './define';

export const providerInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  protocol: z.enum(['openai-compatible', 'anthropic', 'google']),
  base_url: z.string(),
  /** Where the base URL came from: the built-in default, the environment (`<ID>_BASE_URL`) or Settings. */
  base_url_source: z.enum(['default', 'env', 'settings']),
  requires_key: z.boolean(),
  custom: z.boolean(),
});
export type ProviderInfo = z.infer<typeof providerInfoSchema>;

export const modelInfoSchema = z.object({
  provider: z.string(),
  id: z.string(),
  name: z.string(),
  context_window: z.number().int().nullable(),
  /** USD per million tokens; null when unknown. */
  input_price: z.number().nullable(),
  output_price: z.number().nullable(),
  cached_input_price: z.number().nullable(),
  price_as_of: z.string().nullable(),
  price_source: z.string().nullable(),
  /** `catalog` = the curated list shipped with Parallax; `override` = the user's own price. */
  price_origin: z.enum(['catalog', 'override']).nullable(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

export const catalogOperations = {
  listProviders: defineOperation({
    summary: 'Every provider: built-in and user-defined OpenAI-compatible endpoints, with the base URL in use.',
    tag: 'Providers',
    input: z.object({}).strict(),
    output: z.object({ data: z.array(providerInfoSchema) }),
    http: { method: 'GET', path: '/v1/providers' },
  }),
  listModels: defineOperation({
    summary: 'The model catalog with prices per million tokens, the date of each price and where it came from.',
    tag: 'Providers',
    input: z.object({ provider: z.string().max(64).optional() }).strict(),
    output: z.object({ data: z.array(modelInfoSchema) }),
    http: { method: 'GET', path: '/v1/models' },
  }),
  refreshProviderModels: defineOperation({
    summary: "Fetch a provider's own model list and offer its models in the picker (ids not in the catalog have no known price).",
    tag: 'Providers',
    input: z.object({ provider: z.string().min(1, 'provider is required').max(64) }).strict(),
    output: z.object({
      provider: z.string(),
      ok: z.boolean(),
      model_count: z.number().int().nullable(),
      new_models: z.number().int().nullable(),
      error: z.object({ type: z.string(), message: z.string() }).nullable(),
    }),
    http: { method: 'POST', path: '/v1/providers/:provider/models/refresh' },
  }),
  testProviderConnection: defineOperation({
    summary: 'Check a provider with one free call (its model list), using the key a run would use.',
    tag: 'Providers',
    input: z.object({ provider: z.string().min(1, 'provider is required').max(64) }).strict(),
    output: z.object({
      provider: z.string(),
      ok: z.boolean(),
      latency_ms: z.number().int(),
      model_count: z.number().int().nullable(),
      error: z.object({ type: z.string(), message: z.string() }).nullable(),
    }),
    http: { method: 'POST', path: '/v1/providers/:provider/test' },
  }),
};
