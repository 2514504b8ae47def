import type Database from 'better-sqlite3';
import type { OperationOutput } from '../../../shared/operations';
import { toRun, toRunResult, type ResultRow, type RunRow } from './store';

export type RunSummary = OperationOutput<'listRuns'>['data'][number];

export const EXCERPT_LENGTH = 240;
const MAX_IDS = 100;

/**
 * A page of runs for a list: two queries for the whole page (not two per run), and only the first
 * 240 characters of each answer leave SQLite (`substr`), not answers of many kilobytes.
 */
export function createRunSummaries(db: Database.Database) {
  const marks = Array<string>(MAX_IDS).fill('?').join(', ');
  const runs = db.prepare(`SELECT * FROM runs WHERE id IN (${marks})`);
  const results = db.prepare(
    `SELECT id, run_id, position, provider, model, temperature, max_tokens, status, substr(text, 1, ${EXCERPT_LENGTH}) AS text, error,
            input_tokens, output_tokens, cached_input_tokens, reasoning_tokens, response_time_ms, ttft_ms, tokens_per_second, estimated_cost,
            cost_known, finish_reason, retries, warnings, rating, note, started_at, finished_at
     FROM run_results WHERE run_id IN (${marks}) ORDER BY run_id, position`,
  );

  return (ids: readonly string[]): RunSummary[] => {
    if (ids.length === 0) return [];
    if (ids.length > MAX_IDS) throw new RangeError(`at most ${MAX_IDS} runs per page`);
    // Unused placeholders are bound to NULL, which matches no id.
    const params = [...ids, ...Array<null>(MAX_IDS - ids.length).fill(null)];
    const byRun = new Map<string, RunSummary['results']>();
    for (const row of results.all(...params) as ResultRow[]) {
      const { response, ...rest } = toRunResult(row);
      const list = byRun.get(row.run_id) ?? [];
      list.push({ ...rest, response_excerpt: response });
      byRun.set(row.run_id, list);
    }
    const rows = new Map((runs.all(...params) as RunRow[]).map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [{ ...toRun(row, []), results: byRun.get(id) ?? [] }] : [];
    });
  };
}
