import type Database from 'better-sqlite3';
import type { OperationOutput } from '../../../shared/operations';
import { RESULT_INSERT_COLUMNS as RESULT_COLUMNS, RUN_INSERT_COLUMNS as RUN_COLUMNS } from './bulkInsert';
import { resultFields, toRun, type ResultRow, type RunRow } from './store';

export type RunSummary = OperationOutput<'listRuns'>['data'][number];

export const EXCERPT_LENGTH = 240;
const MAX_IDS = 100;

/**
 * Rows come from SQLite as arrays (`raw`, columns in the store's insert order) and get their keys
 * here from one object literal compiled per column list: better-sqlite3's keyed rows cost ~1.4 ms a
 * page of 200 results × 26 columns, keys added one by one in a loop ~0.25 ms (and leave objects that
 * are slow to read), a literal of fixed shape ~0.01 ms. The names are this module's constants.
 */
function rowReader<Row>(columns: readonly string[]): (values: unknown[]) => Row {
  if (!columns.every((column) => /^[a-z_]+$/.test(column))) throw new Error('column names must be plain identifiers');
  return new Function('values', `return { ${columns.map((column, i) => `${column}: values[${i}]`).join(', ')} };`) as (values: unknown[]) => Row;
}
const readRun = rowReader<RunRow>(RUN_COLUMNS);
const readResult = rowReader<ResultRow>(RESULT_COLUMNS);

/**
 * A page of runs for a list: two queries for the whole page (not two per run), and only the first
 * 240 characters of each answer leave SQLite (`substr`), not answers of many kilobytes.
 */
export function createRunSummaries(db: Database.Database) {
  const marks = Array<string>(MAX_IDS).fill('?').join(', ');
  // A rendered prompt equal to its template (no variables: most runs) comes out once, not twice.
  const runColumns = RUN_COLUMNS.map((column) => (column === 'rendered_prompt' ? 'nullif(rendered_prompt, prompt)' : column));
  const runs = db.prepare(`SELECT ${runColumns.join(', ')} FROM runs WHERE id IN (${marks})`).raw(true);
  const resultColumns = RESULT_COLUMNS.map((column) => (column === 'text' ? `substr(text, 1, ${EXCERPT_LENGTH})` : column));
  const results = db.prepare(`SELECT ${resultColumns.join(', ')} FROM run_results WHERE run_id IN (${marks}) ORDER BY run_id, position`).raw(true);

  return (ids: readonly string[]): RunSummary[] => {
    if (ids.length === 0) return [];
    if (ids.length > MAX_IDS) throw new RangeError(`at most ${MAX_IDS} runs per page`);
    // Unused placeholders are bound to NULL, which matches no id.
    const params = [...ids, ...Array<null>(MAX_IDS - ids.length).fill(null)];
    const byRun = new Map<string, RunSummary['results']>();
    for (const values of results.all(...params) as unknown[][]) {
      const row = readResult(values);
      // Added in place, not spread into a copy: a page allocates a third less (its collections set the p95).
      const summary: RunSummary['results'][number] = Object.assign(resultFields(row), { response_excerpt: row.text });
      const list = byRun.get(row.run_id);
      if (list) list.push(summary);
      else byRun.set(row.run_id, [summary]);
    }
    const rows = new Map<string, RunRow>();
    for (const values of runs.all(...params) as unknown[][]) {
      const row = readRun(values);
      row.rendered_prompt ??= row.prompt;
      rows.set(row.id, row);
    }
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [toRun(row, byRun.get(id) ?? [])] : [];
    });
  };
}
