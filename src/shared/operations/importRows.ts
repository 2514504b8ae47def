/** The rows of a `GET /v1/export` document that `POST /v1/import` restores besides runs: saved prompts ('tests'), schedules and their runs. */
import { z } from 'zod';
import { promptFieldSchemas } from './prompts';
import { CATCH_UP_POLICIES, SCHEDULE_RUN_STATUSES, SCHEDULE_TYPES, TRIGGER_TYPES, scheduleFieldSchemas as f } from './schedules';

const id = (field: string) => z.string({ error: `${field} is required` }).min(1, `${field} is required`).max(200, `${field} is too long`);
const isoInstant = (field: string) =>
  z.string({ error: `${field} is required` }).refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
    message: `${field} must be an ISO 8601 date`,
  });
const optionalInstant = (field: string) => isoInstant(field).nullable().optional();

/** One saved prompt of an export: its current content (earlier versions are not exported). */
export const importTestRowSchema = z
  .object({
    id: id('id'),
    title: promptFieldSchemas.name,
    prompt: promptFieldSchemas.template,
    system: promptFieldSchemas.system.optional(),
    variables: promptFieldSchemas.variables.optional(),
    configurations: promptFieldSchemas.configurations,
    version: z.number({ error: 'version must be a positive integer' }).int('version must be a positive integer').min(1, 'version must be a positive integer').optional(),
    tags: promptFieldSchemas.tags.optional(),
    created_at: isoInstant('created_at'),
    updated_at: optionalInstant('updated_at'),
  })
  .strip();
export type ImportTestRow = z.infer<typeof importTestRowSchema>;

const slaThresholds = z
  .object({
    max_response_time_ms: f.positiveInt('max_response_time_ms').nullable().optional(),
    max_cost_per_run: f.maxCost.nullable().optional(),
    max_ttft_ms: f.positiveInt('max_ttft_ms').nullable().optional(),
    must_contain: f.mustContain.nullable().optional(),
    must_match: f.mustMatch.nullable().optional(),
    must_be_json: f.bool('must_be_json').optional(),
  })
  .strip();

/** One schedule of an export (never with its secret: a new one is made on import). */
export const importScheduleRowSchema = z
  .object({
    id: id('id'),
    prompt_id: id('prompt_id'),
    name: f.name,
    schedule_type: z.enum(SCHEDULE_TYPES, { error: 'schedule_type must be "interval", "cron" or "webhook"' }),
    interval_minutes: f.intervalMinutes.nullable().optional(),
    cron_expression: f.cronExpression.nullable().optional(),
    timezone: f.timezone.optional(),
    enabled: f.bool('enabled').optional(),
    catch_up: z.enum(CATCH_UP_POLICIES, { error: 'catch_up must be "run_once" or "skip"' }).optional(),
    sla_thresholds: slaThresholds.optional(),
    notify_on_success: f.bool('notify_on_success').optional(),
    notify_on_failure: f.bool('notify_on_failure').optional(),
    notify_on_sla_breach: f.bool('notify_on_sla_breach').optional(),
    webhook_callback_url: f.callbackUrl.nullable().optional(),
    last_run_at: optionalInstant('last_run_at'),
    created_at: isoInstant('created_at'),
    updated_at: optionalInstant('updated_at'),
  })
  .strip()
  .superRefine((row, ctx) => {
    if (row.schedule_type === 'interval' && row.interval_minutes == null) {
      ctx.addIssue({ code: 'custom', path: ['interval_minutes'], message: 'interval_minutes is required for interval schedule type' });
    }
    if (row.schedule_type === 'cron' && row.cron_expression == null) {
      ctx.addIssue({ code: 'custom', path: ['cron_expression'], message: 'cron_expression is required for cron schedule type' });
    }
  });
export type ImportScheduleRow = z.infer<typeof importScheduleRowSchema>;

/** One schedule run of an export: its outcome (per-configuration results are in the run it points to). */
export const importScheduleRunRowSchema = z
  .object({
    id: id('id'),
    schedule_id: id('schedule_id'),
    prompt_id: id('prompt_id'),
    run_id: z.string().max(200).nullable().optional(),
    status: z.enum(SCHEDULE_RUN_STATUSES, { error: `status must be one of: ${SCHEDULE_RUN_STATUSES.join(', ')}` }),
    trigger_type: z.enum(TRIGGER_TYPES, { error: `trigger_type must be one of: ${TRIGGER_TYPES.join(', ')}` }),
    metrics: z.record(z.string(), z.number().nullable(), { error: 'metrics must be an object of numbers' }).optional(),
    sla_breaches: z.record(z.string(), z.boolean(), { error: 'sla_breaches must be an object of booleans' }).optional(),
    error: z
      .object({ message: z.string().max(10_000), provider: z.string().max(64).nullable().optional() })
      .nullable()
      .optional(),
    started_at: optionalInstant('started_at'),
    completed_at: optionalInstant('completed_at'),
    created_at: isoInstant('created_at'),
  })
  .strip();
export type ImportScheduleRunRow = z.infer<typeof importScheduleRunRowSchema>;
