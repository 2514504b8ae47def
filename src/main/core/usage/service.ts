import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { OperationOutput, OperationParsedInput } from '../../../shared/operations';
import type { BudgetStatus } from '../../../shared/operations/usage';
import type { Clock } from '../clock';
import type { SettingsStore } from '../settings/store';
import { createUsageBreakdown } from './breakdown';

const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
const monthEnd = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
const dayStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

export type UsageService = ReturnType<typeof createUsageService>;

/** What this month cost and how many provider calls it made, against the optional monthly budget (UTC months). */
export function createUsageService(db: Database.Database, settings: SettingsStore, clock: Clock) {
  const q = {
    calls: db.prepare(`SELECT count(*) AS n FROM runs WHERE created_at >= ? AND source != 'trace'`),
    cost: db.prepare(
      `SELECT coalesce(sum(x.estimated_cost), 0) AS usd FROM run_results x JOIN runs r ON r.id = x.run_id WHERE r.created_at >= ?`,
    ),
    requests: db.prepare(`SELECT count(*) AS n FROM api_requests WHERE created_at >= ?`),
    byModel: db.prepare(
      `SELECT x.model AS model, count(*) AS n, coalesce(sum(x.input_tokens), 0) + coalesce(sum(x.output_tokens), 0) AS tokens, coalesce(sum(x.estimated_cost), 0) AS usd
       FROM run_results x JOIN runs r ON r.id = x.run_id WHERE r.created_at >= ? AND r.source != 'trace' GROUP BY x.model ORDER BY n DESC`,
    ),
    byEndpoint: db.prepare(`SELECT endpoint, count(*) AS n FROM api_requests WHERE created_at >= ? GROUP BY endpoint ORDER BY n DESC`),
  };

  const budgetStatus = (): BudgetStatus => {
    const now = clock.now();
    const since = monthStart(now).toISOString();
    const { monthly_usd, monthly_calls } = settings.get().budget;
    const spent = (q.cost.get(since) as { usd: number }).usd;
    const used = (q.calls.get(since) as { n: number }).n;
    return {
      monthly_usd,
      spent_usd: Math.round(spent * 1e6) / 1e6,
      monthly_calls,
      used_calls: used,
      exceeded: (monthly_usd !== null && spent >= monthly_usd) || (monthly_calls !== null && used >= monthly_calls),
      period_end: monthEnd(now).toISOString(),
    };
  };

  const breakdownOf = createUsageBreakdown(db, clock);

  return {
    budgetStatus,

    /** `GET /v1/usage/breakdown`: per day, provider and model for a period, with the budget status. */
    breakdown(input: OperationParsedInput<'getUsageBreakdown'>): OperationOutput<'getUsageBreakdown'> {
      return { ...breakdownOf(input), budget: budgetStatus() };
    },

    /**
     * Refuses a new provider-calling run once the month's budget is used up (Promptster's 429 for calls,
     * 403 for money). It runs before every run: the month's aggregates (a scan of the month's runs) are
     * only computed for a limit that is set, and not at all without a budget (the default).
     */
    assertWithinBudget(): void {
      const { monthly_usd, monthly_calls } = settings.get().budget;
      if (monthly_usd === null && monthly_calls === null) return;
      const now = clock.now();
      const since = monthStart(now).toISOString();
      if (monthly_calls !== null && (q.calls.get(since) as { n: number }).n >= monthly_calls) {
        const retryAfter = Math.ceil((monthEnd(now).getTime() - now.getTime()) / 1000);
        throw new AppError('rate_limit_exceeded', `You have exceeded your monthly call quota of ${monthly_calls} calls.`, { retryAfter });
      }
      if (monthly_usd === null) return;
      const spent = (q.cost.get(since) as { usd: number }).usd;
      if (spent < monthly_usd) return;
      const spentUsd = Math.round(spent * 1e6) / 1e6;
      throw new AppError(
        'forbidden',
        `Monthly budget of $${monthly_usd} reached ($${spentUsd.toFixed(4)} spent this month). Raise it in Settings → Budget.`,
      );
    },

    /** Per-model counts, tokens and cost this month (tentackle's usage-stats). */
    byModel(): { model: string; count: number; tokens: number; cost: number }[] {
      const rows = q.byModel.all(monthStart(clock.now()).toISOString()) as { model: string; n: number; tokens: number; usd: number }[];
      return rows.map((row) => ({ model: row.model, count: row.n, tokens: row.tokens, cost: Math.round(row.usd * 1e6) / 1e6 }));
    },

    summary(): OperationOutput<'getUsage'> {
      const now = clock.now();
      const budget = budgetStatus();
      const today = (q.requests.get(dayStart(now).toISOString()) as { n: number }).n;
      const month = (q.requests.get(monthStart(now).toISOString()) as { n: number }).n;
      const byEndpoint = q.byEndpoint.all(monthStart(now).toISOString()) as { endpoint: string; n: number }[];
      return {
        user_id: 'local',
        tier: 'local',
        limits: { included_calls_per_month: budget.monthly_calls, requests_per_minute: settings.get().api.liveRateLimitPerMinute },
        usage: {
          today: {
            requests: today,
            remaining: budget.monthly_calls === null ? null : Math.max(0, budget.monthly_calls - budget.used_calls),
            reset_at: new Date(dayStart(now).getTime() + 86_400_000).toISOString(),
          },
          this_month: { requests: month, estimated_cost: budget.spent_usd },
        },
        billing_period: {
          included_calls: budget.monthly_calls,
          used_calls: budget.used_calls,
          overage_calls: 0,
          period_end: budget.period_end,
        },
        credits: { balance: 0, total_purchased: 0 },
        breakdown: { by_provider: Object.fromEntries(byEndpoint.map((row) => [row.endpoint, row.n])) },
        budget,
      };
    },
  };
}
