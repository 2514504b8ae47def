import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../../../../test/support/apiHarness';
import { emulatorEnv } from '../../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../../test/support/providerEmulator/server';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startProviderEmulator();
});
afterAll(async () => {
  await emulator.close();
});

describe('tentackle background jobs (POST /api/prompt/create)', () => {
  it('validates in the tentackle envelope', async () => {
    const api = await startHarness({ env: emulatorEnv(emulator) });
    const missing = await api.call('POST', '/api/prompt/create', { models: ['gpt-4o-mini'] });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR', details: { field: 'prompt' } });
    const priority = await api.call('POST', '/api/prompt/create', { prompt: 'x', models: ['gpt-4o-mini'], priority: 'urgent' });
    expect(priority.body).toMatchObject({ success: false, error: 'priority must be "low", "normal" or "high"', details: { field: 'priority' } });
    const callback = await api.call('POST', '/api/prompt/create', { prompt: 'x', models: ['gpt-4o-mini'], callback_url: 'file:///etc/passwd' });
    expect(callback.body).toMatchObject({ details: { field: 'callback_url' } });
    expect((await api.call('GET', '/api/prompt/jobs/nope')).body).toMatchObject({ success: false, code: 'NOT_FOUND' });
    await api.close();
  });

  it('queues by priority, survives a restart, runs under the limit and posts a signed callback per job', async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/done`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-jobs-'));

    // Queued while no worker runs (as if the app stopped right after acknowledging them).
    let api = await startHarness({ dataDir, env: emulatorEnv(emulator) });
    const create = (priority: string) =>
      api.call('POST', '/api/prompt/create', { prompt: `Analyse ${priority}`, models: ['gpt-4o-mini', 'claude-haiku-4-5'], priority, callback_url: callbackUrl });
    const low = (await create('low')).body;
    const normal = (await create('normal')).body;
    const high = (await create('high')).body;
    expect(low).toMatchObject({ success: true, status: 'queued', priority: 'low' });
    expect(low.callback_secret).toMatch(/^whsec_/);
    expect((await api.call('GET', `/api/prompt/jobs/${high.job_id}`)).body.job).toMatchObject({ status: 'queued', position: 0 });
    expect((await api.call('GET', `/api/prompt/jobs/${low.job_id}`)).body.job).toMatchObject({ status: 'queued', position: 2 });
    await api.close();

    api = await startHarness({ dataDir, env: emulatorEnv(emulator) });
    api.core.jobs.start();
    await api.core.jobs.idle();
    const jobs = await Promise.all([high, normal, low].map(async (j) => (await api.call('GET', `/api/prompt/jobs/${j.job_id}`)).body.job));
    for (const job of jobs) expect(job).toMatchObject({ status: 'completed', error: null, position: null });
    // High and normal start first (limit 2); low only when one of them has finished.
    expect(jobs[2].started_at >= jobs[0].started_at && jobs[2].started_at >= jobs[1].started_at).toBe(true);
    const run = await api.call('GET', `/v1/runs/${jobs[0].run_id}`);
    expect(run.body.results.map((r: { status: string }) => r.status)).toEqual(['completed', 'completed']);

    await api.core.webhooks.tick();
    expect(received).toHaveLength(3);
    const secrets = new Map([high, normal, low].map((j) => [j.job_id as string, j.callback_secret as string]));
    for (const delivery of received) {
      const payload = JSON.parse(delivery.body) as { type: string; data: { job: { id: string }; run: { id: string } } };
      expect(payload.type).toBe('prompt.completed');
      const verified = new Webhook(secrets.get(payload.data.job.id)!).verify(delivery.body, delivery.headers as Record<string, string>);
      expect(verified).toMatchObject({ data: { run: { status: 'completed' } } });
    }
    await api.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
});
