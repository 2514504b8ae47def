import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from './clock';

export const BACKUP_DIR_NAME = 'backups';
const BACKUP_PATTERN = /^parallax-\d{8}T\d{6}Z\.db$/;

export interface BackupResult {
  file: string;
  bytes: number;
  pruned: string[];
}

const stampOf = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/**
 * A consistent copy of the live store through SQLite's online backup API (safe while runs are being
 * written), then the oldest backups beyond `keep` are removed.
 */
export async function backupDatabase(
  db: Database.Database,
  dataDir: string,
  clock: Clock,
  keep: number,
  target?: string,
): Promise<BackupResult> {
  const dir = path.join(dataDir, BACKUP_DIR_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const file = target ?? path.join(dir, `parallax-${stampOf(clock.now())}.db`);
  const partial = `${file}.partial`;
  // Steps of 1,000 pages (4 MB) keep the event loop free, however large the store (8.5 GB at a million
  // runs: one step would hold the app for ~30 s). Writes from another connection restart the copy
  // (the pages left go up again), so after three restarts the rest goes in one step: under constant
  // outside writes it still finishes.
  let restarts = 0;
  let left = Number.POSITIVE_INFINITY;
  await db.backup(partial, {
    progress: ({ totalPages, remainingPages }) => {
      if (remainingPages > left) restarts += 1;
      left = remainingPages;
      return restarts >= 3 ? totalPages : 1000;
    },
  });
  fs.renameSync(partial, file);
  const pruned = target ? [] : pruneBackups(dir, keep);
  return { file, bytes: fs.statSync(file).size, pruned };
}

function pruneBackups(dir: string, keep: number): string[] {
  const backups = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_PATTERN.test(name))
    .sort()
    .reverse();
  const old = backups.slice(Math.max(keep, 1));
  for (const name of old) fs.rmSync(path.join(dir, name), { force: true });
  return old.map((name) => path.join(dir, name));
}

/** The newest automatic backup's time, to decide whether today's is due. */
export function lastBackupTime(dataDir: string): Date | null {
  const dir = path.join(dataDir, BACKUP_DIR_NAME);
  if (!fs.existsSync(dir)) return null;
  const newest = fs
    .readdirSync(dir)
    .filter((name) => BACKUP_PATTERN.test(name))
    .sort()
    .pop();
  if (!newest) return null;
  const m = /^parallax-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db$/.exec(newest)!;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
}
