import type Database from 'better-sqlite3';
import { EXPORT_KINDS, EXPORT_ROW_LIMIT, type ExportKind } from '../../shared/operations/export';
import type { OperationOutput } from '../../shared/operations';
import type { Clock } from './clock';
import { toFtsQuery } from './runs/ftsQuery';
import { runFilter, type RunFilterInput } from './runs/runFilter';

type Row = Record<string, unknown>;

/**
 * One row per result. Promptster's fields first (id, test_id, response_time_ms, tokens, cost,
 * created_at), then what a restore needs (`POST /v1/import`): the run's prompt and variables, the
 * answer and its error, ratings and notes. Never a key: not even the API key prefix.
 */
const RUN_EXPORT_COLUMNS = `x.id, x.run_id, r.prompt_id AS test_id, r.prompt_version AS test_version, r.source, x.provider, x.model, x.status,
  x.response_time_ms, x.ttft_ms, x.input_tokens, x.output_tokens, x.estimated_cost AS cost, x.finish_reason, r.created_at,
  r.status AS run_status, r.finished_at AS run_finished_at, r.prompt, r.system, r.variables, r.rendered_prompt, r.rendered_system,
  r.rating AS run_rating, r.note AS run_note, x.position, x.temperature, x.max_tokens, x.text AS response, x.error,
  x.cached_input_tokens, x.reasoning_tokens, x.tokens_per_second, x.cost_known, x.retries, x.warnings, x.rating, x.note,
  x.started_at, x.finished_at`;

/** Promptster-compatible export, read straight from the store; nothing secret is in these tables' selected columns. */
export function createExporter(db: Database.Database, clock: Clock) {
  const readers: Record<ExportKind, (filter: RunFilterInput) => Row[]> = {
    tests: () =>
      (
        db
          .prepare(
            `SELECT p.id, p.name AS title, v.prompt, v.system, v.variables, v.configurations, p.current_version AS version, p.tags, p.created_at, p.updated_at
             FROM prompts p JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.current_version
             ORDER BY p.updated_at DESC LIMIT ?`,
          )
          .all(EXPORT_ROW_LIMIT) as Row[]
      ).map((row) => {
        const configurations = JSON.parse(String(row.configurations)) as { provider: string; model: string }[];
        return {
          ...row,
          variables: JSON.parse(String(row.variables)),
          tags: JSON.parse(String(row.tags)),
          configurations,
          provider: configurations[0]?.provider ?? null,
          model: configurations[0]?.model ?? null,
        };
      }),
    runs: (filter) => {
      const match = filter.q === undefined ? null : toFtsQuery(filter.q);
      const { from, where, params } = runFilter(filter, match);
      return (
        db
          .prepare(
            `SELECT ${RUN_EXPORT_COLUMNS} FROM ${from} JOIN run_results x ON x.run_id = r.id
             WHERE ${where.join(' AND ')} ORDER BY ${match === null ? 'r.seq' : 'f.rowid'} DESC, x.position LIMIT ?`,
          )
          .all(...params, EXPORT_ROW_LIMIT) as Row[]
      ).map(({ variables, error, warnings, cost_known, ...row }) => ({
        ...row,
        variables: JSON.parse(String(variables)),
        error: error === null ? null : JSON.parse(String(error)),
        warnings: JSON.parse(String(warnings)),
        cost_known: cost_known === 1,
      }));
    },
    // Never the schedule's secret: it is selected column by column.
    schedules: () =>
      (
        db
          .prepare(
            `SELECT s.id, s.name, s.prompt_id, v.configurations, s.schedule_type, s.interval_minutes, s.cron_expression, s.timezone,
                    s.is_enabled, s.catch_up, s.sla, s.notify_on_success, s.notify_on_failure, s.notify_on_sla_breach, s.webhook_callback_url,
                    s.next_run_at, s.last_run_at, s.created_at, s.updated_at
             FROM schedules s JOIN prompts p ON p.id = s.prompt_id JOIN prompt_versions v ON v.prompt_id = p.id AND v.version = p.current_version
             ORDER BY s.created_at DESC LIMIT ?`,
          )
          .all(EXPORT_ROW_LIMIT) as Row[]
      ).map(({ configurations, sla, is_enabled, notify_on_success, notify_on_failure, notify_on_sla_breach, ...row }) => {
        const first = (JSON.parse(String(configurations)) as { provider: string; model: string }[])[0];
        return {
          ...row,
          provider: first?.provider ?? null,
          model: first?.model ?? null,
          cron: row.cron_expression,
          enabled: is_enabled === 1,
          sla_thresholds: JSON.parse(String(sla)),
          notify_on_success: notify_on_success === 1,
          notify_on_failure: notify_on_failure === 1,
          notify_on_sla_breach: notify_on_sla_breach === 1,
        };
      }),
    schedule_runs: () =>
      (
        db
          .prepare(
            `SELECT id, schedule_id, prompt_id, run_id, status, trigger_type, metrics, sla_breaches, error, started_at, completed_at, created_at
             FROM schedule_runs ORDER BY created_at DESC LIMIT ?`,
          )
          .all(EXPORT_ROW_LIMIT) as Row[]
      ).map(({ metrics, sla_breaches, error, ...row }) => {
        const parsedMetrics = JSON.parse(String(metrics)) as Record<string, number | null>;
        const breaches = JSON.parse(String(sla_breaches)) as Record<string, boolean>;
        return {
          ...row,
          response_time_ms: parsedMetrics.response_time_1_ms ?? null,
          sla_breach: Object.values(breaches).some(Boolean),
          metrics: parsedMetrics,
          sla_breaches: breaches,
          error: error === null ? null : JSON.parse(String(error)),
        };
      }),
  };

  return {
    /** `filter` (the History filters) narrows the runs; the other kinds are always whole. */
    export(include: readonly ExportKind[] = EXPORT_KINDS, filter: RunFilterInput = {}): OperationOutput<'exportData'> {
      const data = Object.fromEntries(include.map((kind) => [kind, readers[kind](filter)]));
      return {
        exported_at: clock.now().toISOString(),
        data,
        counts: Object.fromEntries(Object.entries(data).map(([kind, rows]) => [kind, rows.length])),
      };
    },
  };
}
