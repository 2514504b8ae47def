import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { migrations } from '../db/migrations';
import { settledResult } from '../../../../test/support/runs';
import { createRunStore, runAtStart, type NewRun, type SettledResult } from './store';

const settled = (status: SettledResult['status']) => settledResult({ status, tokensPerSecond: null, estimatedCost: null, costKnown: false });

function newRun(store: ReturnType<typeof createRunStore>, id: string, results: number) {
  store.create({
    id,
    source: 'api',
    apiKeyPrefix: null,
    prompt: 'p',
    system: null,
    variables: {},
    renderedPrompt: 'p',
    renderedSystem: null,
    promptId: null,
    promptVersion: null,
    createdAt: '2026-01-01T00:00:00Z',
    results: Array.from({ length: results }, (_, i) => ({ id: `${id}-r${i}`, configuration: { provider: 'openai', model: 'm' } })),
  });
}

describe('run store', () => {
  it('knows the started run without reading it back: runAtStart equals what get reads', () => {
    const { db } = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-store-')), migrations);
    const store = createRunStore(db);
    const run: NewRun = {
      id: 'start',
      source: 'schedule',
      apiKeyPrefix: 'pk_live_abc',
      prompt: 'Hi {{name}}',
      system: 'Be brief',
      variables: { name: 'Ada', tone: 'dry' },
      renderedPrompt: 'Hi Ada',
      renderedSystem: 'Be brief',
      promptId: null,
      promptVersion: null,
      createdAt: '2026-01-01T00:00:00.123Z',
      results: [
        { id: 'start-r0', configuration: { provider: 'openai', model: 'gpt-4o-mini', temperature: 1, max_tokens: 50 } },
        { id: 'start-r1', configuration: { provider: 'anthropic', model: 'claude', temperature: 0.7 } },
        { id: 'start-r2', configuration: { provider: 'google', model: 'gemini' } },
      ],
    };
    store.create(run);
    expect(runAtStart(run)).toStrictEqual(store.get('start'));
    db.close();
  });
});

describe('run store durability', () => {
  it('writes that acknowledge nothing skip the fsync and leave the connection at synchronous=FULL', () => {
    const { db } = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-store-')), migrations);
    const store = createRunStore(db);
    newRun(store, 'a', 1);
    store.checkpoint(new Map([['a-r0', 'part']]));
    store.finish('a', 'completed', '2026-01-01T00:00:02Z');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // Inside a caller's transaction the level cannot change; the write still happens.
    db.transaction(() => newRun(store, 'b', 1))();
    expect(store.get('b').status).toBe('running');
    db.close();
  });

  it("recovery derives a run's status from its settled results when the run's own status write was lost", () => {
    const { db } = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-store-')), migrations);
    const store = createRunStore(db);
    newRun(store, 'done', 2);
    store.settle('done-r0', settled('completed'));
    store.settle('done-r1', settled('failed'));
    newRun(store, 'cut', 2);
    store.settle('cut-r0', settled('completed'));
    store.checkpoint(new Map([['cut-r1', 'half an ans']]));
    expect(store.recoverInterrupted('2026-01-01T00:01:00Z')).toBe(1);
    expect(store.get('done').status).toBe('partial');
    expect(store.get('cut')).toMatchObject({
      status: 'interrupted',
      results: [{ status: 'completed' }, { status: 'interrupted', response: 'half an ans' }],
    });
    db.close();
  });
});

describe('recovery at start', () => {
  it('finds unsettled results through an index, not a scan of every result (migration 013)', () => {
    const { db } = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-store-')), migrations);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN UPDATE run_results SET status = 'interrupted', finished_at = ? WHERE status IN ('pending', 'streaming')`)
      .all('now') as { detail: string }[];
    expect(plan.map((step) => step.detail).join('; ')).toMatch(/USING (COVERING )?INDEX run_results_unsettled/);
    db.close();
  });
});
