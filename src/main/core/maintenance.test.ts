import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { truncateWal } from './maintenance';

describe('truncateWal', () => {
  it('shrinks the -wal left by a big transaction to nothing, keeping every row; a reader elsewhere makes it wait', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-wal-'));
    const file = path.join(dir, 'parallax.db');
    const wal = `${file}-wal`;
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)');
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run(Buffer.alloc(8_000, i % 251)); // ≈ 16 MB in one commit
    })();
    // The automatic checkpoint has copied it into the main file, but the log keeps its size.
    expect(fs.statSync(wal).size).toBeGreaterThan(15_000_000);

    // Another connection reading an older snapshot: the log cannot be reset yet.
    const reader = new Database(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM t').get();
    insert.run(Buffer.alloc(10));
    expect(truncateWal(db)).toEqual({ busy: true });
    expect(fs.statSync(wal).size).toBeGreaterThan(15_000_000);
    reader.exec('COMMIT');
    reader.close();

    expect(truncateWal(db)).toEqual({ busy: false });
    expect(fs.statSync(wal).size).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2_001 });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5_000); // the connection's own setting is back
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
