import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quickCheckInBackground } from './backgroundCheck';
import { NewerSchemaError, type Migration } from './migrate';
import { CorruptDatabaseError, DB_FILE_NAME, openDatabase } from './open';
import { migrations } from './migrations';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-db-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('openDatabase', () => {
  it('creates the store with WAL, FULL sync, foreign keys and every migration applied', () => {
    const { db, migrated } = openDatabase(tempDir(), migrations);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(migrated).toEqual({ from: 0, to: migrations.length });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('runs only the pending migrations on the next open', () => {
    const dir = tempDir();
    openDatabase(dir, migrations).db.close();
    const extra: Migration = { name: 'extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' };
    const { db, migrated } = openDatabase(dir, [...migrations, extra]);
    expect(migrated).toEqual({ from: migrations.length, to: migrations.length + 1 });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'extra'`).get()).toBeTruthy();
    db.close();
  });

  it('rolls a failing migration back entirely, leaving the version where it was', () => {
    const dir = tempDir();
    openDatabase(dir, migrations).db.close();
    const broken: Migration = { name: 'broken', sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table;' };
    expect(() => openDatabase(dir, [...migrations, broken])).toThrow(/no_such_table/);
    const db = new Database(path.join(dir, DB_FILE_NAME));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
    db.close();
  });

  it('refuses a database from a newer Parallax and leaves it untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const future = new Database(file);
    future.pragma(`user_version = ${migrations.length + 5}`);
    future.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(dir, migrations)).toThrow(NewerSchemaError);
    expect(() => openDatabase(dir, migrations)).toThrow(/newer Parallax/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it.each([
    ['garbage text', Buffer.from('this is not a database at all, just some text that someone saved here\n'.repeat(100))],
    ['random bytes', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256))],
  ])('moves a %s file aside with a clear message instead of replacing it', (_label, bytes) => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, bytes);
    let error: unknown;
    try {
      openDatabase(dir, migrations);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CorruptDatabaseError);
    const { movedTo, message } = error as CorruptDatabaseError;
    expect(message).toContain(file);
    expect(message).toMatch(/Restore a backup/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(movedTo).equals(bytes)).toBe(true);
  });

  it('moves aside a store whose schema no longer matches the migrations (e.g. a damaged column name)', () => {
    const dir = tempDir();
    openDatabase(dir, migrations).db.close();
    const db = new Database(path.join(dir, DB_FILE_NAME));
    db.exec('ALTER TABLE prompts RENAME COLUMN name TO nane');
    db.close();
    expect(() => openDatabase(dir, migrations)).toThrow(/damaged \(schema: table prompts has columns \(id,nane,/);
  });

  it('detects a damaged page in an otherwise valid database', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const { db } = openDatabase(dir, migrations);
    db.exec('CREATE TABLE filler (t TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 4096 * 3, 4096 * 5); // two b-tree pages overwritten
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(dir, migrations)).toThrow(CorruptDatabaseError);
  });
});

describe('quickCheckInBackground (stores too large to check before opening)', () => {
  it('finds a sound store sound and a damaged page damaged, from a worker thread', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    const { db, checkDeferred } = openDatabase(dir, migrations);
    expect(checkDeferred).toBe(false);
    db.exec('CREATE TABLE filler (t TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
    expect(await quickCheckInBackground(file)).toBeNull(); // while the app's connection is open
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 4096 * 3, 4096 * 5);
    fs.writeFileSync(file, bytes);
    expect(await quickCheckInBackground(file)).toMatch(/^quick_check: /);
    expect(await quickCheckInBackground(path.join(dir, 'missing.db'))).toMatch(/^quick_check: .*(unable to open|does not exist)/);
  });
});
