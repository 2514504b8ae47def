import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorEnv } from '../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../test/support/providerEmulator/server';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { FakeClock } from '../../../test/support/fakeClock';

/** A local webhook receiver that fails the first `failures` deliveries with 500. */
async function startReceiver(failures = 0) {
  const received: { headers: http.IncomingHttpHeaders; body: string; status: number }[] = [];
  let remainingFailures = failures;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = remainingFailures-- > 0 ? 500 : 204;
      received.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startProviderEmulator();
});
afterAll(async () => {
  await emulator.close();
});

async function withPrompt(api: ApiHarness, model = 'gpt-4o-mini') {
  const prompt = await api.call('POST', '/v1/prompts', { name: 'Nightly', prompt: 'Reply briefly', configurations: [{ provider: 'openai', model }] });
  expect(prompt.status).toBe(201);
  return prompt.body.id as string;
}

describe('/v1/schedules (Promptster-compatible)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startHarness({ env: emulatorEnv(emulator) });
  });
  afterAll(async () => api.close());

  it('validates with the documented messages', async () => {
    const promptId = await withPrompt(api);
    const noInterval = await api.call('POST', '/v1/schedules', { prompt_id: promptId, name: 'x', schedule_type: 'interval' });
    expect(noInterval.status).toBe(400);
    expect(noInterval.body.error).toMatchObject({ type: 'validation_error', message: 'interval_minutes is required for interval schedule type', field: 'interval_minutes' });
    const badCron = await api.call('POST', '/v1/schedules', { prompt_id: promptId, name: 'x', schedule_type: 'cron', cron_expression: '61 * * * *' });
    expect(badCron.body.error).toMatchObject({ field: 'cron_expression' });
    expect(badCron.body.error.message).toMatch(/minute/);
    const badZone = await api.call('POST', '/v1/schedules', { prompt_id: promptId, name: 'x', schedule_type: 'cron', cron_expression: '0 9 * * *', timezone: 'Mars/Base' });
    expect(badZone.body.error).toMatchObject({ field: 'timezone' });
    const badRegex = await api.call('POST', '/v1/schedules', { prompt_id: promptId, name: 'x', schedule_type: 'webhook', must_match: '(' });
    expect(badRegex.body.error).toMatchObject({ field: 'must_match', message: 'must_match must be a valid regular expression' });
    const noPrompt = await api.call('POST', '/v1/schedules', { prompt_id: 'nope', name: 'x', schedule_type: 'webhook' });
    expect(noPrompt.status).toBe(404);
    expect(noPrompt.body.error).toMatchObject({ type: 'not_found', message: 'Prompt not found or does not belong to you' });
    expect((await api.call('GET', '/v1/schedules/nope')).body).toEqual({ error: { type: 'not_found', message: 'Schedule not found' } });
  });

  it('creates, lists, reads, updates, runs and deletes; the secret is shown once', async () => {
    const promptId = await withPrompt(api);
    const created = await api.call('POST', '/v1/schedules', {
      prompt_id: promptId,
      name: 'Daily at 9am EST',
      schedule_type: 'cron',
      cron_expression: '0 9 * * *',
      timezone: 'America/New_York',
      max_response_time_ms: 3000,
      max_cost_per_run: 0.01,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      prompt_id: promptId,
      schedule_type: 'cron',
      interval_minutes: null,
      timezone: 'America/New_York',
      is_enabled: true,
      last_run_at: null,
      sla_thresholds: { max_response_time_ms: 3000, max_cost_per_run: 0.01 },
      notifications: { on_success: false, on_failure: true, on_sla_breach: true, webhook_callback_url: null },
    });
    expect(created.body.webhook_secret).toMatch(/^whsec_/);
    expect(new Date(created.body.next_run_at).getUTCHours() % 24).toBeOneOf([13, 14]);
    const id = created.body.id as string;

    const list = await api.call('GET', '/v1/schedules');
    expect(list.body.limits).toMatchObject({ tier: 'local' });
    expect(list.body.data.some((s: { id: string }) => s.id === id)).toBe(true);
    const got = await api.call('GET', `/v1/schedules/${id}`);
    expect(got.body).toMatchObject({ id, run_count: 0, failure_count: 0 });
    expect(JSON.stringify(got.body)).not.toContain(created.body.webhook_secret);
    expect(JSON.stringify(list.body)).not.toContain(created.body.webhook_secret);

    const patched = await api.call('PATCH', `/v1/schedules/${id}`, { is_enabled: false });
    expect(patched.body).toMatchObject({ is_enabled: false, next_run_at: null, name: 'Daily at 9am EST' });

    const run = await api.call('POST', `/v1/schedules/${id}/run`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ schedule_id: id, status: 'completed', trigger_type: 'manual', sla_breaches: { response_time: false, cost: false }, error: null });
    expect(run.body.metrics).toHaveProperty('response_time_1_ms');
    expect(run.body.metrics.response_time_2_ms).toBeNull();

    const runs = await api.call('GET', `/v1/schedules/${id}/runs?limit=10&status=completed`);
    expect(runs.body.pagination).toMatchObject({ total: 1, limit: 10, offset: 0, has_more: false });
    expect(runs.body.filters).toEqual({ status: 'completed', start_date: null, end_date: null });
    expect((await api.call('GET', `/v1/schedules/${id}/runs?status=failed`)).body.data).toEqual([]);
    expect((await api.call('GET', `/v1/schedules/${id}/runs?status=done`)).status).toBe(400);

    const preview = await api.call('POST', '/v1/schedules/preview', { schedule_type: 'cron', cron_expression: '0 9 * * 1-5', timezone: 'Asia/Kathmandu' });
    expect(preview.body.next_runs).toHaveLength(5);
    expect(preview.body.next_runs.every((at: string) => at.endsWith('T03:15:00.000Z'))).toBe(true);

    expect((await api.call('DELETE', `/v1/schedules/${id}`)).body).toEqual({ id, deleted: true });
    expect((await api.call('GET', `/v1/schedules/${id}/runs`)).status).toBe(404);
  });

  it('replays the Promptster document examples (base URL and ids changed)', async () => {
    const promptId = await withPrompt(api);
    const hourly = await api.call('POST', '/v1/schedules', {
      prompt_id: promptId,
      name: 'Hourly check',
      schedule_type: 'interval',
      interval_minutes: 60,
      max_response_time_ms: 3000,
      max_cost_per_run: 0.01,
    });
    expect(hourly.status).toBe(201);
    expect(hourly.body).toMatchObject({
      name: 'Hourly check',
      schedule_type: 'interval',
      interval_minutes: 60,
      cron_expression: null,
      timezone: 'UTC',
      is_enabled: true,
      last_run_at: null,
      sla_thresholds: { max_response_time_ms: 3000, max_cost_per_run: 0.01 },
      notifications: { on_success: false, on_failure: true, on_sla_breach: true, webhook_callback_url: null },
    });
    expect(Date.parse(hourly.body.next_run_at) - Date.parse(hourly.body.created_at)).toBe(3_600_000);
    const ci = await api.call('POST', '/v1/schedules', {
      prompt_id: promptId,
      name: 'CI/CD triggered',
      schedule_type: 'webhook',
      webhook_callback_url: 'https://your-server.com/promptster-results',
    });
    expect(ci.body).toMatchObject({ schedule_type: 'webhook', next_run_at: null, notifications: { webhook_callback_url: 'https://your-server.com/promptster-results' } });
    const weekdays = await api.call('POST', '/v1/schedules', {
      prompt_id: promptId,
      name: 'Weekdays',
      schedule_type: 'cron',
      cron_expression: '0 9 * * 1-5',
      timezone: 'America/New_York',
    });
    expect([1, 2, 3, 4, 5]).toContain(new Date(weekdays.body.next_run_at).getUTCDay());

    const id = hourly.body.id as string;
    expect((await api.call('PATCH', `/v1/schedules/${id}`, { interval_minutes: 30 })).body).toMatchObject({ interval_minutes: 30 });
    expect((await api.call('PATCH', `/v1/schedules/${id}`, { is_enabled: false })).body).toMatchObject({ is_enabled: false });
    await api.call('POST', `/v1/schedules/${id}/run`);
    const range = await api.call('GET', `/v1/schedules/${id}/runs?start_date=2026-02-01T00:00:00Z&end_date=2099-02-04T00:00:00Z`);
    expect(range.body).toMatchObject({ pagination: { total: 1 }, filters: { status: null, start_date: '2026-02-01T00:00:00Z', end_date: '2099-02-04T00:00:00Z' } });
    expect(range.body.data[0]).toMatchObject({ schedule_id: id, prompt_id: promptId, trigger_type: 'manual' });
    expect(Object.keys(range.body.data[0])).toEqual(
      expect.arrayContaining(['id', 'schedule_id', 'prompt_id', 'status', 'trigger_type', 'started_at', 'completed_at', 'metrics', 'sla_breaches', 'error', 'created_at']),
    );
    const paged = await api.call('GET', `/v1/schedules/${id}/runs?limit=50&offset=50`);
    expect(paged.body).toMatchObject({ data: [], pagination: { total: 1, limit: 50, offset: 50, has_more: false } });
    expect((await api.call('GET', `/v1/schedules/${id}/runs?limit=101`)).body.error).toMatchObject({ field: 'limit' });
    for (const s of [hourly, ci, weekdays]) expect((await api.call('DELETE', `/v1/schedules/${s.body.id}`)).status).toBe(200);
  });

  it('POST /scheduler/webhook/:id runs on a valid signature and refuses bad, stale and replayed ones with 401', async () => {
    const promptId = await withPrompt(api);
    const created = await api.call('POST', '/v1/schedules', { prompt_id: promptId, name: 'CI', schedule_type: 'webhook' });
    const { id, webhook_secret: secret } = created.body as { id: string; webhook_secret: string };
    const trigger = (body: string, timestamp: number, signature: string) =>
      fetch(`${api.server.url}/scheduler/webhook/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-timestamp': String(timestamp), 'x-webhook-signature': signature },
        body,
      });
    const sign = (timestamp: number, body: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
    const now = Math.floor(Date.now() / 1000);

    const bad = await trigger('{}', now, sign(now, '{"x":1}'));
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/does not match/);
    const stale = await trigger('{}', now - 301, sign(now - 301, '{}'));
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toMatch(/more than 5 minutes/);
    expect((await trigger('{}', now, 'sha256=nothex')).status).toBe(401);

    const ok = await trigger('{"ref":"main"}', now, sign(now, '{"ref":"main"}'));
    expect(ok.status).toBe(202);
    const started = (await ok.json()) as { run_id: string; trigger_type: string };
    expect(started.trigger_type).toBe('webhook');
    await api.core.scheduler.idle();
    expect(api.core.scheduler.store.getRun(started.run_id)).toMatchObject({ status: 'completed', trigger_type: 'webhook' });

    const replay = await trigger('{"ref":"main"}', now, sign(now, '{"ref":"main"}'));
    expect(replay.status).toBe(401);
    expect((await api.call('POST', `/scheduler/webhook/unknown`, {})).status).toBe(401);
  });

  it('tentackle /api/v1/webhooks lists and creates subscriptions in its envelope', async () => {
    const created = await api.call('POST', '/api/v1/webhooks', {
      url: 'https://example.com/webhooks/tentackle',
      events: ['prompt.completed', 'usage.limit_reached', 'billing.subscription_updated'],
      description: 'Main webhook for prompt notifications',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      success: true,
      webhook: { url: 'https://example.com/webhooks/tentackle', events: ['prompt.completed', 'usage.limit_reached'], is_active: true },
      ignored_events: ['billing.subscription_updated'],
    });
    expect(created.body.webhook.secret).toMatch(/^whsec_/);
    const listed = await api.call('GET', '/api/v1/webhooks');
    expect(listed.body.success).toBe(true);
    expect(listed.body.webhooks.map((w: { id: string }) => w.id)).toContain(created.body.webhook.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.webhook.secret);
    const bad = await api.call('POST', '/api/v1/webhooks', { url: 'ftp://x', events: ['nope'] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    await api.call('DELETE', `/v1/webhooks/${created.body.webhook.id}`);
  });
});

describe('schedule callbacks: signed, retried, durable', () => {
  it('an SLA breach posts a Standard-Webhooks-signed callback; a receiver failing twice gets it on the third try, across a restart', async () => {
    const receiver = await startReceiver(2);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-callbacks-'));
    const clock = new FakeClock(Date.now());
    const options = { dataDir, clock, env: emulatorEnv(emulator), webhooks: { backoffMs: [10_000, 60_000] } };
    let api = await startHarness(options);
    const promptId = await withPrompt(api, 'gpt-4o-mini~ttft=60');
    const created = await api.call('POST', '/v1/schedules', {
      prompt_id: promptId,
      name: 'Latency watch',
      schedule_type: 'interval',
      interval_minutes: 60,
      max_response_time_ms: 1,
      webhook_callback_url: receiver.url,
    });
    const secret = created.body.webhook_secret as string;
    const run = await api.call('POST', `/v1/schedules/${created.body.id}/run`);
    expect(run.body.sla_breaches.response_time).toBe(true);

    await api.core.webhooks.tick(); // attempt 1: 500
    expect(receiver.received).toHaveLength(1);
    await api.core.webhooks.tick(); // not due yet
    expect(receiver.received).toHaveLength(1);

    await api.close(); // restart between attempts
    api = await startHarness(options);
    clock.advance(10_000);
    await api.core.webhooks.tick(); // attempt 2: 500
    clock.advance(60_000);
    await api.core.webhooks.tick(); // attempt 3: delivered
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 204]);

    const [first, , third] = receiver.received;
    expect(third!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const verified = new Webhook(secret).verify(third!.body, {
      'webhook-id': String(third!.headers['webhook-id']),
      'webhook-timestamp': String(third!.headers['webhook-timestamp']),
      'webhook-signature': String(third!.headers['webhook-signature']),
    }) as { type: string; data: { run: { id: string; sla_failures: string[] } } };
    expect(verified.type).toBe('schedule.sla_breached');
    expect(verified.data.run.id).toBe(run.body.id);
    expect(verified.data.run.sla_failures[0]).toMatch(/response time/);
    expect(() => new Webhook(newSecretLike()).verify(third!.body, third!.headers as Record<string, string>)).toThrow();

    const deliveries = await api.call('GET', `/v1/webhook-deliveries?schedule_id=${created.body.id}`);
    expect(deliveries.body.data[0]).toMatchObject({ status: 'delivered', attempts: 3, last_status_code: 204, event: 'schedule.sla_breached' });
    expect(JSON.stringify(deliveries.body)).not.toContain(secret.slice(6));
    await api.close();
    await receiver.close();
  });

  it('subscriptions receive schedule and prompt events; forbidden targets are refused without a request', async () => {
    const receiver = await startReceiver();
    const api = await startHarness({ env: emulatorEnv(emulator) });
    const sub = await api.call('POST', '/v1/webhooks', { url: receiver.url, events: ['schedule.run.completed', 'prompt.completed', 'api_key.created'] });
    const metadata = await api.call('POST', '/v1/webhooks', { url: 'http://169.254.169.254/latest/meta-data', events: ['prompt.completed'] });
    const own = await api.call('POST', '/v1/webhooks', { url: `${api.server.url}/v1/health`, events: ['prompt.completed'] });
    const promptId = await withPrompt(api);
    const schedule = await api.call('POST', '/v1/schedules', { prompt_id: promptId, name: 'Sub', schedule_type: 'webhook' });
    await api.call('POST', `/v1/schedules/${schedule.body.id}/run`);
    await api.call('POST', '/v1/api-keys', { name: 'ci', type: 'live' });
    await api.core.webhooks.tick();

    const events = receiver.received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort();
    expect(events).toEqual(['api_key.created', 'prompt.completed', 'schedule.run.completed']);
    const refused = await api.call('GET', `/v1/webhook-deliveries?subscription_id=${metadata.body.id}`);
    expect(refused.body.data[0].last_error).toMatch(/Refused: 169\.254\.169\.254 is a link-local, metadata/);
    const self = await api.call('GET', `/v1/webhook-deliveries?subscription_id=${own.body.id}`);
    expect(self.body.data[0].last_error).toMatch(/Parallax's own API/);
    expect(sub.status).toBe(201);
    await api.close();
    await receiver.close();
  });
});

const newSecretLike = () => `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
