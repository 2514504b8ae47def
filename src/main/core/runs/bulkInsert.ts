import type Database from 'better-sqlite3';
import type { Run } from '../../../shared/runs';
import type { ResultRow, RunRow } from './store';

export const RUN_INSERT_COLUMNS = [
  'id',
  'source',
  'api_key_prefix',
  'prompt',
  'system',
  'variables',
  'rendered_prompt',
  'rendered_system',
  'status',
  'prompt_id',
  'prompt_version',
  'rating',
  'note',
  'created_at',
  'finished_at',
] as const satisfies readonly (keyof RunRow)[];

export const RESULT_INSERT_COLUMNS = [
  'id',
  'run_id',
  'position',
  'provider',
  'model',
  'temperature',
  'max_tokens',
  'status',
  'text',
  'error',
  'input_tokens',
  'output_tokens',
  'cached_input_tokens',
  'reasoning_tokens',
  'response_time_ms',
  'ttft_ms',
  'tokens_per_second',
  'estimated_cost',
  'cost_known',
  'finish_reason',
  'retries',
  'warnings',
  'rating',
  'note',
  'started_at',
  'finished_at',
] as const satisfies readonly (keyof ResultRow)[];

type Value = string | number | null;

/** A finished run as the store's row values, in the column orders above. */
export function runRowValues(run: Run): { run: Value[]; results: Value[][] } {
  return {
    run: [
      run.id,
      run.source,
      run.api_key_prefix,
      run.prompt,
      run.system,
      JSON.stringify(run.variables),
      run.rendered_prompt,
      run.rendered_system,
      run.status,
      run.prompt_id,
      run.prompt_version,
      run.rating,
      run.note,
      run.created_at,
      run.finished_at,
    ],
    results: run.results.map((r) => [
      r.id,
      run.id,
      r.position,
      r.provider,
      r.model,
      r.temperature,
      r.max_tokens,
      r.status,
      r.response,
      r.error ? JSON.stringify(r.error) : null,
      r.metadata.input_tokens,
      r.metadata.output_tokens,
      r.metadata.cached_input_tokens,
      r.metadata.reasoning_tokens,
      r.metadata.response_time_ms,
      r.metadata.ttft_ms,
      r.metadata.tokens_per_second,
      r.metadata.estimated_cost,
      r.metadata.cost_known ? 1 : 0,
      r.metadata.finish_reason,
      r.metadata.retries,
      JSON.stringify(r.warnings),
      r.rating,
      r.note,
      r.started_at,
      r.finished_at,
    ]),
  };
}

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

/** Runs written, runs skipped (already in the store), results written. */
export interface BulkInsertCounts {
  inserted: number;
  skipped: number;
  results: number;
}

export type RunBulkInsert = ReturnType<typeof createRunBulkInsert>;

/**
 * Writes many finished runs (an import, a seed) in ONE transaction: all or nothing. A run whose id
 * is already in the store is skipped with its results (a re-import adds only what is new). Within
 * the transaction each run's results are written before the run (`defer_foreign_keys`), so the
 * full-text trigger on `runs` indexes each run once, with its answers, instead of once per result.
 */
export function createRunBulkInsert(db: Database.Database) {
  const exists = db.prepare(`SELECT 1 FROM runs WHERE id = ?`).pluck();
  const resultExists = db.prepare(`SELECT 1 FROM run_results WHERE id = ?`).pluck();
  const insertRun = db.prepare(insertSql('runs', RUN_INSERT_COLUMNS));
  const insertResult = db.prepare(insertSql('run_results', RESULT_INSERT_COLUMNS));

  return db.transaction((runs: readonly Run[]): BulkInsertCounts => {
    db.pragma('defer_foreign_keys = ON');
    let inserted = 0;
    let results = 0;
    for (const run of runs) {
      if (exists.get(run.id) || run.results.some((r) => resultExists.get(r.id))) continue;
      const values = runRowValues(run);
      for (const result of values.results) insertResult.run(result);
      insertRun.run(values.run);
      inserted++;
      results += values.results.length;
    }
    return { inserted, skipped: runs.length - inserted, results };
  }) as (runs: readonly Run[]) => BulkInsertCounts;
}
