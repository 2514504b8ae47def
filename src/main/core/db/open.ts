import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { NewerSchemaError, migrate, type Migration } from './migrate';
import { integrityProblem, schemaProblem, START_CHECK_MAX_BYTES } from './verify';

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
  /** Things the user should hear about at start (e.g. a missing write-ahead log). */
  warnings: string[];
  /** The store is too large to check before opening: `quickCheckInBackground` should check it once running. */
  checkDeferred: boolean;
}

/**
 * A `-shm` index left by a session that did not close cleanly, with its `-wal` gone, means the commits
 * since the last checkpoint are gone too: SQLite opens the file as of that checkpoint (consistent, but
 * older). The index header says how many WAL frames it knew of (`mxFrame`, offset 16) and how many were
 * already copied into the database (`nBackfill`, offset 96); the difference is what was lost.
 */
export function missingWalWarning(file: string): string | null {
  if (!fs.existsSync(file) || fs.existsSync(`${file}-wal`) || !fs.existsSync(`${file}-shm`)) return null;
  let lost: number | null = null;
  try {
    const header = Buffer.alloc(100);
    const fd = fs.openSync(`${file}-shm`, 'r');
    const read = fs.readSync(fd, header, 0, 100, 0);
    fs.closeSync(fd);
    if (read === 100) lost = Math.max(0, header.readUInt32LE(16) - header.readUInt32LE(96));
  } catch {
    lost = null;
  }
  if (lost === 0) return null;
  return (
    `The write-ahead log ${file}-wal was missing at start although the last session did not close cleanly: ` +
    `changes committed since the last checkpoint${lost === null ? '' : ` (${lost} page write(s))`} are lost. ` +
    `The database is consistent as of that checkpoint; restore a backup if you need the newer data.`
  );
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
  const walWarning = missingWalWarning(file);
  let db: Database.Database | undefined;
  let checkDeferred: boolean;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    const size = fs.statSync(file).size;
    checkDeferred = size > START_CHECK_MAX_BYTES;
    const problem = checkDeferred ? null : integrityProblem(db, size);
    if (problem) throw new DamagedError(problem);
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
  let migrated: OpenedDatabase['migrated'];
  try {
    migrated = migrate(db, file, list);
  } catch (error) {
    db.close();
    throw error;
  }
  const schema = schemaProblem(db, list);
  if (schema) {
    db.close();
    throw quarantine(file, new DamagedError(schema));
  }
  return { db, file, migrated, warnings: walWarning ? [walWarning] : [], checkDeferred };
}

/** What the checks at start found wrong with the file. */
class DamagedError extends Error {}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || error instanceof DamagedError;
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
