import type Database from 'better-sqlite3';
import type { OperationOutput, OperationParsedInput } from '../../../shared/operations';
import type { UsageDay, UsageFigures } from '../../../shared/operations/usage';
import type { Clock } from '../clock';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;

interface Row {
  day: string;
  provider: string;
  model: string;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  cost: number;
  unknown_cost_results: number;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const zero = (): UsageFigures => ({ requests: 0, input_tokens: 0, output_tokens: 0, cost: 0, unknown_cost_results: 0 });
const roundUsd = (usd: number) => Math.round(usd * 1e6) / 1e6;

function add<T extends UsageFigures>(into: T, row: UsageFigures): T {
  into.requests += row.requests;
  into.input_tokens += row.input_tokens;
  into.output_tokens += row.output_tokens;
  into.cost = roundUsd(into.cost + row.cost);
  into.unknown_cost_results += row.unknown_cost_results;
  return into;
}

/** The period's UTC days, `to` included: the defaults end today and span 30 days. */
export function usagePeriod(input: OperationParsedInput<'getUsageBreakdown'>, now: Date): { from: string; to: string } {
  const to = input.to ?? isoDay(now.getTime());
  const from = input.from ?? isoDay(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  return { from, to };
}

/**
 * Provider calls, tokens and cost per day, provider and model, in one grouped SQL pass over the runs
 * created in the period (the `runs_created_at` index bounds it). Traces are other apps' calls, not
 * this machine's, so they are left out (as in the budget's call count). A call's cost is unknown when
 * it used tokens (or completed) on a model without a price: counted apart, never summed as 0.
 */
export function createUsageBreakdown(db: Database.Database, clock: Clock) {
  const grouped = db.prepare(`
    SELECT substr(r.created_at, 1, 10) AS day, x.provider, x.model, count(*) AS requests,
           coalesce(sum(x.input_tokens), 0) AS input_tokens, coalesce(sum(x.output_tokens), 0) AS output_tokens,
           coalesce(sum(x.estimated_cost), 0) AS cost,
           sum(x.estimated_cost IS NULL AND (x.status = 'completed' OR coalesce(x.input_tokens, 0) + coalesce(x.output_tokens, 0) > 0)) AS unknown_cost_results
    FROM runs r JOIN run_results x ON x.run_id = r.id
    WHERE r.created_at >= ? AND r.created_at < ? AND r.source != 'trace'
    GROUP BY day, x.provider, x.model`);
  const runsPerDay = db.prepare(`
    SELECT substr(created_at, 1, 10) AS day, count(*) AS runs FROM runs
    WHERE created_at >= ? AND created_at < ? AND source != 'trace' GROUP BY day`);

  return (input: OperationParsedInput<'getUsageBreakdown'>): Omit<OperationOutput<'getUsageBreakdown'>, 'budget'> => {
    const { from, to } = usagePeriod(input, clock.now());
    const start = `${from}T00:00:00.000Z`;
    const end = new Date(Date.parse(to) + DAY_MS).toISOString();
    const rows = grouped.all(start, end) as Row[];
    const runs = new Map((runsPerDay.all(start, end) as { day: string; runs: number }[]).map((row) => [row.day, row.runs]));

    const days = new Map<string, UsageDay>();
    for (let ms = Date.parse(from); ms <= Date.parse(to); ms += DAY_MS) {
      const date = isoDay(ms);
      days.set(date, { date, runs: runs.get(date) ?? 0, ...zero(), by_provider: {} });
    }
    const providers = new Map<string, UsageFigures>();
    const models = new Map<string, UsageFigures & { provider: string; model: string }>();
    for (const { day, provider, model, ...figures } of rows) {
      const slot = days.get(day);
      if (slot) {
        add(slot, figures);
        slot.by_provider[provider] = add(slot.by_provider[provider] ?? zero(), figures);
      }
      providers.set(provider, add(providers.get(provider) ?? zero(), figures));
      const key = `${provider}\u0000${model}`;
      models.set(key, add(models.get(key) ?? { provider, model, ...zero() }, figures));
    }
    const list = [...days.values()];
    const totals = { runs: list.reduce((sum, d) => sum + d.runs, 0), ...list.reduce((sum, d) => add(sum, d), zero()) };
    const byRequests = (a: UsageFigures, b: UsageFigures) => b.requests - a.requests || b.cost - a.cost;
    return {
      from,
      to,
      totals,
      days: list,
      by_provider: [...providers.entries()].map(([provider, figures]) => ({ provider, ...figures })).sort(byRequests),
      by_model: [...models.values()].sort(byRequests),
    };
  };
}
