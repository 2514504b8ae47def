import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnv } from '../../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../../test/support/providerEmulator/server';
import type { RunEvent } from '../../../shared/events';
import { createCore, type Core } from '../index';

let emulator: Emulator;
let core: Core;
beforeAll(async () => {
  emulator = await startProviderEmulator();
  core = createCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-engine-')), env: emulatorEnv(emulator) });
});
afterAll(async () => {
  await core.shutdown();
  await emulator.close();
});

describe('run engine against the provider emulator', () => {
  it('runs five configurations in parallel: one fails, one is slow, one is cut; every result is persisted with its metrics', async () => {
    const events: RunEvent[] = [];
    const off = core.events.subscribe('run', (event) => events.push(event));
    const { run, done } = core.engine.start({
      prompt: 'Summarise {{topic}} in one line',
      system: 'Be brief',
      variables: { topic: 'latency' },
      source: 'api',
      configurations: [
        { provider: 'openai', model: 'gpt-4o-mini~len=30~tps=2000' },
        { provider: 'anthropic', model: 'claude-sonnet-4-5~error=401' },
        { provider: 'google', model: 'gemini-2.5-flash~ttft=300~len=10' },
        { provider: 'groq', model: 'llama-3.3-70b-versatile~len=40~cut=8' },
        { provider: 'deepseek', model: 'deepseek-chat', temperature: 0.2, max_tokens: 100 },
      ],
    });
    expect(run.status).toBe('running');
    expect(run.rendered_prompt).toBe('Summarise latency in one line');
    const finished = await done;
    off();

    const byProvider = Object.fromEntries(finished.results.map((r) => [r.provider, r]));
    expect(finished.status).toBe('partial');
    expect(byProvider.openai).toMatchObject({ status: 'completed', metadata: { output_tokens: 30, finish_reason: 'stop' } });
    expect(byProvider.openai!.metadata.ttft_ms).not.toBeNull();
    // A steered model name is not in the catalog: its cost is unknown, never 0.
    expect(byProvider.openai!.metadata).toMatchObject({ estimated_cost: null, cost_known: false });
    expect(byProvider.anthropic).toMatchObject({ status: 'failed', error: { type: 'authentication', status: 401, provider: 'anthropic' } });
    expect(byProvider.google!.status).toBe('completed');
    expect(byProvider.google!.metadata.ttft_ms).toBeGreaterThanOrEqual(290);
    expect(byProvider.groq!.status).toBe('failed');
    expect(byProvider.groq!.response.split(' ').length).toBeGreaterThanOrEqual(7);
    expect(byProvider.deepseek).toMatchObject({ status: 'completed', temperature: 0.2, max_tokens: 100, metadata: { cost_known: true } });
    expect(byProvider.deepseek!.metadata.estimated_cost).toBeGreaterThan(0);

    // Persisted, and the same as what was announced.
    expect(core.runStore.get(run.id)).toEqual(finished);
    const settled = events.filter((e) => e.type === 'result.settled' && e.run_id === run.id);
    expect(settled).toHaveLength(5);
    const streamed = events.flatMap((e) => (e.type === 'result.delta' && e.run_id === run.id ? e.deltas : []));
    const openaiText = streamed
      .filter((d) => d.result_id === byProvider.openai!.id)
      .map((d) => d.text)
      .join('');
    expect(openaiText).toBe(byProvider.openai!.response);
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', run: { id: run.id } });
  });

  it('names a variable without a value, and writes nothing', () => {
    const before = core.db.prepare('SELECT count(*) AS n FROM runs').get();
    expect(() =>
      core.engine.start({
        prompt: 'Hi {{name}} from {{place}}',
        variables: { name: 'x' },
        source: 'ui',
        configurations: [{ provider: 'openai', model: 'gpt-4o' }],
      }),
    ).toThrow(expect.objectContaining({ field: 'variables.place', message: 'Missing value for variable {{place}}' }));
    expect(core.db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual(before);
  });

  it('cancels one column, keeping its partial text, while the others finish', async () => {
    const { run, done } = core.engine.start({
      prompt: 'Cancel one',
      source: 'ui',
      configurations: [
        { provider: 'openai', model: 'gpt-4o-mini~tps=40~len=200' },
        { provider: 'anthropic', model: 'claude-haiku-4-5~len=5' },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(core.engine.cancel(run.id, run.results[0]!.id)).toBe(true);
    const finished = await done;
    expect(finished.results[0]).toMatchObject({ status: 'cancelled' });
    expect(finished.results[0]!.response.length).toBeGreaterThan(0);
    expect(finished.results[1]!.status).toBe('completed');
    expect(finished.status).toBe('partial');
  });

  it('cancels a whole run', async () => {
    const { run, done } = core.engine.start({
      prompt: 'Stop all',
      source: 'ui',
      configurations: [
        { provider: 'openai', model: 'gpt-4o~tps=20~len=500' },
        { provider: 'google', model: 'gemini-2.5-pro~tps=20~len=500' },
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    core.engine.cancel(run.id);
    const finished = await done;
    expect(finished.status).toBe('cancelled');
    expect(finished.results.every((r) => r.status === 'cancelled')).toBe(true);
  });
});
