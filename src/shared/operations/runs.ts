import { z } from 'zod';
import { RESULT_STATUSES, RUN_SOURCES, RUN_STATUSES, runResultSchema, runSchema } from '../runs';
import { idParam, intParam, paginationSchema } from './common';
import { defineOperation } from './define';
import { configurationSchema } from './prompts';

const isoDate = (field: string) =>
  z.string().refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}/.test(value), {
    message: `${field} must be an ISO 8601 date`,
  });

const ratingInput = z.union([z.literal(1), z.literal(-1), z.null()], { error: 'rating must be 1, -1 or null' });
const note = z.string().max(10_000, 'note must be at most 10000 characters').nullable();

export const runSummarySchema = runSchema.omit({ results: true }).extend({
  results: z.array(runResultSchema.omit({ response: true }).extend({ response_excerpt: z.string() })),
});

/** The History filters, shared by `GET /v1/runs` and the export of what History shows. */
export const runFilterFields = {
  provider: z.string().max(64).optional(),
  model: z.string().max(200).optional(),
  source: z.enum(RUN_SOURCES, { error: `source must be one of: ${RUN_SOURCES.join(', ')}` }).optional(),
  status: z.enum([...RUN_STATUSES, ...RESULT_STATUSES] as [string, ...string[]], { error: 'status must be a run status' }).optional(),
  rating: z.enum(['up', 'down', 'none'], { error: 'rating must be one of: up, down, none' }).optional(),
  q: z.string().max(500).optional(),
  prompt_id: z.string().optional(),
  start_date: isoDate('start_date').optional(),
  end_date: isoDate('end_date').optional(),
};

export const runOperations = {
  startRun: defineOperation({
    summary: 'Start a comparison: one prompt on 1–10 configurations, streaming in parallel. Answers at once; follow it on /v1/events.',
    tag: 'Runs',
    input: z
      .object({
        prompt: z
          .string({ error: 'prompt is required' })
          .min(1, 'prompt must be between 1 and 100000 characters')
          .max(100_000, 'prompt must be between 1 and 100000 characters'),
        system: z.string().max(100_000, 'system must be at most 100000 characters').nullable().optional(),
        variables: z.record(z.string(), z.string().max(100_000)).optional(),
        configurations: z
          .array(configurationSchema)
          .min(1, 'configurations must contain 1-10 items')
          .max(10, 'configurations must contain 1-10 items'),
        prompt_id: z.string().optional(),
        prompt_version: z.number().int().positive().optional(),
      })
      .strict(),
    output: runSchema,
    http: { method: 'POST', path: '/v1/runs', status: 202 },
  }),
  cancelRun: defineOperation({
    summary: 'Stop a running comparison, or one of its columns (`result_id`).',
    tag: 'Runs',
    input: idParam.extend({ result_id: z.string().optional() }).strict(),
    output: z.object({ id: z.string(), cancelled: z.boolean() }),
    http: { method: 'POST', path: '/v1/runs/:id/cancel' },
  }),
  listRuns: defineOperation({
    summary:
      'Runs from every source, newest first, with filters and full-text search (`q`: words, the last one a prefix) over prompts and answers. A filtered `total` is exact up to 500 runs past the page (`total_exact`).',
    tag: 'Runs',
    trustedOutput: true,
    input: z
      .object({
        ...runFilterFields,
        limit: intParam(1, 100, 'limit must be between 1 and 100').optional().default(50),
        offset: intParam(0, Number.MAX_SAFE_INTEGER, 'offset must be a non-negative integer').optional().default(0),
      })
      .strict(),
    output: z.object({
      data: z.array(runSummarySchema),
      /** `total_exact` is false when a filtered total was counted only up to 500 runs past this page. */
      pagination: paginationSchema.extend({ total_exact: z.boolean() }),
    }),
    http: { method: 'GET', path: '/v1/runs' },
  }),
  getRun: defineOperation({
    summary: 'One run with every result, its metrics and errors.',
    tag: 'Runs',
    input: idParam.strict(),
    output: runSchema,
    http: { method: 'GET', path: '/v1/runs/:id' },
  }),
  deleteRun: defineOperation({
    summary:
      'Delete a run (it leaves every list and the search index at once). It can be restored for 10 minutes (`restorable_until`), then it is purged.',
    tag: 'Runs',
    input: idParam.strict(),
    output: z.object({ id: z.string(), deleted: z.literal(true), restorable_until: z.string() }),
    http: { method: 'DELETE', path: '/v1/runs/:id' },
  }),
  restoreRun: defineOperation({
    summary: 'Undo the deletion of a run, within 10 minutes of it.',
    tag: 'Runs',
    input: idParam.strict(),
    output: runSchema,
    http: { method: 'POST', path: '/v1/runs/:id/restore' },
  }),
  updateRun: defineOperation({
    summary: 'Rate a run or one of its results (👍 1 / 👎 -1 / null) and add a note.',
    tag: 'Runs',
    input: idParam
      .extend({ result_id: z.string().optional(), rating: ratingInput.optional(), note: note.optional() })
      .strict()
      .refine((value) => value.rating !== undefined || value.note !== undefined, {
        message: 'rating or note is required',
        path: ['rating'],
      }),
    output: runSchema,
    http: { method: 'PATCH', path: '/v1/runs/:id' },
  }),
};
