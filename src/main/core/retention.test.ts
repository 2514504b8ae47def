import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Run } from '../../shared/runs';
import { createCore, type Core } from './index';
import { silentLogger } from './logger';
import { tidyStore } from './maintenance';
import { createRunBulkInsert } from './runs/bulkInsert';

const NOW = Date.parse('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((core) => core.close()));

const run = (id: string, daysAgo: number, text: string): Run => {
  const at = new Date(NOW - daysAgo * DAY).toISOString();
  return {
    id,
    source: 'api',
    api_key_prefix: null,
    prompt: text,
    system: null,
    variables: {},
    rendered_prompt: text,
    rendered_system: null,
    status: 'completed',
    prompt_id: null,
    prompt_version: null,
    rating: null,
    note: null,
    created_at: at,
    finished_at: at,
    results: [
      {
        id: `${id}-r0`,
        run_id: id,
        position: 0,
        provider: 'openai',
        model: 'gpt-4o',
        temperature: null,
        max_tokens: null,
        status: 'completed',
        response: `${text} answer`,
        error: null,
        metadata: {
          input_tokens: 1,
          output_tokens: 1,
          total_tokens: 2,
          response_time_ms: 1,
          tokens_per_second: null,
          estimated_cost: null,
          cost_known: false,
          ttft_ms: null,
          finish_reason: 'stop',
          cached_input_tokens: null,
          reasoning_tokens: null,
          retries: 0,
        },
        warnings: [],
        rating: null,
        note: null,
        started_at: at,
        finished_at: at,
      },
    ],
  };
};

describe('history retention', () => {
  it('keeps everything by default, and once set prunes older runs (with results and search documents) in batches, never saved prompts', async () => {
    const core = createCore({
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-retention-')),
      clock: { now: () => new Date(NOW) },
    });
    cores.push(core);
    const old = Array.from({ length: 4_500 }, (_, i) => run(`old-${i}`, 40 + (i % 300), 'ancient heron'));
    createRunBulkInsert(core.db)([...old, run('recent', 10, 'recent heron')]);
    await core.invoke(
      'createPrompt',
      { name: 'Kept', prompt: 'hello', configurations: [{ provider: 'openai', model: 'gpt-4o' }] },
      { source: 'cli' },
    );
    const deps = { db: core.db, settings: core.settings, clock: { now: () => new Date(NOW) }, trash: core.runTrash, logger: silentLogger };

    expect(await tidyStore(deps, { retention: true })).toEqual({ purged: 0, pruned: 0 });
    core.settings.update({ history: { retention_days: 30 } });
    expect(await tidyStore(deps, { retention: false })).toEqual({ purged: 0, pruned: 0 });
    expect(await tidyStore(deps, { retention: true })).toEqual({ purged: 0, pruned: 4_500 });

    const page = await core.invoke('listRuns', { q: 'heron' }, { source: 'cli' });
    expect(page.data.map((r) => r.id)).toEqual(['recent']);
    expect((core.db.prepare('SELECT count(*) AS n FROM run_results').get() as { n: number }).n).toBe(1);
    expect((await core.invoke('listPrompts', {}, { source: 'cli' })).data.map((p) => p.name)).toEqual(['Kept']);
  });
});
