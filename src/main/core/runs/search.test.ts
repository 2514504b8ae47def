import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { migrations } from '../db/migrations';
import { createCore, type Core } from '../index';
import { addRun, settledResult } from '../../../../test/support/runs';

const dirs: string[] = [];
const cores: Core[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-search-'));
  dirs.push(dir);
  return dir;
};
const start = (dataDir = tempDir()) => {
  const core = createCore({ dataDir });
  cores.push(core);
  return core;
};
afterEach(() => {
  cores.splice(0).forEach((core) => core.close());
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

const search = async (core: Core, input: Record<string, unknown>) =>
  (await core.invoke('listRuns', input, { source: 'cli' })).data.map((run) => run.id);

describe('full-text search over runs', () => {
  it('finds runs by prompt and by settled answer, newest first, with the last word as a prefix', async () => {
    const core = start();
    addRun(core.runStore, 'old', 'How do refunds work?', '2025-01-01T00:00:00.000Z', [['openai', 'Refunds take 30 days.']]);
    addRun(core.runStore, 'new', 'Write a haiku', '2026-01-01T00:00:00.000Z', [
      ['anthropic', 'Autumn moon rises'],
      ['openai', 'Refund the moonlight'],
    ]);
    addRun(core.runStore, 'other', 'Unrelated question', '2025-06-01T00:00:00.000Z', [['google', 'nothing here']]);
    expect(await search(core, { q: 'refund' })).toEqual(['new', 'old']);
    expect(await search(core, { q: 'haik' })).toEqual(['new']);
    expect(await search(core, { q: 'moon rises' })).toEqual(['new']);
    expect(await search(core, { q: 'refunds work' })).toEqual(['old']);
    expect(await search(core, { q: 'NEAR("x" -' })).toEqual([]);
  });

  it('indexes an answer when it settles, not while it streams', async () => {
    const core = start();
    core.runStore.create({
      id: 'live',
      source: 'ui',
      apiKeyPrefix: null,
      prompt: 'Tell me a story',
      system: 'You are terse',
      variables: {},
      renderedPrompt: 'Tell me a story',
      renderedSystem: 'You are terse',
      promptId: null,
      promptVersion: null,
      createdAt: '2026-02-01T00:00:00.000Z',
      results: [{ id: 'live-r0', configuration: { provider: 'openai', model: 'gpt-4o' } }],
    });
    expect(await search(core, { q: 'story' })).toEqual(['live']);
    expect(await search(core, { q: 'terse' })).toEqual(['live']);
    core.runStore.checkpoint(new Map([['live-r0', 'Once upon a dragon']]));
    expect(await search(core, { q: 'dragon' })).toEqual([]);
    core.runStore.settle('live-r0', settledResult({ text: 'Once upon a dragon, the end', finishedAt: '2026-02-01T00:00:01.000Z' }));
    expect(await search(core, { q: 'dragon' })).toEqual(['live']);
  });

  it('indexes the partial text a restart marks interrupted', async () => {
    const dir = tempDir();
    const first = start(dir);
    addRun(first.runStore, 'done', 'finished one', '2026-01-01T00:00:00.000Z', [['openai', 'complete']]);
    first.runStore.create({
      id: 'cut',
      source: 'ui',
      apiKeyPrefix: null,
      prompt: 'cut short',
      system: null,
      variables: {},
      renderedPrompt: 'cut short',
      renderedSystem: null,
      promptId: null,
      promptVersion: null,
      createdAt: '2026-01-02T00:00:00.000Z',
      results: [{ id: 'cut-r0', configuration: { provider: 'openai', model: 'gpt-4o' } }],
    });
    first.runStore.checkpoint(new Map([['cut-r0', 'halfway through a sentence']]));
    first.close();
    const second = start(dir);
    expect(await search(second, { q: 'halfway' })).toEqual(['cut']);
  });

  it('combines search with provider, source, status, rating and a date range', async () => {
    const core = start();
    for (let i = 0; i < 30; i++) {
      const day = String(1 + i).padStart(2, '0');
      addRun(core.runStore, `run-${day}`, `report number ${i}`, `2026-03-${day}T12:00:00.000Z`, [
        [i % 3 === 0 ? 'anthropic' : 'openai', 'the report'],
      ]);
    }
    const inRange = await search(core, { q: 'report', provider: 'anthropic', start_date: '2026-03-05', end_date: '2026-03-20' });
    expect(inRange).toEqual(['run-19', 'run-16', 'run-13', 'run-10', 'run-07']);
    // end_date includes that whole instant: a run at exactly 12:00 on the 19th is in.
    expect(await search(core, { q: 'report', provider: 'anthropic', end_date: '2026-03-19T12:00:00.000Z', limit: 1 })).toEqual(['run-19']);
    await core.invoke('updateRun', { id: 'run-13', rating: 1 }, { source: 'cli' });
    expect(await search(core, { q: 'rep', rating: 'up' })).toEqual(['run-13']);
    expect(await search(core, { q: 'report', source: 'ui' })).toEqual([]);
    expect(await search(core, { q: 'report', status: 'failed' })).toEqual([]);
    const page = await core.invoke('listRuns', { q: 'report', limit: 5, offset: 5 }, { source: 'cli' });
    expect(page.data.map((run) => run.id)).toEqual(['run-25', 'run-24', 'run-23', 'run-22', 'run-21']);
    expect(page.pagination).toEqual({ total: 30, total_exact: true, limit: 5, offset: 5, has_more: true });
  });

  it('lists without a search newest first, with exact totals, and excerpts of answers', async () => {
    const core = start();
    addRun(core.runStore, 'a', 'first', '2026-01-01T00:00:00.000Z', [['openai', 'x'.repeat(1000)]]);
    addRun(core.runStore, 'b', 'second', '2026-01-01T00:00:00.000Z', [['openai', 'short']]);
    addRun(core.runStore, 'c', 'third', '2025-01-01T00:00:00.000Z', [['openai', 'short']]);
    const page = await core.invoke('listRuns', {}, { source: 'cli' });
    // Same created_at: the later insert is newer (seq numbers runs within a millisecond).
    expect(page.data.map((run) => run.id)).toEqual(['b', 'a', 'c']);
    expect(page.data[1]!.results[0]!.response_excerpt).toHaveLength(240);
    expect(page.pagination).toMatchObject({ total: 3, total_exact: true });
    expect((await core.invoke('listRuns', { provider: 'openai', start_date: '2025-06-01' }, { source: 'cli' })).pagination).toMatchObject({
      total: 2,
      total_exact: true,
    });
  });
  it('gives every page of the unfiltered list in the same order, from either end, skipping deleted runs', async () => {
    const core = start();
    for (let i = 0; i < 25; i++) {
      addRun(core.runStore, `run-${String(i).padStart(2, '0')}`, `prompt ${i}`, new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), [['openai', 'ok']]);
    }
    await core.invoke('deleteRun', { id: 'run-03' }, { source: 'cli' });
    await core.invoke('deleteRun', { id: 'run-20' }, { source: 'cli' });
    const live = Array.from({ length: 25 }, (_, i) => `run-${String(24 - i).padStart(2, '0')}`).filter((id) => id !== 'run-03' && id !== 'run-20');
    // Pages in the older half are read from the oldest end: they must line up with the newer ones.
    for (const [offset, limit] of [
      [0, 5],
      [10, 5],
      [12, 4],
      [19, 5],
      [21, 5],
      [23, 5],
    ] as const) {
      const page = await core.invoke('listRuns', { offset, limit }, { source: 'cli' });
      expect(page.data.map((run) => run.id), `offset ${offset}`).toEqual(live.slice(offset, offset + limit));
      expect(page.pagination).toMatchObject({ total: 23, has_more: offset + limit < 23 });
    }
  });
});

describe('migration 008 (runs FTS)', () => {
  it('numbers existing runs by time and indexes their prompts and settled answers', async () => {
    const dir = tempDir();
    const { db } = openDatabase(dir, migrations.slice(0, 6));
    const insertRun = db.prepare(
      `INSERT INTO runs (id, source, prompt, rendered_prompt, status, created_at) VALUES (?, 'api', ?, ?, 'completed', ?)`,
    );
    const insertResult = db.prepare(
      `INSERT INTO run_results (id, run_id, position, provider, model, status, text) VALUES (?, ?, 0, 'openai', 'gpt-4o', ?, ?)`,
    );
    insertRun.run('late', 'kangaroo question', 'kangaroo question', '2026-05-01T00:00:00.000Z');
    insertRun.run('early', 'wombat question', 'wombat question', '2024-05-01T00:00:00.000Z');
    insertRun.run('tie', 'wombat again', 'wombat again', '2024-05-01T00:00:00.000Z');
    insertResult.run('r1', 'early', 'completed', 'marsupial answer');
    insertResult.run('r2', 'late', 'streaming', 'unfinished marsupial');
    db.close();

    const core = start(dir);
    const seqs = core.db.prepare(`SELECT id, seq FROM runs ORDER BY seq`).all() as { id: string; seq: number }[];
    expect(seqs.map((row) => row.id)).toEqual(['early', 'tie', 'late']);
    expect(seqs[1]!.seq - seqs[0]!.seq).toBe(1);
    expect(seqs[0]!.seq).toBe(Date.parse('2024-05-01T00:00:00.000Z') * 1024);
    expect(await search(core, { q: 'wombat' })).toEqual(['tie', 'early']);
    // The streaming result is not indexed at migration time; a restart marks it interrupted, which indexes it.
    expect(await search(core, { q: 'marsupial' })).toEqual(['late', 'early']);
  });
});
