import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { NewerSchemaError, migrate, type Migration } from './migrate';

export const DB_FILE_NAME = 'parallax.db';

export class CorruptDatabaseError extends Error {
  constructor(
    readonly file: string,
    readonly movedTo: string,
    reason: string,
  ) {
    super(
      `The database ${file} is damaged (${reason}). It was moved to ${movedTo} so nothing is lost. ` +
        `Restore a backup to ${file}, or start Parallax again to begin with a fresh database.`,
    );
    this.name = 'CorruptDatabaseError';
  }
}

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  migrated: { from: number; to: number };
}

/**
 * Opens (or creates) the store. Durability choices:
 * - WAL: readers never block the writer, and a crash leaves the main file intact.
 * - synchronous=FULL: in WAL mode, NORMAL may lose the last commits on power loss. A run that was
 *   acknowledged to a client must survive a power cut, and each commit is small, so FULL it is.
 * - busy_timeout: the CLI and a running server may share a data directory.
 */
export function openDatabase(dataDir: string, list: readonly Migration[]): OpenedDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DB_FILE_NAME);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    // Refuse a newer schema before anything (even the journal mode) changes the file.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > list.length) throw new NewerSchemaError(file, version, list.length);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db?.close();
    if (!isCorruption(error)) throw error;
    throw quarantine(file, error);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  try {
    const migrated = migrate(db, file, list);
    return { db, file, migrated };
  } catch (error) {
    db.close();
    throw error;
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || (error instanceof Error && error.message.startsWith('quick_check'));
}

/** Moves the damaged file (and its WAL/SHM companions) aside; never deletes it. */
function quarantine(file: string, error: unknown): CorruptDatabaseError {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const movedTo = `${file}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, movedTo + suffix);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new CorruptDatabaseError(file, movedTo, reason);
}
