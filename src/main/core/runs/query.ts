import type Database from 'better-sqlite3';
import { notFound } from '../../../shared/errors';
import type { OperationOutput, OperationParsedInput } from '../../../shared/operations';
import { toFtsQuery } from './ftsQuery';
import { runFilter } from './runFilter';
import type { SearchTerms } from './searchTerms';
import type { RunStore } from './store';
import { createRunSummaries } from './summaries';

/**
 * A filtered total is counted only this far past the requested page: counting every one of 600,000
 * matches would cost more than finding the page. Past it, `total_exact` is false ("550+ runs").
 */
const COUNT_AHEAD = 500;

/** Reading and annotating runs: the History list, one run, ratings and notes. */
export function createRunQueries(db: Database.Database, store: RunStore, searchTerms: Pick<SearchTerms, 'expand'>) {
  const setRunMeta = db.prepare(`UPDATE runs SET rating = coalesce(@rating, rating), note = coalesce(@note, note) WHERE id = @id`);
  const clearRunRating = db.prepare(`UPDATE runs SET rating = NULL WHERE id = ?`);
  const setResultMeta = db.prepare(
    `UPDATE run_results SET rating = CASE WHEN @clearRating THEN NULL ELSE coalesce(@rating, rating) END, note = coalesce(@note, note) WHERE id = @resultId AND run_id = @id`,
  );

  const summaries = createRunSummaries(db);
  // The list's SQL depends only on which filters are set (a few dozen shapes): prepare each shape once.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const countAll = db.prepare(`SELECT live AS n FROM run_count WHERE id = 1`);
  /** The unfiltered total is a counter the triggers of migration 010 keep; a filtered one is counted, capped. */
  const countRuns = (
    from: string,
    clause: string,
    order: string,
    params: (string | number)[],
    cap: number,
    filtered: boolean,
  ): { total: number; exact: boolean } => {
    if (!filtered) return { total: (countAll.get() as { n: number }).n, exact: true };
    // In the list's own order: FTS5 walks a rowid range fastest from the end it starts at (ascending
    // from a "since" bound it first steps over every older match: 4× slower at a million runs).
    const { n } = prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${clause} ORDER BY ${order} DESC LIMIT ?)`).get(
      ...params,
      cap,
    ) as { n: number };
    return { total: n, exact: n < cap };
  };

  // Both walk `runs_live_seq` (migration 012) without reading a run's row.
  const newestLive = db.prepare(`SELECT id FROM runs WHERE deleted_at IS NULL ORDER BY seq DESC LIMIT ? OFFSET ?`);
  const oldestLive = db.prepare(`SELECT id FROM runs WHERE deleted_at IS NULL ORDER BY seq ASC LIMIT ? OFFSET ?`);
  /**
   * A page of the unfiltered list. OFFSET steps over every run before the page, so a page in the older
   * half is read from the oldest end instead (and reversed): the last page costs what the first does.
   */
  const livePage = (offset: number, limit: number, total: number): { id: string }[] => {
    if (offset + limit / 2 <= total / 2) return newestLive.all(limit, offset) as { id: string }[];
    const end = Math.min(total, offset + limit);
    if (end <= offset) return [];
    return (oldestLive.all(end - offset, total - end) as { id: string }[]).reverse();
  };

  return {
    list(input: OperationParsedInput<'listRuns'>): OperationOutput<'listRuns'> {
      const match = input.q === undefined ? null : toFtsQuery(input.q, searchTerms.expand);
      const { from, where, params, filtered } = runFilter(input, match);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const order = match === null ? 'r.seq' : 'f.rowid';
      const { total, exact } = countRuns(from, clause, order, params, input.offset + input.limit + COUNT_AHEAD, filtered);
      const ids = filtered
        ? (prepared(`SELECT r.id FROM ${from} ${clause} ORDER BY ${order} DESC LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset) as {
            id: string;
          }[])
        : livePage(input.offset, input.limit, total);
      return {
        data: summaries(ids.map(({ id }) => id)),
        pagination: { total, total_exact: exact, limit: input.limit, offset: input.offset, has_more: input.offset + ids.length < total },
      };
    },

    update: db.transaction((input: OperationParsedInput<'updateRun'>) => {
      store.get(input.id);
      if (input.result_id !== undefined) {
        const changes = setResultMeta.run({
          id: input.id,
          resultId: input.result_id,
          rating: input.rating ?? null,
          clearRating: input.rating === null ? 1 : 0,
          note: input.note ?? null,
        }).changes;
        if (changes === 0) throw notFound('Result not found in this run');
      } else {
        if (input.rating === null) clearRunRating.run(input.id);
        setRunMeta.run({ id: input.id, rating: input.rating ?? null, note: input.note ?? null });
      }
      return store.get(input.id);
    }) as (input: OperationParsedInput<'updateRun'>) => OperationOutput<'updateRun'>,
  };
}

export type RunQueries = ReturnType<typeof createRunQueries>;
