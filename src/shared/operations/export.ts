import { z } from 'zod';
import { defineOperation } from './define';

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
      "Export saved prompts ('tests'), runs, schedules and schedule runs as JSON, or as CSV with `format=csv` (an attachment, one section per kind). No key of any kind is ever included.",
    tag: 'Export',
    input: z
      .object({
        format: z.enum(['json', 'csv'], { error: 'format must be json or csv' }).optional().default('json'),
        include: include.optional(),
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
