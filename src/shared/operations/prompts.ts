import { z } from 'zod';
import { idParam, intParam, paginationSchema } from './common';
import { defineOperation } from './define';

export const VERSION_SOURCES = ['ui', 'api', 'mcp', 'cli', 'import', 'schedule'] as const;

export const configurationSchema = z
  .object({
    provider: z.string({ error: 'provider is required' }).min(1, 'provider is required').max(64, 'provider must be at most 64 characters'),
    model: z.string({ error: 'model is required' }).trim().min(1, 'model is required').max(200, 'model must be at most 200 characters'),
    temperature: z
      .number({ error: 'temperature must be a number' })
      .min(0, 'temperature must be between 0.0 and 2.0')
      .max(2, 'temperature must be between 0.0 and 2.0')
      .optional(),
    max_tokens: z
      .number({ error: 'max_tokens must be an integer' })
      .int('max_tokens must be an integer')
      .min(1, 'max_tokens must be between 1 and 1000000')
      .max(1_000_000, 'max_tokens must be between 1 and 1000000')
      .optional(),
  })
  .strict();
export type Configuration = z.infer<typeof configurationSchema>;

const name = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name must be between 1 and 200 characters')
  .max(200, 'name must be between 1 and 200 characters');
const template = z
  .string({ error: 'prompt is required' })
  .min(1, 'prompt must be between 1 and 100000 characters')
  .max(100_000, 'prompt must be between 1 and 100000 characters');
const system = z.string().max(100_000, 'system must be at most 100000 characters').nullable();
const variableName = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const variables = z
  .record(
    z.string().regex(variableName, 'variables: names are letters, digits, _ . - and start with a letter or _'),
    z.string().max(100_000),
  )
  .refine((value) => Object.keys(value).length <= 100, 'variables: at most 100');
const configurations = z
  .array(configurationSchema, { error: 'configurations must be an array' })
  .min(1, 'configurations must contain 1-10 items')
  .max(10, 'configurations must contain 1-10 items');
const tags = z.array(z.string().trim().min(1).max(50)).max(20, 'tags: at most 20');

/** The field rules of a saved prompt, shared with the import of exported `tests`. */
export const promptFieldSchemas = { name, template, system, variables, configurations, tags };

/** The content that is versioned: any change to one of these makes a new version. */
export const promptContentSchema = z.object({
  prompt: z.string(),
  system: z.string().nullable(),
  variables: z.record(z.string(), z.string()),
  configurations: z.array(configurationSchema),
});
export type PromptContent = z.infer<typeof promptContentSchema>;

export const savedPromptSchema = promptContentSchema.extend({
  id: z.string(),
  name: z.string(),
  tags: z.array(z.string()),
  version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SavedPrompt = z.infer<typeof savedPromptSchema>;

export const promptVersionSchema = promptContentSchema.extend({
  prompt_id: z.string(),
  version: z.number().int(),
  created_at: z.string(),
  /** Where the edit came from: the window, the API, MCP, the CLI, an import. */
  created_via: z.enum(VERSION_SOURCES),
});
export type PromptVersion = z.infer<typeof promptVersionSchema>;

export const promptOperations = {
  listPrompts: defineOperation({
    summary: 'Saved prompts, most recently changed first; `q` searches names and text, `tag` filters.',
    tag: 'Prompts',
    input: z
      .object({
        q: z.string().max(200).optional(),
        tag: z.string().max(50).optional(),
        limit: intParam(1, 100, 'limit must be between 1 and 100').optional().default(50),
        offset: intParam(0, Number.MAX_SAFE_INTEGER, 'offset must be a non-negative integer').optional().default(0),
      })
      .strict(),
    output: z.object({ data: z.array(savedPromptSchema), pagination: paginationSchema }),
    http: { method: 'GET', path: '/v1/prompts' },
  }),
  createPrompt: defineOperation({
    summary: 'Save a prompt (version 1).',
    tag: 'Prompts',
    input: z
      .object({ name, prompt: template, system: system.optional(), variables: variables.optional(), configurations, tags: tags.optional() })
      .strict(),
    output: savedPromptSchema,
    http: { method: 'POST', path: '/v1/prompts', status: 201 },
  }),
  getPrompt: defineOperation({
    summary: 'A saved prompt at its current version.',
    tag: 'Prompts',
    input: idParam.strict(),
    output: savedPromptSchema,
    http: { method: 'GET', path: '/v1/prompts/:id' },
  }),
  updatePrompt: defineOperation({
    summary: 'Change a saved prompt. A change of its text, system prompt, variables or configurations makes a new version.',
    tag: 'Prompts',
    input: idParam
      .extend({
        name: name.optional(),
        prompt: template.optional(),
        system: system.optional(),
        variables: variables.optional(),
        configurations: configurations.optional(),
        tags: tags.optional(),
      })
      .strict(),
    output: savedPromptSchema,
    http: { method: 'PATCH', path: '/v1/prompts/:id' },
  }),
  deletePrompt: defineOperation({
    summary: 'Delete a saved prompt and its versions.',
    tag: 'Prompts',
    input: idParam.strict(),
    output: z.object({ id: z.string(), deleted: z.literal(true) }),
    http: { method: 'DELETE', path: '/v1/prompts/:id' },
  }),
  listPromptVersions: defineOperation({
    summary: 'Every version of a saved prompt, newest first.',
    tag: 'Prompts',
    input: idParam.strict(),
    output: z.object({ data: z.array(promptVersionSchema) }),
    http: { method: 'GET', path: '/v1/prompts/:id/versions' },
  }),
  restorePromptVersion: defineOperation({
    summary: 'Make an earlier version current again (as a new version, so nothing is lost).',
    tag: 'Prompts',
    input: idParam.extend({ version: intParam(1, Number.MAX_SAFE_INTEGER, 'version must be a positive integer') }).strict(),
    output: savedPromptSchema,
    http: { method: 'POST', path: '/v1/prompts/:id/versions/:version/restore' },
  }),
};
