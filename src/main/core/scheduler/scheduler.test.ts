import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnv } from '../../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../../test/support/providerEmulator/server';
import { FakeClock } from '../../../../test/support/fakeClock';
import type { Configuration } from '../../../shared/operations/prompts';
import type { CreateScheduleInput } from '../../../shared/operations/schedules';
import { createCore, type Core } from '../index';
import type { ScheduleNotification } from './service';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startProviderEmulator();
});
afterAll(async () => {
  await emulator.close();
});

const MIN = 60_000;

async function setup(
  configurations: Configuration[] = [{ provider: 'openai', model: 'gpt-4o-mini' }],
  start = '2026-01-05T10:00:00Z',
  jitterMaxMs = 0,
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-scheduler-'));
  const clock = new FakeClock(Date.parse(start));
  const notifications: ScheduleNotification[] = [];
  const open = () =>
    createCore({
      dataDir,
      clock,
      env: emulatorEnv(emulator),
      notify: (n) => notifications.push(n),
      scheduler: { jitterMaxMs },
    });
  const core = open();
  const prompt = core.prompts.create({ name: 'Check', prompt: 'Say hello to {{who}}', variables: { who: 'ops' }, configurations }, 'api');
  const schedule = (input: Partial<CreateScheduleInput> = {}) =>
    core.scheduler.create({
      prompt_id: prompt.id,
      name: 'Every 40 minutes',
      schedule_type: 'interval',
      interval_minutes: 40,
      ...input,
    } as CreateScheduleInput);
  return { core, clock, prompt, schedule, notifications, dataDir, open };
}

const runsOf = (core: Core, scheduleId: string) => core.scheduler.store.listRuns({ scheduleId, limit: 100, offset: 0 }).rows;

describe('scheduler on a fake clock, against the provider emulator', () => {
  it('runs an interval schedule at its slot with the prompt, records Promptster metrics, and keeps the cadence', async () => {
    const { core, clock, schedule } = await setup([
      { provider: 'openai', model: 'gpt-4o-mini' },
      { provider: 'anthropic', model: 'claude-sonnet-4-5' },
      { provider: 'google', model: 'gemini-2.5-flash' },
    ]);
    const s = schedule();
    expect(s.next_run_at).toBe('2026-01-05T10:40:00.000Z');

    clock.advance(39 * MIN);
    core.scheduler.tick();
    expect(runsOf(core, s.id)).toHaveLength(0);

    clock.advance(1 * MIN);
    core.scheduler.tick();
    await core.scheduler.idle();
    const [run] = runsOf(core, s.id);
    expect(run).toMatchObject({
      status: 'completed',
      trigger_type: 'scheduled',
      error: null,
      sla_breaches: { response_time: false, cost: false },
    });
    expect(Object.keys(run!.metrics)).toEqual(expect.arrayContaining(['response_time_1_ms', 'estimated_cost_2', 'response_time_3_ms']));
    expect(run!.metrics.response_time_3_ms).toBeGreaterThanOrEqual(0);
    expect(run!.results.map((r) => r.provider)).toEqual(['openai', 'anthropic', 'google']);
    const history = core.runStore.get(run!.run_id!);
    expect(history).toMatchObject({ source: 'schedule', rendered_prompt: 'Say hello to ops', prompt_id: s.prompt_id });

    const after = core.scheduler.get(s.id);
    expect(after).toMatchObject({
      next_run_at: '2026-01-05T11:20:00.000Z',
      last_run_at: '2026-01-05T10:40:00.000Z',
      last_status: 'completed',
      run_count: 1,
    });
    await core.shutdown();
  });

  it('a 2-hour sleep over three slots runs once on wake, then resumes the cadence', async () => {
    const { core, clock, schedule } = await setup();
    const s = schedule(); // slots 10:40, 11:20, 12:00, 12:40 …
    clock.set('2026-01-05T10:05:00Z');
    core.scheduler.tick();
    clock.set('2026-01-05T12:05:00Z'); // asleep over 10:40, 11:20 and 12:00
    core.scheduler.tick();
    core.scheduler.tick();
    await core.scheduler.idle();
    expect(runsOf(core, s.id)).toHaveLength(1);
    expect(core.scheduler.get(s.id).next_run_at).toBe('2026-01-05T12:40:00.000Z');

    clock.set('2026-01-05T12:40:00Z');
    core.scheduler.tick();
    await core.scheduler.idle();
    expect(runsOf(core, s.id)).toHaveLength(2);
    expect(core.scheduler.get(s.id).next_run_at).toBe('2026-01-05T13:20:00.000Z');
    await core.shutdown();
  });

  it("spreads a herd of catch-up runs after a sleep by each schedule's jitter instead of firing them all at once", async () => {
    const { core, clock, schedule } = await setup(undefined, undefined, 10_000);
    const ids = Array.from({ length: 20 }, (_, i) => schedule({ name: `s${i}` }).id);
    clock.set('2026-01-05T12:05:00Z'); // every schedule missed its slots
    core.scheduler.tick();
    const startedAtWake = core.scheduler.runningCount;
    expect(startedAtWake).toBeLessThan(5);
    for (let second = 1; second <= 10; second++) {
      clock.advance(1_000);
      core.scheduler.tick();
    }
    await core.scheduler.idle();
    for (const id of ids) expect(runsOf(core, id)).toHaveLength(1);
    await core.shutdown();
  });

  it('a few catch-ups (no more than can run at once) start at once, jitter or not', async () => {
    const { core, clock, schedule } = await setup(undefined, undefined, 10_000);
    const ids = Array.from({ length: 3 }, (_, i) => schedule({ name: `s${i}` }).id);
    clock.set('2026-01-05T12:05:00Z');
    core.scheduler.tick();
    expect(core.scheduler.runningCount).toBe(3);
    await core.scheduler.idle();
    for (const id of ids) expect(runsOf(core, id)).toHaveLength(1);
    await core.shutdown();
  });

  it('with catch-up "skip", missed slots are not run; the next on-time slot is', async () => {
    const { core, clock, schedule } = await setup();
    const s = schedule({ catch_up: 'skip' });
    clock.set('2026-01-05T12:05:00Z');
    core.scheduler.tick();
    await core.scheduler.idle();
    expect(runsOf(core, s.id)).toHaveLength(0);
    expect(core.scheduler.get(s.id).next_run_at).toBe('2026-01-05T12:40:00.000Z');
    clock.set('2026-01-05T12:40:01Z');
    core.scheduler.tick();
    await core.scheduler.idle();
    expect(runsOf(core, s.id)).toHaveLength(1);
    await core.shutdown();
  });

  it('a run longer than its interval does not overlap itself', async () => {
    const { core, clock, schedule } = await setup([{ provider: 'openai', model: 'gpt-4o-mini~ttft=600' }]);
    const s = schedule({ interval_minutes: 1 });
    clock.advance(1 * MIN);
    core.scheduler.tick();
    expect(core.scheduler.runningCount).toBe(1);
    // Two more slots come while the first run is still streaming.
    clock.advance(1 * MIN);
    core.scheduler.tick();
    clock.advance(1 * MIN);
    core.scheduler.tick();
    expect(runsOf(core, s.id)).toHaveLength(1);
    expect(() => core.scheduler.runNow(s.id, 'manual')).toThrow(/already in progress/);
    await core.scheduler.idle();
    expect(runsOf(core, s.id)).toHaveLength(1);
    expect(core.scheduler.get(s.id).next_run_at).toBe('2026-01-05T10:04:00.000Z');
    await core.shutdown();
  });

  it('flags each breached threshold and notifies per the schedule flags', async () => {
    const { core, schedule, notifications } = await setup([
      { provider: 'openai', model: 'gpt-4o-mini~ttft=120' },
      { provider: 'anthropic', model: 'claude-sonnet-4-5~error=401' },
    ]);
    const s = schedule({ max_response_time_ms: 50, max_ttft_ms: 100, must_contain: 'zebra', must_be_json: true, notify_on_success: true });
    const run = await core.scheduler.runNow(s.id, 'manual').done;
    expect(run.status).toBe('partial');
    expect(run.trigger_type).toBe('manual');
    expect(run.sla_breaches).toEqual({ response_time: true, cost: false, ttft: true, content: true });
    expect(run.sla_failures.join('\n')).toMatch(/response time \d+ ms > 50 ms on openai\/gpt-4o-mini~ttft=120/);
    expect(run.sla_failures.join('\n')).toMatch(/does not contain "zebra"/);
    expect(run.sla_failures.join('\n')).toMatch(/is not valid JSON/);
    expect(run.error).toMatchObject({ provider: 'anthropic' });
    expect(run.metrics.response_time_2_ms).toBeNull();
    expect(notifications.map((n) => n.kind).sort()).toEqual(['failure', 'sla_breach']);
    expect(notifications.find((n) => n.kind === 'sla_breach')!.body).toMatch(/time to first token/);
    await core.shutdown();
  });

  it('a run whose only provider fails is recorded as failed with the provider message', async () => {
    const { core, schedule } = await setup([{ provider: 'openai', model: 'gpt-4o-mini~error=400' }]);
    const run = await core.scheduler.runNow(schedule().id, 'manual').done;
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ provider: 'openai' });
    expect(run.error?.message).toBeTruthy();
    await core.shutdown();
  });

  it('runs left running by a crash become failed with a clear error on the next start', async () => {
    const { core, schedule, open } = await setup();
    const s = schedule();
    core.scheduler.store.insertRun({
      id: 'r-crash',
      scheduleId: s.id,
      promptId: s.prompt_id,
      trigger: 'scheduled',
      slotAt: null,
      createdAt: '2026-01-05T10:00:00Z',
    });
    core.scheduler.store.markRunning('r-crash', '2026-01-05T10:00:00Z');
    core.close(); // no shutdown: as if killed
    const reopened = open();
    expect(reopened.scheduler.store.getRun('r-crash')).toMatchObject({
      status: 'failed',
      error: { message: 'Parallax stopped before this run finished' },
    });
    await reopened.shutdown();
  });

  it('a slot never runs twice, even if ticked again after a restart', async () => {
    const { core, clock, schedule, open } = await setup();
    const s = schedule();
    clock.advance(40 * MIN);
    core.scheduler.tick();
    await core.scheduler.idle();
    // Simulate a crash right after the run was recorded but before next_run_at moved on.
    core.scheduler.store.setTiming(s.id, '2026-01-05T10:40:00.000Z');
    await core.shutdown();
    const reopened = open();
    reopened.scheduler.tick();
    await reopened.scheduler.idle();
    expect(runsOf(reopened, s.id)).toHaveLength(1);
    expect(reopened.scheduler.get(s.id).next_run_at).toBe('2026-01-05T11:20:00.000Z');
    await reopened.shutdown();
  });

  it('disabling clears the next slot; enabling starts a fresh cadence; a retimed cron computes its slot in its zone', async () => {
    const { core, clock, schedule } = await setup();
    const s = schedule();
    expect(core.scheduler.update({ id: s.id, is_enabled: false }).next_run_at).toBeNull();
    clock.advance(5 * MIN);
    expect(core.scheduler.update({ id: s.id, is_enabled: true }).next_run_at).toBe('2026-01-05T10:45:00.000Z');
    const cron = core.scheduler.update({ id: s.id, schedule_type: 'cron', cron_expression: '0 9 * * *', timezone: 'America/New_York' });
    expect(cron.next_run_at).toBe('2026-01-05T14:00:00.000Z');
    expect(() => core.scheduler.update({ id: s.id, schedule_type: 'interval', interval_minutes: null })).toThrow(
      /interval_minutes is required/,
    );
    await core.shutdown();
  });
});
