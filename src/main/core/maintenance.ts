import type Database from 'better-sqlite3';
import { backupDatabase, lastBackupTime, type BackupResult } from './backup';
import type { Clock } from './clock';
import type { Logger } from './logger';
import { pruneRunsBefore } from './runs/retention';
import type { SearchTerms } from './runs/searchTerms';
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
  searchTerms: Pick<SearchTerms, 'fold'>;
}

/**
 * The store's tidying: deleted runs past their undo window are purged (every check), and with
 * `retention` (once a day) runs older than `history.retention_days` are pruned when that is set.
 */
export async function tidyStore(
  { db, settings, clock, trash, logger }: Pick<MaintenanceDeps, 'db' | 'settings' | 'clock' | 'trash' | 'logger'>,
  { retention }: { retention: boolean },
): Promise<{ purged: number; pruned: number }> {
  const purged = trash.purge();
  if (purged > 0) logger.info(`${purged} deleted run(s) purged after their undo window`);
  const days = settings.get().history.retention_days;
  let pruned = 0;
  if (retention && days !== null) {
    pruned = await pruneRunsBefore(db, new Date(clock.now().getTime() - days * DAY_MS));
    if (pruned > 0) logger.info(`${pruned} run(s) older than ${days} day(s) pruned (history.retention_days)`);
  }
  return { purged, pruned };
}

/**
 * Shrinks the write-ahead log back to nothing once all of it is in the main file. SQLite's automatic
 * checkpoint (every 1,000 pages) keeps the log from growing under steady writes, but never shrinks the
 * file: after one big transaction (an import, a retention prune, a large FTS merge) the `-wal` would keep
 * that size until Parallax closes. `busy` when another connection (a CLI command, a backup) still reads
 * an older snapshot: nothing is lost, the next check tries again.
 */
export function truncateWal(db: Database.Database): { busy: boolean } {
  // Without waiting: TRUNCATE would otherwise block the event loop for busy_timeout behind a reader.
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [row] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return { busy: row?.busy === 1 };
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

/**
 * Housekeeping while Parallax runs, checked hourly and once shortly after start: the daily backup,
 * the purge of deleted runs, the daily retention prune (`tidyStore`), the WAL truncation, and the fold
 * of recently indexed words into the search's word list (also once at start, before any search).
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
  let lastRetention = 0;
  const tidy = async () => {
    const retention = clock.now().getTime() - lastRetention >= DAY_MS;
    try {
      deps.searchTerms.fold();
      await tidyStore(deps, { retention });
      if (retention) lastRetention = clock.now().getTime();
      if (truncateWal(db).busy) logger.info('write-ahead log not truncated: another connection is reading; next check');
    } catch (error) {
      logger.error(`store maintenance failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const tick = () => void tidy().then(check);
  try {
    deps.searchTerms.fold();
  } catch (error) {
    logger.error(`search word list fold failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
