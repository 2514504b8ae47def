import { z } from 'zod';
import { defineOperation } from './define';

export const budgetStatusSchema = z.object({
  monthly_usd: z.number().nullable(),
  spent_usd: z.number(),
  monthly_calls: z.number().int().nullable(),
  used_calls: z.number().int(),
  exceeded: z.boolean(),
  period_end: z.string(),
});
export type BudgetStatus = z.infer<typeof budgetStatusSchema>;

export const usageOperations = {
  getUsage: defineOperation({
    summary:
      "Usage in Promptster's shape (requests today and this month, estimated cost, calls per endpoint) plus the monthly budget status.",
    tag: 'Usage',
    input: z.object({}).strict(),
    output: z.object({
      user_id: z.string(),
      tier: z.string(),
      limits: z.object({ included_calls_per_month: z.number().int().nullable(), requests_per_minute: z.number().int().nullable() }),
      usage: z.object({
        today: z.object({ requests: z.number().int(), remaining: z.number().int().nullable(), reset_at: z.string() }),
        this_month: z.object({ requests: z.number().int(), estimated_cost: z.number() }),
      }),
      billing_period: z.object({
        included_calls: z.number().int().nullable(),
        used_calls: z.number().int(),
        overage_calls: z.number().int(),
        period_end: z.string(),
      }),
      credits: z.object({ balance: z.number(), total_purchased: z.number() }),
      breakdown: z.object({ by_provider: z.record(z.string(), z.number().int()) }),
      budget: budgetStatusSchema,
    }),
    http: { method: 'GET', path: '/v1/usage' },
  }),
};

/** The longest period one breakdown covers (a year and a day, for leap years). */
export const USAGE_MAX_DAYS = 366;

const day = (field: string) =>
  z
    .string({ error: `${field} must be a date (YYYY-MM-DD)` })
    .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      message: `${field} must be a date (YYYY-MM-DD)`,
    });

/** Requests (provider calls), tokens and cost of one slice; `unknown_cost_results` counts calls whose model has no known price. */
export const usageFiguresSchema = z.object({
  requests: z.number().int(),
  input_tokens: z.number().int(),
  output_tokens: z.number().int(),
  cost: z.number(),
  unknown_cost_results: z.number().int(),
});
export type UsageFigures = z.infer<typeof usageFiguresSchema>;

export const usageDaySchema = usageFiguresSchema.extend({
  date: z.string(),
  runs: z.number().int(),
  by_provider: z.record(z.string(), usageFiguresSchema),
});
export type UsageDay = z.infer<typeof usageDaySchema>;

export const usageBreakdownInput = z
  .object({
    from: day('from').optional(),
    to: day('to').optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.from === undefined || value.to === undefined) return;
    if (value.from > value.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
    else if ((Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 + 1 > USAGE_MAX_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `the period must be at most ${USAGE_MAX_DAYS} days` });
    }
  });

export const usageBreakdownOperations = {
  getUsageBreakdown: defineOperation({
    summary:
      'Provider calls, tokens and estimated cost for a period of UTC days (`from`/`to` inclusive, YYYY-MM-DD; default the last 30 days, at most 366): per day (with each provider), per provider and per model, plus the monthly budget status. Traces from other apps are not counted. `cost` sums the known prices only; `unknown_cost_results` counts the calls that used tokens on a model without a known price, so an unknown cost is never shown as 0.',
    tag: 'Usage',
    input: usageBreakdownInput,
    output: z.object({
      from: z.string(),
      to: z.string(),
      totals: usageFiguresSchema.extend({ runs: z.number().int() }),
      days: z.array(usageDaySchema),
      by_provider: z.array(usageFiguresSchema.extend({ provider: z.string() })),
      by_model: z.array(usageFiguresSchema.extend({ provider: z.string(), model: z.string() })),
      budget: budgetStatusSchema,
    }),
    http: { method: 'GET', path: '/v1/usage/breakdown' },
  }),
};
