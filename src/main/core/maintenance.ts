import type Database from 'better-sqlite3';
import { backupDatabase, lastBackupTime, type BackupResult } from './backup';
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { RunTrash } from './runs/trash';
import type { SettingsStore } from './settings/store';

const CHECK_EVERY_MS = 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export interface MaintenanceDeps {
  db: Database.Database;
  dataDir: string;
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
  trash: Pick<RunTrash, 'purge'>;
}

/** The store's tidying, run at each check: deleted runs past their undo window are purged. */
export function tidyStore({ trash, logger }: Pick<MaintenanceDeps, 'trash' | 'logger'>): { purged: number } {
  const purged = trash.purge();
  if (purged > 0) logger.info(`${purged} deleted run(s) purged after their undo window`);
  return { purged };
}

/**
 * Housekeeping while Parallax runs, checked hourly and once shortly after start: the daily backup,
 * and the store's tidying (`tidyStore`).
 */
export function startMaintenance(deps: MaintenanceDeps): () => void {
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
  const tick = () => {
    try {
      tidyStore(deps);
    } catch (error) {
      logger.error(`store maintenance failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    void check();
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
