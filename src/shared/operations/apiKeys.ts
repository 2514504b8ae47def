import { z } from 'zod';
import { defineOperation } from './define';

export const API_KEY_TYPES = ['live', 'test'] as const;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(API_KEY_TYPES),
  /** The first 12 characters, enough to recognise a key without revealing it. */
  prefix: z.string(),
  status: z.enum(['active', 'revoked']),
  request_count: z.number().int(),
  last_used_at: z.string().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyIdParam = z.object({ id: z.string().min(1, 'id is required') }).strict();

export const apiKeyOperations = {
  listApiKeys: defineOperation({
    summary: 'List local API keys (never their secret part).',
    tag: 'API keys',
    input: z.object({}).strict(),
    output: z.object({ data: z.array(apiKeySchema) }),
    http: { method: 'GET', path: '/v1/api-keys' },
  }),
  createApiKey: defineOperation({
    summary: 'Create a local API key. Its plain text is in this answer only.',
    tag: 'API keys',
    input: z
      .object({
        name: z
          .string({ error: 'name must be a string' })
          .trim()
          .min(1, 'name must be between 1 and 100 characters')
          .max(100, 'name must be between 1 and 100 characters'),
        type: z.enum(API_KEY_TYPES, { error: 'type must be one of: live, test' }).default('live'),
      })
      .strict(),
    output: apiKeySchema.extend({ key: z.string() }),
    http: { method: 'POST', path: '/v1/api-keys', status: 201 },
  }),
  revokeApiKey: defineOperation({
    summary: 'Revoke a local API key; requests with it are refused from now on.',
    tag: 'API keys',
    input: apiKeyIdParam,
    output: apiKeySchema,
    http: { method: 'DELETE', path: '/v1/api-keys/:id' },
  }),
};
