import type { Migration } from '../migrate';

/**
 * The number of live (not deleted) runs, kept by triggers: History's unfiltered total. At a million
 * runs `count(*)` walks a whole index (tens of milliseconds); this is one row read, and each run
 * insert or delete pays one small update.
 */
export const m010RunCount: Migration = {
  name: 'run_count',
  sql: `
    CREATE TABLE run_count (id INTEGER PRIMARY KEY CHECK (id = 1), live INTEGER NOT NULL) STRICT;
    INSERT INTO run_count (id, live) SELECT 1, count(*) FROM runs WHERE deleted_at IS NULL;

    CREATE TRIGGER run_count_insert AFTER INSERT ON runs WHEN new.deleted_at IS NULL BEGIN
      UPDATE run_count SET live = live + 1 WHERE id = 1;
    END;
    CREATE TRIGGER run_count_delete AFTER DELETE ON runs WHEN old.deleted_at IS NULL BEGIN
      UPDATE run_count SET live = live - 1 WHERE id = 1;
    END;
    CREATE TRIGGER run_count_soft_delete AFTER UPDATE OF deleted_at ON runs
    WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) BEGIN
      UPDATE run_count SET live = live + CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END WHERE id = 1;
    END;
  `,
};
