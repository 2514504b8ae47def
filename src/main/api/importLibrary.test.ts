import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { emulatorEnv } from '../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../test/support/providerEmulator/server';

let emulator: Emulator;
let source: ApiHarness;
const targets: ApiHarness[] = [];
const emptyStore = async () => {
  const harness = await startHarness();
  targets.push(harness);
  return harness;
};

let promptId: string;
let exported: { data: Record<string, Record<string, unknown>[]> };
const sourceSecrets: string[] = [];

beforeAll(async () => {
  emulator = await startProviderEmulator();
  source = await startHarness({ env: emulatorEnv(emulator) });
  const prompt = await source.call('POST', '/v1/prompts', {
    name: 'Summary',
    prompt: 'Summarise {{text}}',
    variables: { text: 'the news' },
    configurations: [{ provider: 'openai', model: 'gpt-4o-mini', temperature: 0.2 }],
    tags: ['daily'],
  });
  promptId = prompt.body.id;
  // A second version: the export carries the current one.
  await source.call('PATCH', `/v1/prompts/${promptId}`, { prompt: 'Summarise {{text}} in one line', system: 'Be brief.' });
  await source.call('POST', '/v1/prompts', { name: 'Unscheduled', prompt: 'Hi', configurations: [{ provider: 'anthropic', model: 'claude-haiku-4-5' }] });
  for (const body of [
    { name: 'Hourly', schedule_type: 'interval', interval_minutes: 60, max_response_time_ms: 5000, must_contain: 'news' },
    { name: 'Weekdays', schedule_type: 'cron', cron_expression: '0 9 * * 1-5', timezone: 'Europe/Paris', notify_on_success: true },
    { name: 'On deploy', schedule_type: 'webhook', is_enabled: false, webhook_callback_url: 'http://127.0.0.1:9/hook' },
  ]) {
    const created = await source.call('POST', '/v1/schedules', { prompt_id: promptId, ...body });
    expect(created.status).toBe(201);
    sourceSecrets.push(created.body.webhook_secret);
    expect((await source.call('POST', `/v1/schedules/${created.body.id}/run`)).body.status).toBe('completed');
  }
  exported = (await source.call('GET', '/v1/export')).body;
});
afterAll(async () => {
  for (const harness of targets) await harness.close();
  await source.close();
  await emulator.close();
});

const scheduleView = (s: Record<string, unknown>) => {
  const { next_run_at: _next, last_status: _status, run_count: _runs, failure_count: _failures, ...rest } = s;
  return rest;
};

describe('POST /v1/import of saved prompts, schedules and schedule runs', () => {
  it('restores an export into an empty store: same prompts, schedules (new secrets, slots from now) and runs', async () => {
    const target = await emptyStore();
    const before = Date.now();
    const answer = await target.call('POST', '/v1/import', exported);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      imported: { tests: 2, runs: 3, results: 3, schedules: 3, schedule_runs: 3 },
      skipped: { tests: 0, runs: 0, schedules: 0, schedule_runs: 0 },
      skipped_reasons: [],
      not_imported: {},
    });

    const prompts = (await source.call('GET', '/v1/prompts')).body.data as Record<string, unknown>[];
    expect((await target.call('GET', '/v1/prompts')).body.data).toEqual(prompts);
    const versions = (await target.call('GET', `/v1/prompts/${promptId}/versions`)).body.data as Record<string, unknown>[];
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 2, created_via: 'import', prompt: 'Summarise {{text}} in one line', system: 'Be brief.' });

    const original = (await source.call('GET', '/v1/schedules')).body.data as Record<string, unknown>[];
    const restored = (await target.call('GET', '/v1/schedules')).body.data as Record<string, unknown>[];
    expect(restored.map(scheduleView)).toEqual(original.map(scheduleView));
    expect(restored.map((s) => [s.last_status, s.run_count])).toEqual(original.map((s) => [s.last_status, s.run_count]));
    const byName = Object.fromEntries(restored.map((s) => [s.name, s]));
    expect(Date.parse(String(byName.Hourly!.next_run_at))).toBeGreaterThanOrEqual(before + 60 * 60_000 - 1000);
    expect(Date.parse(String(byName.Weekdays!.next_run_at))).toBeGreaterThan(before);
    expect(byName['On deploy']!.next_run_at).toBeNull();

    // A new secret per schedule, shown once in the answer, and the one the store verifies with.
    expect(Object.keys(answer.body.webhook_secrets).sort()).toEqual(restored.map((s) => s.id).sort());
    for (const [id, secret] of Object.entries(answer.body.webhook_secrets as Record<string, string>)) {
      expect(sourceSecrets).not.toContain(secret);
      expect(target.core.scheduler.get(id).secret).toBe(secret);
    }

    for (const schedule of original) {
      const runs = (await source.call('GET', `/v1/schedules/${String(schedule.id)}/runs`)).body.data as Record<string, unknown>[];
      const copies = (await target.call('GET', `/v1/schedules/${String(schedule.id)}/runs`)).body.data as Record<string, unknown>[];
      // Per-configuration results and SLA failure texts are not in an export; the rest is the same.
      expect(copies.map(({ results: _r, sla_failures: _f, ...rest }) => rest)).toEqual(runs.map(({ results: _r, sla_failures: _f, ...rest }) => rest));
    }
    expect((await target.call('GET', '/v1/runs')).body.pagination.total).toBe(3);

    const again = await target.call('POST', '/v1/import', exported);
    expect(again.body).toMatchObject({
      imported: { tests: 0, runs: 0, results: 0, schedules: 0, schedule_runs: 0 },
      skipped: { tests: 2, runs: 3, schedules: 3, schedule_runs: 3 },
      skipped_reasons: [],
      webhook_secrets: {},
    });
    expect((await target.call('GET', '/v1/schedules')).body.data).toHaveLength(3);
  });

  it('skips a schedule whose prompt is neither in the document nor in the store, with its runs, and says why', async () => {
    const target = await emptyStore();
    const answer = await target.call('POST', '/v1/import', { data: { schedules: exported.data.schedules, schedule_runs: exported.data.schedule_runs } });
    expect(answer.status).toBe(200);
    expect(answer.body.imported).toMatchObject({ schedules: 0, schedule_runs: 0 });
    expect(answer.body.skipped).toMatchObject({ schedules: 3, schedule_runs: 3 });
    expect(answer.body.skipped_reasons).toContainEqual({
      kind: 'schedules',
      id: exported.data.schedules![0]!.id,
      reason: `its prompt ${promptId} is neither in the document nor in this store`,
    });
    expect(answer.body.skipped_reasons.filter((r: { kind: string }) => r.kind === 'schedule_runs')).toHaveLength(3);
    expect((await target.call('GET', '/v1/schedules')).body.data).toEqual([]);
  });

  it('skips a prompt naming a provider this store does not know, and the schedules on it', async () => {
    const target = await emptyStore();
    const tests = exported.data.tests!.map((t) =>
      t.id === promptId ? { ...t, configurations: [{ provider: 'my-endpoint', model: 'm' }] } : t,
    );
    const answer = await target.call('POST', '/v1/import', { data: { tests, schedules: exported.data.schedules } });
    expect(answer.body.imported).toMatchObject({ tests: 1, schedules: 0 });
    expect(answer.body.skipped_reasons).toContainEqual(
      expect.objectContaining({ kind: 'tests', id: promptId, reason: expect.stringMatching(/^configurations\.0\.provider: unknown provider "my-endpoint"/) }),
    );
    expect(answer.body.skipped_reasons).toContainEqual(expect.objectContaining({ kind: 'schedules', reason: `its prompt ${promptId} was not imported` }));
  });

  it('refuses a bad document with 400 naming the field, and writes nothing of it', async () => {
    const target = await emptyStore();
    const badCron = exported.data.schedules!.map((s) => (s.schedule_type === 'cron' ? { ...s, cron_expression: '61 * * * *' } : s));
    const index = badCron.findIndex((s) => s.schedule_type === 'cron');
    const bad = await target.call('POST', '/v1/import', { ...exported, data: { ...exported.data, schedules: badCron } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ type: 'validation_error', field: `data.schedules.${index}.cron_expression` });
    for (const [data, field] of [
      [{ tests: [{ ...exported.data.tests![0], configurations: [] }] }, 'data.tests.0.configurations'],
      [{ tests: [{ ...exported.data.tests![0], title: '' }] }, 'data.tests.0.title'],
      [{ schedules: [{ ...exported.data.schedules![0], schedule_type: 'hourly' }] }, 'data.schedules.0.schedule_type'],
      [{ schedule_runs: [{ ...exported.data.schedule_runs![0], status: 'done' }] }, 'data.schedule_runs.0.status'],
    ] as const) {
      const answer = await target.call('POST', '/v1/import', { data });
      expect(answer.status, field).toBe(400);
      expect(answer.body.error.field).toBe(field);
    }
    expect((await target.call('GET', '/v1/prompts')).body.data).toEqual([]);
    expect((await target.call('GET', '/v1/runs')).body.pagination.total).toBe(0);
    expect((await target.call('GET', '/v1/schedules')).body.data).toEqual([]);
  });
});
