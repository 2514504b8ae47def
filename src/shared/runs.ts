/** The domain shapes of runs and their results, shared by the API, the IPC bridge and the renderer. */
import { z } from 'zod';

export const RUN_SOURCES = ['ui', 'api', 'schedule', 'mcp', 'trace', 'cli'] as const;
export const RUN_STATUSES = ['running', 'completed', 'partial', 'failed', 'cancelled', 'interrupted'] as const;
export const RESULT_STATUSES = ['pending', 'streaming', 'completed', 'failed', 'cancelled', 'interrupted'] as const;

export type RunSource = (typeof RUN_SOURCES)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** Promptster's metadata fields plus Parallax's own (ttft, finish reason, cache and reasoning tokens, cost_known). */
export const resultMetadataSchema = z.object({
  input_tokens: z.number().int().nullable(),
  output_tokens: z.number().int().nullable(),
  total_tokens: z.number().int().nullable(),
  response_time_ms: z.number().int().nullable(),
  tokens_per_second: z.number().nullable(),
  /** USD; null when the model has no known price (never a silent 0). */
  estimated_cost: z.number().nullable(),
  cost_known: z.boolean(),
  ttft_ms: z.number().int().nullable(),
  finish_reason: z.string().nullable(),
  cached_input_tokens: z.number().int().nullable(),
  reasoning_tokens: z.number().int().nullable(),
  retries: z.number().int(),
});
export type ResultMetadata = z.infer<typeof resultMetadataSchema>;

export const resultErrorSchema = z.object({
  type: z.string(),
  message: z.string(),
  provider: z.string(),
  status: z.number().int().nullable(),
  retryable: z.boolean(),
});
export type ResultError = z.infer<typeof resultErrorSchema>;

export const ratingSchema = z.union([z.literal(1), z.literal(-1)]).nullable();

export const runResultSchema = z.object({
  id: z.string(),
  run_id: z.string(),
  position: z.number().int(),
  provider: z.string(),
  model: z.string(),
  temperature: z.number().nullable(),
  max_tokens: z.number().int().nullable(),
  status: z.enum(RESULT_STATUSES),
  response: z.string(),
  error: resultErrorSchema.nullable(),
  metadata: resultMetadataSchema,
  warnings: z.array(z.string()),
  rating: ratingSchema,
  note: z.string().nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const runSchema = z.object({
  id: z.string(),
  source: z.enum(RUN_SOURCES),
  api_key_prefix: z.string().nullable(),
  prompt: z.string(),
  system: z.string().nullable(),
  variables: z.record(z.string(), z.string()),
  rendered_prompt: z.string(),
  rendered_system: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  prompt_id: z.string().nullable(),
  prompt_version: z.number().int().nullable(),
  rating: ratingSchema,
  note: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  results: z.array(runResultSchema),
});
export type Run = z.infer<typeof runSchema>;
