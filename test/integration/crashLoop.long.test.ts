import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrashLoop } from '../support/crashLoop';
import { startProviderEmulator, type Emulator } from '../support/providerEmulator/server';

/** `npm run test:long`: 200 SIGKILLs (CRASH_ITERATIONS to change it, CRASH_SEED to replay one). */
let emulator: Emulator;
beforeAll(async () => (emulator = await startProviderEmulator()));
afterAll(() => emulator.close());

const ITERATIONS = Number(process.env.CRASH_ITERATIONS ?? 200);

describe('crash loop (long)', () => {
  it(`${ITERATIONS} random SIGKILLs: integrity ok, every acknowledged write present once, schedules, jobs and deliveries kept, cut runs interrupted or failed`, async () => {
    const report = await runCrashLoop({
      emulator,
      iterations: ITERATIONS,
      ...(process.env.CRASH_SEED ? { seed: Number(process.env.CRASH_SEED) } : {}),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    expect(report.acknowledged.prompts).toBeGreaterThan(0);
    expect(report.acknowledged.asyncRuns).toBeGreaterThan(0);
    expect(report.startupKills).toBeGreaterThan(0);
    expect(report.background.slotsRun).toBeGreaterThan(0);
    expect(report.background.cutShort).toBeGreaterThan(0);
    expect(report.background.delivered).toBeGreaterThan(0);
  });
});
