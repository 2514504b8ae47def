import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrashLoop } from '../support/crashLoop';
import { startProviderEmulator, type Emulator } from '../support/providerEmulator/server';

/** A dozen SIGKILLs at random moments (`npm run test:long` runs 200). Set CRASH_SEED to replay one. */
let emulator: Emulator;
beforeAll(async () => (emulator = await startProviderEmulator()));
afterAll(() => emulator.close());

describe('crash loop', () => {
  it('12 random SIGKILLs: integrity ok, every acknowledged write, schedule, job and delivery kept, cut runs interrupted or failed', { timeout: 90_000 }, async () => {
    const report = await runCrashLoop({
      emulator,
      iterations: 12,
      ...(process.env.CRASH_SEED ? { seed: Number(process.env.CRASH_SEED) } : {}),
    });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    // The loop did real work: writes of every kind were acknowledged and then checked.
    expect(report.acknowledged.prompts).toBeGreaterThan(0);
    expect(report.acknowledged.apiKeys).toBeGreaterThan(0);
    expect(report.acknowledged.asyncRuns).toBeGreaterThan(0);
    expect(report.interruptedSeen).toBeGreaterThanOrEqual(report.acknowledged.asyncRuns);
    // Background work was acknowledged too, then checked: schedules and their runs, jobs, deliveries.
    const { background } = report;
    expect(background.schedules).toBeGreaterThan(0);
    expect(background.scheduleRunsAcknowledged).toBeGreaterThan(0);
    expect(background.jobs).toBeGreaterThan(0);
    expect(background.subscriptions).toBeGreaterThan(0);
    expect(background.slotsRun).toBeGreaterThanOrEqual(Math.min(1, background.slotsMadeDue));
    expect(background.delivered).toBeGreaterThan(0);
  });
});
