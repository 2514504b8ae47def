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
