import type Database from 'better-sqlite3';
import { seqAt } from './runFilter';

const BATCH = 2_000;

/**
 * Deletes the runs created before `cutoff` (their results and trace rows go by cascade, their search
 * documents by trigger), oldest first, 2,000 per transaction with a pause between batches, so a first
 * prune of hundreds of thousands of runs never holds the store (or the event loop) for long.
 * Saved prompts and their versions are other tables: never touched. Answers how many runs went.
 */
export async function pruneRunsBefore(db: Database.Database, cutoff: Date): Promise<number> {
  const batch = db.prepare(`DELETE FROM runs WHERE rowid IN (SELECT rowid FROM runs WHERE seq < ? AND status != 'running' LIMIT ?)`);
  const limit = seqAt(cutoff.toISOString());
  let total = 0;
  for (;;) {
    const { changes } = batch.run(limit, BATCH);
    total += changes;
    if (changes < BATCH) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
