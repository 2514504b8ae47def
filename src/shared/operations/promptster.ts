/** Promptster's `/v1/prompts/test` and `/v1/prompts/compare`, same bodies, answers and messages. */
import { z } from 'zod';
import { PROVIDER_IDS } from '../providers';
import { resultMetadataSchema } from '../runs';
import { defineOperation } from './define';

const providerList = PROVIDER_IDS.join(', ');
// Built-in ids, or a user-defined endpoint's id: the core checks the latter against Settings.
const provider = z
  .string({ error: `Invalid provider. Must be one of: ${providerList}` })
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: `Invalid provider. Must be one of: ${providerList}` });
const model = z.string({ error: 'model is required' }).trim().min(1, 'model is required').max(200, 'model must be at most 200 characters');
const prompt = z
  .string({ error: 'Prompt must be between 1 and 10,000 characters' })
  .min(1, 'Prompt must be between 1 and 10,000 characters')
  .max(10_000, 'Prompt must be between 1 and 10,000 characters');
const maxTokens = z
  .number({ error: 'max_tokens must be between 1 and 4096' })
  .int('max_tokens must be between 1 and 4096')
  .min(1, 'max_tokens must be between 1 and 4096')
  .max(4096, 'max_tokens must be between 1 and 4096');
const temperature = z
  .number({ error: 'temperature must be between 0.0 and 2.0' })
  .min(0, 'temperature must be between 0.0 and 2.0')
  .max(2, 'temperature must be between 0.0 and 2.0');

export const DEFAULT_MAX_TOKENS = 2000;
export const DEFAULT_TEMPERATURE = 0.7;

/** Promptster's metadata: its six fields, rounded as it rounds them, plus Parallax's own. */
export const promptsterMetadataSchema = resultMetadataSchema;

const promptsterError = z.object({
  type: z.string(),
  message: z.string(),
  provider: z.string().optional(),
  status: z.number().nullable().optional(),
});

export const testPromptInput = z
  .object({
    provider,
    model,
    prompt,
    max_tokens: maxTokens.optional(),
    temperature: temperature.optional(),
    system: z.string().max(100_000).optional(),
    stream: z.boolean().optional(),
  })
  .strict();

export const comparePromptsInput = z
  .object({
    prompt,
    configurations: z
      .array(z.object({ provider, model, temperature: temperature.optional(), max_tokens: maxTokens.optional() }).strict(), {
        error: 'configurations must contain 2-10 items',
      })
      .min(2, 'configurations must contain 2-10 items')
      .max(10, 'configurations must contain 2-10 items'),
    max_tokens: maxTokens.optional(),
    system: z.string().max(100_000).optional(),
    stream: z.boolean().optional(),
  })
  .strict();

export const testPromptOutput = z.object({
  id: z.string(),
  provider: z.string(),
  model: z.string(),
  prompt: z.string(),
  response: z.string(),
  metadata: promptsterMetadataSchema,
  created_at: z.string(),
});

export const compareResultSchema = z.object({
  provider: z.string(),
  model: z.string(),
  response: z.string(),
  metadata: promptsterMetadataSchema,
  error: promptsterError.optional(),
});

export const comparePromptsOutput = z.object({
  id: z.string(),
  prompt: z.string(),
  results: z.array(compareResultSchema),
  created_at: z.string(),
});

export const promptsterOperations = {
  testPrompt: defineOperation({
    summary:
      'Test a prompt on one provider and model; answers with the text and its metrics (`"stream": true` answers with Server-Sent Events).',
    tag: 'Prompts (Promptster)',
    input: testPromptInput,
    output: testPromptOutput,
    http: { method: 'POST', path: '/v1/prompts/test' },
  }),
  comparePrompts: defineOperation({
    summary:
      'The same prompt on 2–10 configurations in parallel. A provider that fails gives its result an `error`; the call still answers 200.',
    tag: 'Prompts (Promptster)',
    input: comparePromptsInput,
    output: comparePromptsOutput,
    http: { method: 'POST', path: '/v1/prompts/compare' },
  }),
};
