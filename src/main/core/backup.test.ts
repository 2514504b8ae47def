import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, lastBackupTime } from './backup';
import { createCore, type Core } from './index';

const cores: Core[] = [];
const start = (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-backup-'))) => {
  const core = createCore({ dataDir });
  cores.push(core);
  return core;
};
afterEach(() => cores.splice(0).forEach((core) => core.close()));

const trace = (i: number) => ({
  trace_ref: `t-${i}`,
  query: `question ${i} ${'q'.repeat(500)}`,
  response: `answer ${i} ${'a'.repeat(2000)}`,
  sources: [],
});

describe('backups', () => {
  it('copies the store under write load into a file that passes integrity_check and restores', async () => {
    const core = start();
    for (let i = 0; i < 200; i++) core.traces.ingest(trace(i), null);
    // A second connection keeps writing while the backup runs.
    const writer = new Database(core.dbFile);
    writer.pragma('busy_timeout = 5000');
    let writes = 0;
    let stop = false;
    const insert = writer.prepare(
      `INSERT INTO api_requests (id, endpoint, method, status_code, response_time_ms, created_at) VALUES (?, '/load', 'GET', 200, 1, ?)`,
    );
    const load = (async () => {
      while (!stop) {
        insert.run(`load-${writes++}`, new Date().toISOString());
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const result = await backupDatabase(core.db, core.dataDir, { now: () => new Date('2026-05-01T10:00:00Z') }, 7);
    stop = true;
    await load;
    writer.close();
    expect(writes).toBeGreaterThan(0);
    expect(path.basename(result.file)).toBe('parallax-20260501T100000Z.db');

    const copy = new Database(result.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const runs = (copy.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n;
    copy.close();
    expect(runs).toBe(200);

    const restoredDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-restore-'));
    fs.copyFileSync(result.file, path.join(restoredDir, 'parallax.db'));
    const restored = start(restoredDir);
    expect((await restored.invoke('listRuns', { limit: 1 }, { source: 'cli' })).pagination.total).toBe(200);
  });

  it('keeps only the newest N automatic backups and knows when the last one was taken', async () => {
    const core = start();
    for (let day = 1; day <= 5; day++) {
      await backupDatabase(core.db, core.dataDir, { now: () => new Date(`2026-05-0${day}T08:00:00Z`) }, 3);
    }
    const names = fs.readdirSync(path.join(core.dataDir, 'backups')).sort();
    expect(names).toEqual(['parallax-20260503T080000Z.db', 'parallax-20260504T080000Z.db', 'parallax-20260505T080000Z.db']);
    expect(lastBackupTime(core.dataDir)?.toISOString()).toBe('2026-05-05T08:00:00.000Z');
  });
});
