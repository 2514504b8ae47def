import type Database from 'better-sqlite3';
import type { OperationOutput, OperationParsedInput } from '../../shared/operations';
import type { ImportRunRow } from '../../shared/operations/export';
import type { Run, RunStatus } from '../../shared/runs';
import { createRunBulkInsert } from './runs/bulkInsert';

/** A run's status when the document does not carry it: from its results', as the engine decides it. */
const statusOf = (rows: readonly ImportRunRow[]): RunStatus => {
  const completed = rows.filter((row) => row.status === 'completed').length;
  if (rows.some((row) => row.status === 'interrupted')) return 'interrupted';
  return completed === rows.length ? 'completed' : completed === 0 ? 'failed' : 'partial';
};

/** Export rows (one per result) back into runs: grouped by run_id, the run's fields from its first row. */
export function runsFromExport(rows: readonly ImportRunRow[]): Run[] {
  const groups = new Map<string, ImportRunRow[]>();
  for (const row of rows) groups.set(row.run_id, [...(groups.get(row.run_id) ?? []), row]);
  return [...groups.entries()].map(([runId, results]) => {
    const first = results[0]!;
    return {
      id: runId,
      source: first.source,
      api_key_prefix: null,
      prompt: first.prompt ?? first.rendered_prompt ?? '',
      system: first.system ?? null,
      variables: first.variables ?? {},
      rendered_prompt: first.rendered_prompt ?? first.prompt ?? '',
      rendered_system: first.rendered_system ?? first.system ?? null,
      status: first.run_status ?? statusOf(results),
      prompt_id: first.test_id ?? null,
      prompt_version: first.test_version ?? null,
      rating: first.run_rating ?? null,
      note: first.run_note ?? null,
      created_at: first.created_at,
      finished_at: first.run_finished_at ?? null,
      results: results.map((row, i) => ({
        id: row.id,
        run_id: runId,
        position: row.position ?? i,
        provider: row.provider,
        model: row.model,
        temperature: row.temperature ?? null,
        max_tokens: row.max_tokens ?? null,
        status: row.status,
        response: row.response ?? '',
        error: row.error ?? null,
        metadata: {
          input_tokens: row.input_tokens ?? null,
          output_tokens: row.output_tokens ?? null,
          total_tokens: null,
          response_time_ms: row.response_time_ms ?? null,
          tokens_per_second: row.tokens_per_second ?? null,
          estimated_cost: row.cost ?? null,
          cost_known: row.cost_known ?? (row.cost !== null && row.cost !== undefined),
          ttft_ms: row.ttft_ms ?? null,
          finish_reason: row.finish_reason ?? null,
          cached_input_tokens: row.cached_input_tokens ?? null,
          reasoning_tokens: row.reasoning_tokens ?? null,
          retries: row.retries ?? 0,
        },
        warnings: row.warnings ?? [],
        rating: row.rating ?? null,
        note: row.note ?? null,
        started_at: row.started_at ?? null,
        finished_at: row.finished_at ?? null,
      })),
    };
  });
}

/**
 * `POST /v1/import`: the document was validated whole by its schema before this runs (a bad one
 * never reaches the store); the runs go in with the store's bulk insert, one transaction.
 */
export function createImporter(db: Database.Database) {
  const insert = createRunBulkInsert(db);
  return (document: OperationParsedInput<'importData'>): OperationOutput<'importData'> => {
    const { runs: rows = [], ...others } = document.data;
    const runs = runsFromExport(rows);
    const { inserted, skipped, results } = insert(runs);
    return {
      imported: { runs: inserted, results },
      skipped: { runs: skipped },
      not_imported: Object.fromEntries(Object.entries(others).map(([kind, list]) => [kind, (list as unknown[]).length])),
    };
  };
}
