import type Database from 'better-sqlite3';
import { backupDatabase, lastBackupTime, type BackupResult } from './backup';
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { SettingsStore } from './settings/store';

const CHECK_EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** Housekeeping while Parallax runs: the daily backup (checked hourly, and once shortly after start). */
export function startMaintenance(deps: {
  db: Database.Database;
  dataDir: string;
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
}): () => void {
  const { db, dataDir, settings, clock, logger } = deps;
  let running = false;
  const check = async (): Promise<BackupResult | null> => {
    const { daily, keep } = settings.get().backup;
    const last = lastBackupTime(dataDir);
    if (!daily || running || (last && clock.now().getTime() - last.getTime() < DAY_MS)) return null;
    running = true;
    try {
      const result = await backupDatabase(db, dataDir, clock, keep);
      logger.info(
        `daily backup written to ${result.file} (${result.bytes} bytes)${result.pruned.length ? `, ${result.pruned.length} old one(s) removed` : ''}`,
      );
      return result;
    } catch (error) {
      logger.error(`daily backup failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), 30_000);
  const timer = setInterval(() => void check(), CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
