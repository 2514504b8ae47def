import { z } from 'zod';
import { defineOperation } from './define';

export const providerKeyStatusSchema = z.object({
  provider: z.string(),
  configured: z.boolean(),
  /** The last four characters only; the key itself is never returned by any route. */
  last4: z.string().nullable(),
  source: z.enum(['vault', 'env']).nullable(),
  updated_at: z.string().nullable(),
  error: z.string().nullable(),
});
export type ProviderKeyStatus = z.infer<typeof providerKeyStatusSchema>;

const providerParam = z.string({ error: 'provider is required' }).min(1, 'provider is required').max(64);

export const providerKeyOperations = {
  listProviderKeys: defineOperation({
    summary: 'Which providers have a key (vault or environment), with the last four characters; never the key.',
    tag: 'Provider keys',
    input: z.object({}).strict(),
    output: z.object({
      data: z.array(providerKeyStatusSchema),
      /** False when keys are kept for this session only; `notice` says why and what to do. */
      persistent: z.boolean(),
      notice: z.string().nullable(),
    }),
    http: { method: 'GET', path: '/v1/provider-keys' },
  }),
  setProviderKey: defineOperation({
    summary: 'Store a provider key in the vault (encrypted at rest).',
    tag: 'Provider keys',
    input: z
      .object({
        provider: providerParam,
        api_key: z
          .string({ error: 'api_key is required' })
          .trim()
          .min(1, 'api_key must be between 1 and 1000 characters')
          .max(1000, 'api_key must be between 1 and 1000 characters'),
      })
      .strict(),
    output: providerKeyStatusSchema,
    http: { method: 'PUT', path: '/v1/provider-keys/:provider' },
  }),
  deleteProviderKey: defineOperation({
    summary: 'Remove a provider key from the vault.',
    tag: 'Provider keys',
    input: z.object({ provider: providerParam }).strict(),
    output: providerKeyStatusSchema,
    http: { method: 'DELETE', path: '/v1/provider-keys/:provider' },
  }),
};
