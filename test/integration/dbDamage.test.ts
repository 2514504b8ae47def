/**
 * Damaged stores at start (open.test.ts covers garbage text, random bytes and an overwritten page):
 * a write-ahead log deleted after a crash, and truncated, zeroed, byte-flipped and foreign files.
 * Each either opens consistent or is moved aside with a message naming the file — never replaced,
 * never a raw SQLite error.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorruptDatabaseError, createCore } from '../../src/main/core';
import { DB_FILE_NAME } from '../../src/main/core/db/open';
import { makeDataDir, runCli, startServe, type ServeHandle } from '../support/serve';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-damage-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const api = async (serve: ServeHandle, method: string, url: string, body?: unknown) => {
  const response = await fetch(`${serve.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${serve.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as { id: string } };
};
const promptBody = (name: string) => ({ name, prompt: 'Hi {{x}}', configurations: [{ provider: 'openai', model: 'gpt-4o-mini' }] });

describe('a write-ahead log deleted after a crash', () => {
  it('starts, says what was lost, and keeps everything up to the last checkpoint (as SQLite documents)', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    const file = path.join(dataDir, DB_FILE_NAME);
    const first = await startServe({ dataDir });
    const before = await api(first, 'POST', '/v1/prompts', promptBody('before-checkpoint'));
    expect(before.status).toBe(201);
    const side = new Database(file);
    const [checkpoint] = side.pragma('wal_checkpoint(FULL)') as { busy: number; log: number; checkpointed: number }[];
    side.close();
    expect(checkpoint).toMatchObject({ busy: 0 });
    const after = await api(first, 'POST', '/v1/prompts', promptBody('after-checkpoint'));
    expect(after.status).toBe(201);
    await first.stop('SIGKILL');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    fs.rmSync(`${file}-wal`);

    const second = await startServe({ dataDir });
    try {
      expect(second.stderr()).toMatch(/write-ahead log .*parallax\.db-wal was missing at start.*page write\(s\)\) are lost/);
      expect((await api(second, 'GET', `/v1/prompts/${before.body.id}`)).status).toBe(200);
      // Committed after the checkpoint, only in the deleted log: gone, as SQLite documents.
      expect((await api(second, 'GET', `/v1/prompts/${after.body.id}`)).status).toBe(404);
      expect((await api(second, 'POST', '/v1/prompts', promptBody('after-restart'))).status).toBe(201);
    } finally {
      await second.stop();
    }
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // A clean stop removes the log and index: the next start has nothing to warn about.
    const third = await startServe({ dataDir });
    await third.stop();
    expect(third.stderr()).not.toMatch(/write-ahead log/);
  });
});

/** A store with some of everything in it, checkpointed into the main file. */
let pristine: Buffer;
beforeAll(() => {
  const dir = tempDir();
  const core = createCore({ dataDir: dir, env: {} });
  const ctx = { source: 'api' as const, providerKeys: {} };
  const ready = Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      core.invoke('createPrompt', { ...promptBody(`prompt ${i}`), prompt: `Prompt ${i} ${'text '.repeat(i * 20)}{{x}}` }, ctx as never),
    ),
  );
  return ready.then(() => {
    for (let i = 0; i < 20; i++) core.apiKeys.create({ name: `key ${i}`, type: 'test' });
    core.close();
    pristine = fs.readFileSync(path.join(dir, DB_FILE_NAME));
  });
});

type Outcome = 'quarantined' | 'opened, consistent' | 'opened, integrity_check fails' | 'other error';

/** Writes the damaged bytes as a data directory's store and starts the core on it. */
function startOn(bytes: Buffer): { outcome: Outcome; detail: string; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, DB_FILE_NAME);
  fs.writeFileSync(file, bytes);
  try {
    const core = createCore({ dataDir: dir, env: {} });
    try {
      const integrity = core.db.pragma('integrity_check', { simple: true });
      return { outcome: integrity === 'ok' ? 'opened, consistent' : 'opened, integrity_check fails', detail: String(integrity), dir };
    } finally {
      core.close();
    }
  } catch (error) {
    if (!(error instanceof CorruptDatabaseError)) return { outcome: 'other error', detail: String(error), dir };
    expect(error.message).toContain(file);
    expect(fs.readFileSync(error.movedTo).equals(bytes)).toBe(true); // moved aside, byte for byte
    expect(fs.existsSync(file)).toBe(false);
    return { outcome: 'quarantined', detail: error.message, dir };
  }
}

describe('damaged store files', () => {
  const pageSize = () => pristine.readUInt16BE(16);
  it.each([
    ['truncated to half', () => pristine.subarray(0, Math.floor(pristine.length / pageSize() / 2) * pageSize())],
    ['truncated mid-page', () => pristine.subarray(0, pristine.length - pageSize() - 100)],
    ['zeroed (same length)', () => Buffer.alloc(pristine.length)],
    ['header magic byte flipped', () => flip(pristine, 3)],
    ['page size byte flipped', () => flip(pristine, 16)],
    ['schema page type flipped', () => flip(pristine, 100)],
    ['a JSON file', () => Buffer.from(JSON.stringify({ theme: 'dark', api: { port: 4317 } }))],
    ['a PNG header', () => Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')],
  ])('%s: moved aside with a message naming the file', (_label, damage) => {
    const { outcome, detail } = startOn(damage());
    expect(outcome, detail).toBe('quarantined');
  });

  it('the CLI says so in one line, exits 2, and the next start begins fresh', async () => {
    const dataDir = makeDataDir();
    dirs.push(dataDir);
    fs.writeFileSync(path.join(dataDir, DB_FILE_NAME), Buffer.alloc(pristine.length));
    const result = await runCli(['keys', 'list', '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^parallax: The database \S+parallax\.db is damaged \(.+\)\. It was moved to \S+\.corrupt-\S+ so nothing is lost/,
    );
    const serve = await startServe({ dataDir });
    await serve.stop();
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });

  it('300 random single-byte flips: each is quarantined or opens consistent; none escapes as a raw error', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const tally: Record<Outcome, number> = {
      quarantined: 0,
      'opened, consistent': 0,
      'opened, integrity_check fails': 0,
      'other error': 0,
    };
    const bad: string[] = [];
    for (let i = 0; i < 300; i++) {
      const offset = next() % pristine.length;
      const { outcome, detail } = startOn(flip(pristine, offset, 1 + (next() % 255)));
      tally[outcome] += 1;
      if (outcome === 'other error' || outcome === 'opened, integrity_check fails') bad.push(`@${offset}: ${outcome}: ${detail}`);
      dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
    }
    process.stdout.write(`byte flips: ${JSON.stringify(tally)}\n`);
    expect(bad, bad.slice(0, 5).join('\n')).toEqual([]);
    expect(tally.quarantined).toBeGreaterThan(0);
  });
});

function flip(bytes: Buffer, offset: number, mask = 0xff): Buffer {
  const copy = Buffer.from(bytes);
  copy[offset] = copy[offset]! ^ mask;
  return copy;
}
