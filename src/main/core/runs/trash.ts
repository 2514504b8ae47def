import type Database from 'better-sqlite3';
import { AppError, notFound } from '../../../shared/errors';
import type { Run } from '../../../shared/runs';
import type { Clock } from '../clock';
import type { RunStore } from './store';

/**
 * How long a deleted run can be restored. The window's Undo toast lasts seconds; the API gets the
 * same ten minutes. After it, the daily maintenance (checked hourly, and at start) purges the row.
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

export type RunTrash = ReturnType<typeof createRunTrash>;

/**
 * Delete with undo: a soft delete (`deleted_at`, migration 009) that hides the run from every read and
 * takes it out of the search index at once, a restore within the undo window, and the purge after.
 * Chosen over "delete now, re-insert on undo" because a restore then needs no copy of the run held by
 * the client, loses nothing the API does not return (raw usage, trace sources), and is one UPDATE.
 */
export function createRunTrash(db: Database.Database, store: RunStore, clock: Clock) {
  const s = {
    state: db.prepare(`SELECT status, deleted_at FROM runs WHERE id = ?`),
    remove: db.prepare(`UPDATE runs SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL`),
    restore: db.prepare(`UPDATE runs SET deleted_at = NULL WHERE id = ? AND deleted_at >= ?`),
    purge: db.prepare(`DELETE FROM runs WHERE deleted_at < ?`),
  };
  const cutoff = () => new Date(clock.now().getTime() - UNDO_WINDOW_MS).toISOString();

  return {
    delete(id: string): { id: string; deleted: true; restorable_until: string } {
      const row = s.state.get(id) as { status: string; deleted_at: string | null } | undefined;
      if (!row || row.deleted_at !== null) throw notFound('Run not found');
      if (row.status === 'running') throw new AppError('conflict', 'The run is still running: cancel it first, then delete it');
      const now = clock.now();
      s.remove.run(now.toISOString(), id);
      return { id, deleted: true, restorable_until: new Date(now.getTime() + UNDO_WINDOW_MS).toISOString() };
    },

    restore(id: string): Run {
      const row = s.state.get(id) as { deleted_at: string | null } | undefined;
      if (row && row.deleted_at === null) return store.get(id);
      if (!row || s.restore.run(id, cutoff()).changes === 0) {
        throw notFound('Run not found: a deleted run can be restored for 10 minutes');
      }
      return store.get(id);
    },

    /** Removes for good the runs deleted before the undo window; answers how many. */
    purge(): number {
      return s.purge.run(cutoff()).changes;
    },
  };
}
