import { z } from 'zod';
import { RESULT_STATUSES, RUN_SOURCES, RUN_STATUSES, resultErrorSchema } from '../runs';
import { defineOperation } from './define';
import { importScheduleRowSchema, importScheduleRunRowSchema, importTestRowSchema } from './importRows';
import { runFilterFields } from './runs';

export const EXPORT_KINDS = ['tests', 'runs', 'schedules', 'schedule_runs'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
/** Promptster's limit: the most recent 10,000 rows per category. */
export const EXPORT_ROW_LIMIT = 10_000;

const include = z.string().transform((value, ctx) => {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = parts.find((part) => !(EXPORT_KINDS as readonly string[]).includes(part));
  if (unknown !== undefined || parts.length === 0) {
    ctx.addIssue({ code: 'custom', message: `include must be a comma-separated list of: ${EXPORT_KINDS.join(', ')}` });
    return z.NEVER;
  }
  return [...new Set(parts)] as ExportKind[];
});

export const exportOperations = {
  exportData: defineOperation({
    summary:
      "Export saved prompts ('tests'), runs, schedules and schedule runs as JSON, or as CSV with `format=csv` (an attachment, one section per kind). The runs can be narrowed with the `GET /v1/runs` filters (q, provider, model, source, status, rating, start_date, end_date). No key of any kind is ever included.",
    tag: 'Export',
    input: z
      .object({
        format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).optional().default('json'),
        include: include.optional(),
        // The History filters: they narrow the `runs` kind (History's "export what I see").
        ...runFilterFields,
      })
      .strict(),
    output: z.object({
      exported_at: z.string(),
      data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
      counts: z.record(z.string(), z.number().int()),
    }),
    http: { method: 'GET', path: '/v1/export' },
  }),
};

const isoInstant = (field: string) =>
  z.string({ error: `${field} is required` }).refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: `${field} must be an ISO 8601 date`,
  });
const nullableString = z.string().nullable().optional();
const nullableInt = z.number().int().nullable().optional();
const nullableNumber = z.number().nullable().optional();
const rating = z
  .union([z.literal(1), z.literal(-1)])
  .nullable()
  .optional();

/** One `runs` row of an export (one per result), as `GET /v1/export` writes it. Only ids, source, status and dates are required. */
export const importRunRowSchema = z
  .object({
    id: z.string({ error: 'id is required' }).min(1, 'id is required').max(200),
    run_id: z.string({ error: 'run_id is required' }).min(1, 'run_id is required').max(200),
    test_id: nullableString,
    test_version: nullableInt,
    source: z.enum(RUN_SOURCES, { error: `source must be one of: ${RUN_SOURCES.join(', ')}` }),
    provider: z.string({ error: 'provider is required' }).min(1).max(64),
    model: z.string({ error: 'model is required' }).min(1).max(200),
    status: z.enum(RESULT_STATUSES, { error: `status must be one of: ${RESULT_STATUSES.join(', ')}` }),
    response_time_ms: nullableInt,
    ttft_ms: nullableInt,
    input_tokens: nullableInt,
    output_tokens: nullableInt,
    cost: nullableNumber,
    finish_reason: nullableString,
    created_at: isoInstant('created_at'),
    run_status: z.enum(RUN_STATUSES, { error: `run_status must be one of: ${RUN_STATUSES.join(', ')}` }).optional(),
    run_finished_at: nullableString,
    prompt: z.string().max(1_000_000).optional(),
    system: nullableString,
    variables: z.record(z.string(), z.string()).optional(),
    rendered_prompt: z.string().max(1_000_000).optional(),
    rendered_system: nullableString,
    run_rating: rating,
    run_note: nullableString,
    position: z.number().int().min(0).max(100).optional(),
    temperature: nullableNumber,
    max_tokens: nullableInt,
    response: z.string().max(10_000_000).optional(),
    error: resultErrorSchema.nullable().optional(),
    cached_input_tokens: nullableInt,
    reasoning_tokens: nullableInt,
    tokens_per_second: nullableNumber,
    cost_known: z.boolean().optional(),
    retries: z.number().int().min(0).optional(),
    warnings: z.array(z.string()).optional(),
    rating,
    note: nullableString,
    started_at: nullableString,
    finished_at: nullableString,
  })
  .strip();
export type ImportRunRow = z.infer<typeof importRunRowSchema>;

const IMPORT_KINDS = ['tests', 'runs', 'schedules', 'schedule_runs'] as const;
const kindCounts = z.object(Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, z.number().int()])) as Record<(typeof IMPORT_KINDS)[number], z.ZodNumber>);

export const importOperations = {
  importData: defineOperation({
    summary:
      'Restore a `GET /v1/export` JSON document into this store, in one transaction: saved prompts (`tests`, same id, their current content as a version made by `import`), runs, schedules (same id; a new webhook secret, shown once in `webhook_secrets`; `next_run_at` computed from now) and schedule runs. Whatever is already here (same id) is skipped; a schedule whose prompt is neither in the document nor in the store is skipped with the reason, and so are its runs. All or nothing: a bad document gets 400 naming the field and writes nothing. Unknown kinds are counted in `not_imported`.',
    tag: 'Export',
    input: z
      .object({
        exported_at: z.string().optional(),
        data: z
          .object(
            {
              tests: z.array(importTestRowSchema).max(100_000).optional(),
              runs: z.array(importRunRowSchema).max(1_000_000).optional(),
              schedules: z.array(importScheduleRowSchema).max(10_000).optional(),
              schedule_runs: z.array(importScheduleRunRowSchema).max(1_000_000).optional(),
            },
            { error: 'data must be an object of arrays by kind' },
          )
          .catchall(z.array(z.unknown(), { error: 'data: each kind must be an array' })),
        counts: z.record(z.string(), z.number()).optional(),
      })
      .strict(),
    output: z.object({
      imported: kindCounts.extend({ results: z.number().int() }),
      skipped: kindCounts,
      /** Why each row that was not a plain duplicate was skipped. */
      skipped_reasons: z.array(z.object({ kind: z.enum(IMPORT_KINDS), id: z.string(), reason: z.string() })),
      /** The new secret of each imported schedule, by id (exports never carry secrets): shown once. */
      webhook_secrets: z.record(z.string(), z.string()),
      not_imported: z.record(z.string(), z.number().int()),
    }),
    http: { method: 'POST', path: '/v1/import' },
  }),
};
