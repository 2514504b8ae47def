import type { Migration } from '../migrate';

/**
 * Full-text search over run prompts and answers, at a million runs.
 *
 * `runs.seq` is a time-ordered unique key: created_at in epoch milliseconds × 1024, plus the number of
 * runs already created in that millisecond (1024 per millisecond, more than any writer makes). It is
 * the rowid of each run's document in `runs_fts`, so FTS5 itself walks matches newest first
 * (`ORDER BY rowid DESC`) and a date range is a rowid range: the newest 50 matches are found
 * without collecting and sorting every match. The History list orders by it too (`runs_seq`).
 *
 * `runs_fts` is contentless (the text already lives in `runs` and `run_results`; no second copy on
 * disk) with `contentless_delete=1` so a run's document can be replaced and deleted.
 *
 * Triggers keep it in sync for every writer (the store, traces, imports, the seed, deletes):
 * - a new run gets its seq and a document with its prompt (and the answers of any results already
 *   written, which is how bulk writers make one FTS write per run: results first, under
 *   `defer_foreign_keys`, then the run);
 * - a result's text is indexed when its status leaves pending/streaming (it settles, or a restart
 *   marks it interrupted). Checkpoints of streaming text only update `text` (not `status`), so they
 *   never touch the index: a checkpoint runs several times a second per column, and re-tokenizing
 *   the growing answer each time would cost far more than the write it rides on.
 */
export const m008RunsFts: Migration = {
  name: 'runs_fts',
  sql: `
    ALTER TABLE runs ADD COLUMN seq INTEGER;
    UPDATE runs SET seq = numbered.seq
    FROM (
      SELECT rowid AS rid, ms * 1024 + row_number() OVER (PARTITION BY ms ORDER BY rowid) - 1 AS seq
      FROM (SELECT rowid, CAST(round(unixepoch(created_at, 'subsec') * 1000) AS INTEGER) AS ms FROM runs)
    ) AS numbered
    WHERE runs.rowid = numbered.rid;
    CREATE UNIQUE INDEX runs_seq ON runs (seq);
    CREATE INDEX runs_source_seq ON runs (source, seq);
    CREATE INDEX run_results_provider_run ON run_results (provider, run_id);

    CREATE VIRTUAL TABLE runs_fts USING fts5 (
      prompt, answers,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );

    CREATE VIEW runs_fts_source AS
      SELECT r.id AS run_id, r.seq AS seq,
             coalesce(r.rendered_system || char(10), '') || r.rendered_prompt AS prompt,
             coalesce((SELECT group_concat(x.text, char(10)) FROM run_results x
                       WHERE x.run_id = r.id AND x.status NOT IN ('pending', 'streaming')), '') AS answers
      FROM runs r;

    INSERT INTO runs_fts (rowid, prompt, answers) SELECT seq, prompt, answers FROM runs_fts_source;

    CREATE TRIGGER runs_fts_insert AFTER INSERT ON runs BEGIN
      UPDATE runs SET seq = coalesce(
        (SELECT max(seq) FROM runs
          WHERE seq BETWEEN CAST(round(unixepoch(new.created_at, 'subsec') * 1000) AS INTEGER) * 1024
                        AND CAST(round(unixepoch(new.created_at, 'subsec') * 1000) AS INTEGER) * 1024 + 1023),
        CAST(round(unixepoch(new.created_at, 'subsec') * 1000) AS INTEGER) * 1024 - 1) + 1
      WHERE rowid = new.rowid AND new.seq IS NULL;
      INSERT INTO runs_fts (rowid, prompt, answers) SELECT seq, prompt, answers FROM runs_fts_source WHERE run_id = new.id;
    END;

    CREATE TRIGGER runs_fts_delete AFTER DELETE ON runs BEGIN
      DELETE FROM runs_fts WHERE rowid = old.seq;
    END;

    CREATE TRIGGER run_results_fts_settle AFTER UPDATE OF status ON run_results
    WHEN new.status NOT IN ('pending', 'streaming') AND old.status IN ('pending', 'streaming') BEGIN
      DELETE FROM runs_fts WHERE rowid = (SELECT seq FROM runs WHERE id = new.run_id);
      INSERT INTO runs_fts (rowid, prompt, answers) SELECT seq, prompt, answers FROM runs_fts_source WHERE run_id = new.run_id;
    END;

    CREATE TRIGGER run_results_fts_insert AFTER INSERT ON run_results
    WHEN new.status NOT IN ('pending', 'streaming') AND EXISTS (SELECT 1 FROM runs WHERE id = new.run_id) BEGIN
      DELETE FROM runs_fts WHERE rowid = (SELECT seq FROM runs WHERE id = new.run_id);
      INSERT INTO runs_fts (rowid, prompt, answers) SELECT seq, prompt, answers FROM runs_fts_source WHERE run_id = new.run_id;
    END;
  `,
};
