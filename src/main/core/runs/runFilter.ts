import type { OperationParsedInput } from '../../../shared/operations';

/** The filters of `listRuns` (and of the History export), without paging. */
export type RunFilterInput = Omit<OperationParsedInput<'listRuns'>, 'limit' | 'offset'>;

export interface RunFilterSql {
  /** `runs r`, or the FTS documents joined to their runs when there is a text search. */
  from: string;
  where: string[];
  params: (string | number)[];
  /** False when only the always-present "not deleted" condition applies. */
  filtered: boolean;
}

/** `runs.seq` (and the FTS rowid) is created_at in epoch milliseconds × 1024 plus a counter: see migration 008. */
export const SEQ_PER_MS = 1024;
export const seqAt = (iso: string): number => Date.parse(iso) * SEQ_PER_MS;

/**
 * Builds the FROM and WHERE of a run listing. With a text search, FTS5 drives the query: it walks
 * the matching documents newest first (rowid = seq), the date range is a rowid range it applies
 * itself, and every other filter is checked on the few runs it yields until a page is full. The
 * CROSS JOIN keeps SQLite from reordering the loops. Without a search, `runs_seq` (or
 * `runs_source_seq`) gives the same newest-first order.
 */
export function runFilter(input: RunFilterInput, match: string | null): RunFilterSql {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const filter = (condition: string, ...values: (string | number | undefined)[]) => {
    if (values.some((v) => v === undefined)) return;
    where.push(condition);
    params.push(...(values as (string | number)[]));
  };
  const seq = match === null ? 'r.seq' : 'f.rowid';
  if (match !== null) filter('runs_fts MATCH ?', match);
  filter(`${seq} >= ?`, input.start_date && seqAt(input.start_date));
  filter(`${seq} < ?`, input.end_date && seqAt(input.end_date) + SEQ_PER_MS);
  filter('r.source = ?', input.source);
  filter('(r.status = ? OR EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.status = ?))', input.status, input.status);
  filter('EXISTS (SELECT 1 FROM run_results x WHERE x.provider = ? AND x.run_id = r.id)', input.provider);
  filter('EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.model = ?)', input.model);
  filter('r.prompt_id = ?', input.prompt_id);
  if (input.rating === 'up' || input.rating === 'down') {
    const value = input.rating === 'up' ? 1 : -1;
    filter('(r.rating = ? OR EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.rating = ?))', value, value);
  } else if (input.rating === 'none') {
    where.push('r.rating IS NULL AND NOT EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.rating IS NOT NULL)');
  }
  const filtered = where.length > 0;
  // Deleted runs (awaiting their purge) are in no list; the FTS index has already dropped them.
  where.push('r.deleted_at IS NULL');
  const from = match === null ? 'runs r' : 'runs_fts f CROSS JOIN runs r ON r.seq = f.rowid';
  return { from, where, params, filtered };
}
