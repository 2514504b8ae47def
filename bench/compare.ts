/**
 * `npm run bench:compare`: 10 configurations × 2,000 tokens/s from the emulator through the run
 * engine (persisting everything) vs the same 10 streams read directly with the SDK, same run.
 * Goals: every token persisted; wall time ≤ 1.05× the slowest direct stream; event-loop lag p99 ≤ 20 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import OpenAI from 'openai';
import { createCore } from '../src/main/core';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { startProviderEmulator } from '../test/support/providerEmulator/server';
import { emitFigures, fmt, machine, printTable } from './stats';

const TOKENS = Number(process.env.BENCH_TOKENS ?? 2000);
const MODEL = `gpt-4o-mini~ttft=50~tps=2000~len=${TOKENS}`;
const emulator = await startProviderEmulator();
const core = createCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-compare-')), env: emulatorEnv(emulator) });
const sdk = new OpenAI({ apiKey: 'bench', baseURL: emulator.baseUrls.openai, maxRetries: 0 });

async function directStream(): Promise<number> {
  const started = performance.now();
  const stream = await sdk.chat.completions.create({
    model: MODEL,
    messages: [{ role: 'user', content: 'bench' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of stream) void chunk;
  return performance.now() - started;
}

const directTimes = await Promise.all(Array.from({ length: 10 }, directStream));
const slowestDirect = Math.max(...directTimes);

const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const started = performance.now();
const { done } = core.engine.start({
  prompt: 'bench',
  source: 'cli',
  configurations: Array.from({ length: 10 }, (_, i) => ({ provider: i % 2 ? 'openai' : 'groq', model: MODEL })),
});
const run = await done;
const wall = performance.now() - started;
lag.disable();

const persisted = core.runStore.get(run.id);
const tokensPersisted = persisted.results.map((r) => r.response.split(' ').length);
const allPersisted = tokensPersisted.every((n) => n === TOKENS) && persisted.results.every((r) => r.status === 'completed');
await core.shutdown();
await emulator.close();

printTable(`10 × ${TOKENS} tokens at 2,000 tokens/s — ${machine()}`, [
  { measure: 'slowest direct SDK stream', value: `${fmt(slowestDirect, 0)} ms` },
  { measure: 'run through the engine (wall)', value: `${fmt(wall, 0)} ms` },
  { measure: 'ratio (goal ≤ 1.05)', value: fmt(wall / slowestDirect, 3) },
  { measure: 'event-loop lag p99 (goal ≤ 20 ms)', value: `${fmt(lag.percentile(99) / 1e6, 1)} ms` },
  { measure: 'event-loop lag max', value: `${fmt(lag.max / 1e6, 1)} ms` },
  { measure: 'every token persisted', value: `${allPersisted} (${tokensPersisted.join(', ')})` },
]);
emitFigures('compare', [
  {
    name: `10 × ${TOKENS} tokens through the engine, wall time${allPersisted ? '' : ' (TOKENS LOST)'}`,
    unit: 'ms',
    value: wall,
    baseline: { name: 'slowest of 10 direct SDK streams', value: slowestDirect },
    better: 'lower',
    goal: '≤ 1.05×',
  },
  {
    name: 'event-loop lag p99 during the run',
    unit: 'ms',
    value: lag.percentile(99) / 1e6,
    baseline: null,
    better: 'lower',
    goal: '≤ 20 ms',
  },
]);
