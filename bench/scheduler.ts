/**
 * `npm run bench:scheduler`: 500 schedules due in the same minute, on the real timer, against the
 * emulator. Goals: all run within that minute, never more at once than the concurrency cap, none twice.
 * Baseline: the same 500 runs started back to back through the engine with the same cap, no scheduler.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src/main/core';
import { Semaphore } from '../src/main/core/scheduler/semaphore';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { startProviderEmulator } from '../test/support/providerEmulator/server';
import { emitFigures, fmt, machine, percentile, printTable } from './stats';

const SCHEDULES = Number(process.env.BENCH_SCHEDULES ?? 500);
const CAP = Number(process.env.BENCH_CAP ?? 8);
const JITTER_MS = 10_000;
const MODEL = 'gpt-4o-mini~ttft=150~tps=1000~len=40';

const emulator = await startProviderEmulator();
const core = createCore({
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-scheduler-')),
  env: emulatorEnv(emulator),
  scheduler: { maxConcurrent: CAP, jitterMaxMs: JITTER_MS },
});
const prompt = core.prompts.create({ name: 'bench', prompt: 'Reply', configurations: [{ provider: 'openai', model: MODEL }] }, 'cli');

// Baseline: the same number of runs through the engine, the same cap, no scheduler.
const baselineStarted = performance.now();
const cap = new Semaphore(CAP);
await Promise.all(
  Array.from({ length: SCHEDULES }, async () => {
    await cap.acquire();
    try {
      await core.engine.start({ prompt: 'Reply', configurations: [{ provider: 'openai', model: MODEL }], source: 'cli' }).done;
    } finally {
      cap.release();
    }
  }),
);
const baselineMs = performance.now() - baselineStarted;

// 500 schedules whose slot is the same instant, two seconds from now.
const ids = Array.from({ length: SCHEDULES }, (_, i) =>
  core.scheduler.create({ prompt_id: prompt.id, name: `bench ${i}`, schedule_type: 'interval', interval_minutes: 60 }).id,
);
const slot = new Date(Date.now() + 2_000);
core.db.transaction(() => ids.forEach((id) => core.scheduler.store.setTiming(id, slot.toISOString())))();

let running = 0;
let peak = 0;
const startedAt: number[] = [];
const finishedAt: number[] = [];
core.events.subscribe('run', (event) => {
  if (event.type === 'run.started' && event.run.source === 'schedule') {
    running++;
    peak = Math.max(peak, running);
    startedAt.push(Date.now());
  } else if (event.type === 'run.finished' && event.run.source === 'schedule') {
    running--;
    finishedAt.push(Date.now());
  }
});
core.startBackground();
while (finishedAt.length < SCHEDULES && Date.now() < slot.getTime() + 120_000) await new Promise((r) => setTimeout(r, 100));
await core.scheduler.stop();

const perSchedule = core.db
  .prepare('SELECT schedule_id, COUNT(*) AS n FROM schedule_runs GROUP BY schedule_id')
  .all() as { schedule_id: string; n: number }[];
const twice = perSchedule.filter((row) => row.n > 1).length;
const completed = (core.db.prepare(`SELECT COUNT(*) AS n FROM schedule_runs WHERE status = 'completed'`).get() as { n: number }).n;
const lastFinish = Math.max(...finishedAt) - slot.getTime();
const startOffsets = startedAt.map((t) => t - slot.getTime());
await core.shutdown();
await emulator.close();

printTable(`${SCHEDULES} schedules due at the same instant, cap ${CAP}, jitter ≤ ${JITTER_MS / 1000} s — ${machine()}`, [
  { figure: 'schedules that ran', value: `${perSchedule.length} / ${SCHEDULES}`, goal: `${SCHEDULES}` },
  { figure: 'ran twice', value: twice, goal: '0' },
  { figure: 'completed', value: completed, goal: `${SCHEDULES}` },
  { figure: 'peak concurrent runs', value: peak, goal: `≤ ${CAP}` },
  { figure: 'last run finished after the slot (s)', value: fmt(lastFinish / 1000, 1), goal: '< 60' },
  { figure: 'start offset p50 / p99 (s)', value: `${fmt(percentile(startOffsets, 50) / 1000, 1)} / ${fmt(percentile(startOffsets, 99) / 1000, 1)}`, goal: 'spread by jitter' },
  { figure: `baseline: ${SCHEDULES} engine runs, cap ${CAP} (s)`, value: fmt(baselineMs / 1000, 1), goal: '—' },
  { figure: 'scheduler time / baseline', value: fmt(lastFinish / baselineMs), goal: '—' },
]);

emitFigures('scheduler', [
  {
    name: `${SCHEDULES} schedules due at once, cap ${CAP}: last run finished after the slot (${perSchedule.length} ran, ${twice} twice, peak ${peak})`,
    unit: 'ms',
    value: lastFinish,
    baseline: { name: `${SCHEDULES} engine runs with the same cap, no scheduler`, value: baselineMs },
    better: 'lower',
    goal: '< 60 s, none twice, peak ≤ cap',
  },
]);
