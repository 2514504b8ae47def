/**
 * Scheduled checks, Promptster-compatible (`/v1/schedules…`), plus Parallax's own SLA checks (TTFT,
 * answer content) and catch-up policy.
 */
import { z } from 'zod';
import { cronProblem, isTimeZone } from '../cron';
import { idParam, intParam, paginationSchema } from './common';
import { defineOperation } from './define';
import { httpUrl } from './webhooks';

export const SCHEDULE_TYPES = ['interval', 'cron', 'webhook'] as const;
export const SCHEDULE_RUN_STATUSES = ['pending', 'running', 'completed', 'failed', 'partial'] as const;
export const TRIGGER_TYPES = ['scheduled', 'manual', 'webhook'] as const;
/** What happens to slots missed while the app was closed or asleep. */
export const CATCH_UP_POLICIES = ['run_once', 'skip'] as const;
export const MAX_SCHEDULES = 1000;

export type ScheduleType = (typeof SCHEDULE_TYPES)[number];
export type ScheduleRunStatus = (typeof SCHEDULE_RUN_STATUSES)[number];
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type CatchUpPolicy = (typeof CATCH_UP_POLICIES)[number];

export const slaThresholdsSchema = z.object({
  max_response_time_ms: z.number().int().nullable(),
  max_cost_per_run: z.number().nullable(),
  max_ttft_ms: z.number().int().nullable(),
  must_contain: z.string().nullable(),
  must_match: z.string().nullable(),
  must_be_json: z.boolean(),
});
export type SlaThresholds = z.infer<typeof slaThresholdsSchema>;

export const scheduleSchema = z.object({
  id: z.string(),
  prompt_id: z.string(),
  name: z.string(),
  schedule_type: z.enum(SCHEDULE_TYPES),
  interval_minutes: z.number().int().nullable(),
  cron_expression: z.string().nullable(),
  timezone: z.string(),
  is_enabled: z.boolean(),
  catch_up: z.enum(CATCH_UP_POLICIES),
  next_run_at: z.string().nullable(),
  last_run_at: z.string().nullable(),
  last_status: z.enum(SCHEDULE_RUN_STATUSES).nullable(),
  sla_thresholds: slaThresholdsSchema,
  notifications: z.object({
    on_success: z.boolean(),
    on_failure: z.boolean(),
    on_sla_breach: z.boolean(),
    webhook_callback_url: z.string().nullable(),
  }),
  run_count: z.number().int(),
  failure_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const slaBreachesSchema = z.object({
  response_time: z.boolean(),
  cost: z.boolean(),
  ttft: z.boolean(),
  content: z.boolean(),
});
export type SlaBreaches = z.infer<typeof slaBreachesSchema>;

/** One configuration's outcome within a schedule run (Parallax's per-configuration metrics). */
export const scheduleRunResultSchema = z.object({
  position: z.number().int(),
  provider: z.string(),
  model: z.string(),
  status: z.string(),
  response_time_ms: z.number().int().nullable(),
  ttft_ms: z.number().int().nullable(),
  estimated_cost: z.number().nullable(),
  cost_known: z.boolean(),
  input_tokens: z.number().int().nullable(),
  output_tokens: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type ScheduleRunResult = z.infer<typeof scheduleRunResultSchema>;

export const scheduleRunSchema = z.object({
  id: z.string(),
  schedule_id: z.string(),
  prompt_id: z.string(),
  /** The comparison in the run history (null until it starts, or when it could not start). */
  run_id: z.string().nullable(),
  status: z.enum(SCHEDULE_RUN_STATUSES),
  trigger_type: z.enum(TRIGGER_TYPES),
  started_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  /** Promptster's `response_time_N_ms` / `estimated_cost_N` for every configuration N (1 and 2 always present). */
  metrics: z.record(z.string(), z.number().nullable()),
  sla_breaches: slaBreachesSchema,
  /** Which thresholds failed, in words ("response time 5210 ms > 5000 ms on openai/gpt-4o"). */
  sla_failures: z.array(z.string()),
  error: z.object({ message: z.string(), provider: z.string().nullable() }).nullable(),
  results: z.array(scheduleRunResultSchema),
  created_at: z.string(),
});
export type ScheduleRun = z.infer<typeof scheduleRunSchema>;

const isoDate = (field: string) =>
  z.string().refine((value) => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}/.test(value), {
    message: `${field} must be an ISO 8601 date`,
  });

const name = z
  .string({ error: 'name is required' })
  .trim()
  .min(1, 'name must be between 1 and 100 characters')
  .max(100, 'name must be between 1 and 100 characters');
const intervalMinutes = z
  .number({ error: 'interval_minutes must be an integer' })
  .int('interval_minutes must be an integer')
  .min(1, 'interval_minutes must be between 1 and 525600')
  .max(525_600, 'interval_minutes must be between 1 and 525600');
const cronExpression = z
  .string({ error: 'cron_expression must be a string' })
  .max(200, 'cron_expression must be at most 200 characters')
  .superRefine((value, ctx) => {
    const problem = cronProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const timezone = z
  .string({ error: 'timezone must be a string' })
  .max(64, 'timezone must be an IANA time zone such as "America/New_York"')
  .refine(isTimeZone, 'timezone must be an IANA time zone such as "America/New_York"');
const positiveInt = (field: string) =>
  z
    .number({ error: `${field} must be a positive integer` })
    .int(`${field} must be a positive integer`)
    .min(1, `${field} must be a positive integer`);
const maxCost = z.number({ error: 'max_cost_per_run must be a number' }).min(0, 'max_cost_per_run must be at least 0');
const mustContain = z.string().min(1, 'must_contain must not be empty').max(10_000, 'must_contain must be at most 10000 characters');
const mustMatch = z
  .string()
  .min(1, 'must_match must not be empty')
  .max(1_000, 'must_match must be at most 1000 characters')
  .refine((value) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'must_match must be a valid regular expression');
const callbackUrl = httpUrl('webhook_callback_url');
const bool = (field: string) => z.boolean({ error: `${field} must be true or false` });

/** The field rules of a schedule, shared with the import of exported `schedules`. */
export const scheduleFieldSchemas = { name, intervalMinutes, cronExpression, timezone, positiveInt, maxCost, mustContain, mustMatch, callbackUrl, bool };

/** Fields a create or update may carry; every one optional here (create adds its own requirements). */
const scheduleFields = {
  name: name.optional(),
  schedule_type: z.enum(SCHEDULE_TYPES, { error: 'schedule_type must be "interval", "cron" or "webhook"' }).optional(),
  interval_minutes: intervalMinutes.nullable().optional(),
  cron_expression: cronExpression.nullable().optional(),
  timezone: timezone.optional(),
  is_enabled: bool('is_enabled').optional(),
  catch_up: z.enum(CATCH_UP_POLICIES, { error: 'catch_up must be "run_once" or "skip"' }).optional(),
  max_response_time_ms: positiveInt('max_response_time_ms').nullable().optional(),
  max_cost_per_run: maxCost.nullable().optional(),
  max_ttft_ms: positiveInt('max_ttft_ms').nullable().optional(),
  must_contain: mustContain.nullable().optional(),
  must_match: mustMatch.nullable().optional(),
  must_be_json: bool('must_be_json').optional(),
  notify_on_success: bool('notify_on_success').optional(),
  notify_on_failure: bool('notify_on_failure').optional(),
  notify_on_sla_breach: bool('notify_on_sla_breach').optional(),
  webhook_callback_url: callbackUrl.nullable().optional(),
};

export const createScheduleInput = z
  .object({
    prompt_id: z.string({ error: 'prompt_id is required' }).min(1, 'prompt_id is required').max(200, 'prompt_id is too long'),
    ...scheduleFields,
    name,
    schedule_type: z.enum(SCHEDULE_TYPES, { error: 'schedule_type must be "interval", "cron" or "webhook"' }),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.schedule_type === 'interval' && input.interval_minutes == null) {
      ctx.addIssue({ code: 'custom', path: ['interval_minutes'], message: 'interval_minutes is required for interval schedule type' });
    }
    if (input.schedule_type === 'cron' && input.cron_expression == null) {
      ctx.addIssue({ code: 'custom', path: ['cron_expression'], message: 'cron_expression is required for cron schedule type' });
    }
  });
export type CreateScheduleInput = z.infer<typeof createScheduleInput>;

export const updateScheduleInput = idParam.extend(scheduleFields).strict();
export type UpdateScheduleInput = z.infer<typeof updateScheduleInput>;

const limit = intParam(1, 100, 'limit must be between 1 and 100');
const offset = intParam(0, Number.MAX_SAFE_INTEGER, 'offset must be a non-negative integer');

export const scheduleOperations = {
  listSchedules: defineOperation({
    summary: 'Every schedule, most recently created first, with how many of the local limit are used.',
    tag: 'Schedules',
    input: z.object({ limit: limit.optional().default(50), offset: offset.optional().default(0) }).strict(),
    output: z.object({
      data: z.array(scheduleSchema),
      pagination: paginationSchema,
      limits: z.object({ current: z.number().int(), max: z.number().int(), tier: z.string() }),
    }),
    http: { method: 'GET', path: '/v1/schedules' },
  }),
  createSchedule: defineOperation({
    summary:
      'Schedule a saved prompt: every N minutes, on a cron in a time zone, or when its webhook is called. The answer carries `webhook_secret` once: it verifies trigger calls and signs callbacks.',
    tag: 'Schedules',
    input: createScheduleInput,
    output: scheduleSchema.extend({ webhook_secret: z.string() }),
    http: { method: 'POST', path: '/v1/schedules', status: 201 },
  }),
  getSchedule: defineOperation({
    summary: 'A schedule with its run and failure counts.',
    tag: 'Schedules',
    input: idParam.strict(),
    output: scheduleSchema,
    http: { method: 'GET', path: '/v1/schedules/:id' },
  }),
  updateSchedule: defineOperation({
    summary: 'Change a schedule; only the fields sent change. Changing its timing recomputes `next_run_at`.',
    tag: 'Schedules',
    input: updateScheduleInput,
    output: scheduleSchema,
    http: { method: 'PATCH', path: '/v1/schedules/:id' },
  }),
  deleteSchedule: defineOperation({
    summary: 'Delete a schedule and its run history.',
    tag: 'Schedules',
    input: idParam.strict(),
    output: z.object({ id: z.string(), deleted: z.literal(true) }),
    http: { method: 'DELETE', path: '/v1/schedules/:id' },
  }),
  runSchedule: defineOperation({
    summary: 'Run a schedule now, whatever its `next_run_at`; answers when the run has finished. 409 while a run of it is in progress.',
    tag: 'Schedules',
    input: idParam.strict(),
    output: scheduleRunSchema.extend({ run_id: z.string().nullable() }),
    http: { method: 'POST', path: '/v1/schedules/:id/run' },
  }),
  listScheduleRuns: defineOperation({
    summary: 'Run history of a schedule, newest first, filtered by status and dates.',
    tag: 'Schedules',
    input: idParam
      .extend({
        limit: limit.optional().default(50),
        offset: offset.optional().default(0),
        status: z.enum(SCHEDULE_RUN_STATUSES, { error: 'status must be one of pending, running, completed, failed, partial' }).optional(),
        start_date: isoDate('start_date').optional(),
        end_date: isoDate('end_date').optional(),
      })
      .strict(),
    output: z.object({
      data: z.array(scheduleRunSchema),
      pagination: paginationSchema,
      filters: z.object({ status: z.string().nullable(), start_date: z.string().nullable(), end_date: z.string().nullable() }),
    }),
    http: { method: 'GET', path: '/v1/schedules/:id/runs' },
  }),
  previewSchedule: defineOperation({
    summary: 'The next run times of a timing (cron with time zone, or interval), without saving anything.',
    tag: 'Schedules',
    input: z
      .object({
        schedule_type: z.enum(['interval', 'cron'], { error: 'schedule_type must be "interval" or "cron"' }),
        interval_minutes: intervalMinutes.optional(),
        cron_expression: cronExpression.optional(),
        timezone: timezone.optional().default('UTC'),
        count: intParam(1, 50, 'count must be between 1 and 50').optional().default(5),
      })
      .strict(),
    output: z.object({ next_runs: z.array(z.string()) }),
    http: { method: 'POST', path: '/v1/schedules/preview' },
  }),
};
