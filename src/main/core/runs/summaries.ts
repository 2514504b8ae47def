import type Database from 'better-sqlite3';
import type { OperationOutput } from '../../../shared/operations';
import { RESULT_INSERT_COLUMNS as RESULT_COLUMNS, RUN_INSERT_COLUMNS as RUN_COLUMNS } from './bulkInsert';
import { resultFields, toRun, type ResultRow, type RunRow } from './store';

export type RunSummary = OperationOutput<'listRuns'>['data'][number];

export const EXCERPT_LENGTH = 240;
const MAX_IDS = 100;

/**
 * Rows come from SQLite as arrays (`raw`, columns in the store's insert order): better-sqlite3 builds a keyed object per row slowly (a
 * page of 200 results × 26 columns took ~1.4 ms that way, ~0.7 ms as arrays), so the keys are added
 * here, always in the same order.
 */
function keyed<Row>(columns: readonly string[], values: unknown[]): Row {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
  return row as Row;
}

/**
 * A page of runs for a list: two queries for the whole page (not two per run), and only the first
 * 240 characters of each answer leave SQLite (`substr`), not answers of many kilobytes.
 */
export function createRunSummaries(db: Database.Database) {
  const marks = Array<string>(MAX_IDS).fill('?').join(', ');
  const runs = db.prepare(`SELECT ${RUN_COLUMNS.join(', ')} FROM runs WHERE id IN (${marks})`).raw(true);
  const resultColumns = RESULT_COLUMNS.map((column) => (column === 'text' ? `substr(text, 1, ${EXCERPT_LENGTH})` : column));
  const results = db.prepare(`SELECT ${resultColumns.join(', ')} FROM run_results WHERE run_id IN (${marks}) ORDER BY run_id, position`).raw(true);

  return (ids: readonly string[]): RunSummary[] => {
    if (ids.length === 0) return [];
    if (ids.length > MAX_IDS) throw new RangeError(`at most ${MAX_IDS} runs per page`);
    // Unused placeholders are bound to NULL, which matches no id.
    const params = [...ids, ...Array<null>(MAX_IDS - ids.length).fill(null)];
    const byRun = new Map<string, RunSummary['results']>();
    for (const values of results.all(...params) as unknown[][]) {
      const row = keyed<ResultRow>(RESULT_COLUMNS, values);
      const summary = { ...resultFields(row), response_excerpt: row.text };
      const list = byRun.get(row.run_id);
      if (list) list.push(summary);
      else byRun.set(row.run_id, [summary]);
    }
    const rows = new Map<string, RunRow>();
    for (const values of runs.all(...params) as unknown[][]) {
      const row = keyed<RunRow>(RUN_COLUMNS, values);
      rows.set(row.id, row);
    }
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [toRun(row, byRun.get(id) ?? [])] : [];
    });
  };
}
