import type { Migration } from '../migrate';

/**
 * Deleting a run with an undo: `deleted_at` hides it from every read at once and takes its document
 * out of the full-text index; restoring puts both back. The maintenance purges rows deleted longer
 * ago than the undo window (their results and trace rows go with them by cascade).
 *
 * `runs_fts_source` (what the index triggers read) now skips deleted runs, so a result that settles
 * after its run was deleted cannot put the run back in the index.
 */
export const m009RunsDeleted: Migration = {
  name: 'runs_deleted',
  sql: `
    ALTER TABLE runs ADD COLUMN deleted_at TEXT;
    CREATE INDEX runs_deleted ON runs (deleted_at) WHERE deleted_at IS NOT NULL;

    DROP VIEW runs_fts_source;
    CREATE VIEW runs_fts_source AS
      SELECT r.id AS run_id, r.seq AS seq,
             coalesce(r.rendered_system || char(10), '') || r.rendered_prompt AS prompt,
             coalesce((SELECT group_concat(x.text, char(10)) FROM run_results x
                       WHERE x.run_id = r.id AND x.status NOT IN ('pending', 'streaming')), '') AS answers
      FROM runs r
      WHERE r.deleted_at IS NULL;

    CREATE TRIGGER runs_fts_soft_delete AFTER UPDATE OF deleted_at ON runs
    WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL BEGIN
      DELETE FROM runs_fts WHERE rowid = old.seq;
    END;

    CREATE TRIGGER runs_fts_restore AFTER UPDATE OF deleted_at ON runs
    WHEN new.deleted_at IS NULL AND old.deleted_at IS NOT NULL BEGIN
      INSERT INTO runs_fts (rowid, prompt, answers) SELECT seq, prompt, answers FROM runs_fts_source WHERE run_id = new.id;
    END;
  `,
};
