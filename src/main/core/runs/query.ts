import type Database from 'better-sqlite3';
import { notFound } from '../../../shared/errors';
import type { OperationOutput, OperationParsedInput } from '../../../shared/operations';
import type { RunStore } from './store';

const EXCERPT_LENGTH = 240;

/** Reading and annotating runs: the History list, one run, ratings and notes. */
export function createRunQueries(db: Database.Database, store: RunStore) {
  const setRunMeta = db.prepare(`UPDATE runs SET rating = coalesce(@rating, rating), note = coalesce(@note, note) WHERE id = @id`);
  const clearRunRating = db.prepare(`UPDATE runs SET rating = NULL WHERE id = ?`);
  const setResultMeta = db.prepare(
    `UPDATE run_results SET rating = CASE WHEN @clearRating THEN NULL ELSE coalesce(@rating, rating) END, note = coalesce(@note, note) WHERE id = @resultId AND run_id = @id`,
  );

  return {
    list(input: OperationParsedInput<'listRuns'>): OperationOutput<'listRuns'> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const filter = (condition: string, ...values: (string | number | undefined)[]) => {
        if (values.some((v) => v === undefined)) return;
        where.push(condition);
        params.push(...(values as (string | number)[]));
      };
      filter('r.source = ?', input.source);
      filter('(r.status = ? OR EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.status = ?))', input.status, input.status);
      filter('EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.provider = ?)', input.provider);
      filter('EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.model = ?)', input.model);
      filter('r.prompt_id = ?', input.prompt_id);
      filter('r.created_at >= ?', input.start_date && new Date(input.start_date).toISOString());
      filter('r.created_at <= ?', input.end_date && new Date(input.end_date).toISOString());
      if (input.rating === 'up' || input.rating === 'down') {
        const value = input.rating === 'up' ? 1 : -1;
        filter('(r.rating = ? OR EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.rating = ?))', value, value);
      } else if (input.rating === 'none') {
        where.push('r.rating IS NULL AND NOT EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.rating IS NOT NULL)');
      }
      if (input.q) {
        const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        filter(
          `(r.rendered_prompt LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM run_results x WHERE x.run_id = r.id AND x.text LIKE ? ESCAPE '\\'))`,
          like,
          like,
        );
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const ids = db
        .prepare(`SELECT r.id FROM runs r ${clause} ORDER BY r.created_at DESC, r.rowid DESC LIMIT ? OFFSET ?`)
        .all(...params, input.limit, input.offset) as {
        id: string;
      }[];
      const { total } = db.prepare(`SELECT count(*) AS total FROM runs r ${clause}`).get(...params) as { total: number };
      return {
        data: ids.map(({ id }) => {
          const run = store.get(id);
          return {
            ...run,
            results: run.results.map(({ response, ...rest }) => ({ ...rest, response_excerpt: response.slice(0, EXCERPT_LENGTH) })),
          };
        }),
        pagination: { total, limit: input.limit, offset: input.offset, has_more: input.offset + ids.length < total },
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
