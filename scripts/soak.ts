/**
 * `npm run soak -- [--minutes 30] [--schedules 30] [--writers 2] [--readers 2] [--no-ui] [--csv FILE]`
 *
 * Runs the built `serve` for a long while against the provider emulator: many 1-minute interval
 * schedules posting signed callbacks to a local receiver, webhook subscriptions to every product event,
 * API clients writing (comparisons, async runs, saved prompts and their edits) and reading (runs,
 * search, history, schedules) at once, and Debian's Chromium going round the UI's screens (`--no-ui`
 * to leave it out). Every 10 s it samples the serve process's RSS, the `-wal`
 * file's size, its open descriptors and the GET /health round trip, prints a row, writes the samples as
 * CSV, and ends with a verdict: memory, WAL and descriptors bounded. Not part of `npm test`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WEBHOOK_EVENTS } from '../test/support/crashLoopBackground';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { startProviderEmulator } from '../test/support/providerEmulator/server';
import { startServe, type ServeHandle } from '../test/support/serve';
import { startWebhookReceiver } from '../test/support/webhookReceiver';
import { startUiWalker } from './soak/ui';
import { fileMb, processFigures, tableHeader, tableRow, toCsv, verdict, type Sample } from './soak/sample';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    schedules: { type: 'string', default: '30' },
    writers: { type: 'string', default: '2' },
    readers: { type: 'string', default: '2' },
    csv: { type: 'string' },
    'no-ui': { type: 'boolean', default: false },
  },
});
const MINUTES = Number(values.minutes);
const SAMPLE_MS = 10_000;
const csvFile = values.csv ?? path.join(os.tmpdir(), `parallax-soak-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);

const emulator = await startProviderEmulator();
const receiver = await startWebhookReceiver();
const serve = await startServe({ env: { ...emulatorEnv(emulator), PARALLAX_VAULT_PASSPHRASE: 'soak' } });
const pid = serve.process.pid as number;
const wal = path.join(serve.dataDir, 'parallax.db-wal');
process.stdout.write(`serve pid ${pid} at ${serve.url}, data ${serve.dataDir}; ${MINUTES} min; samples to ${csvFile}\n`);

async function call(method: string, url: string, body?: unknown): Promise<{ status: number; body: { id?: string } & Record<string, unknown> }> {
  const response = await fetch(`${serve.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${serve.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { id?: string } & Record<string, unknown> };
}

const fast = [
  { provider: 'openai', model: 'gpt-4o-mini~ttft=100~len=120~tps=600' },
  { provider: 'anthropic', model: 'claude-sonnet-4-5~ttft=100~len=120~tps=600' },
];

// Setup: subscriptions to every event, and many 1-minute schedules on saved prompts.
for (let i = 0; i < 2; i++) await call('POST', '/v1/webhooks', { url: receiver.url, events: WEBHOOK_EVENTS });
for (let i = 0; i < Number(values.schedules); i++) {
  const prompt = await call('POST', '/v1/prompts', { name: `soak ${i}`, prompt: `Check ${i}: {{text}}`, variables: { text: 'the soak' }, configurations: fast });
  const schedule = await call('POST', '/v1/schedules', {
    prompt_id: prompt.body.id,
    name: `soak ${i}`,
    schedule_type: 'interval',
    interval_minutes: 1,
    webhook_callback_url: receiver.url,
    notify_on_success: true,
    max_response_time_ms: 5_000,
  });
  if (schedule.status !== 201) throw new Error(`schedule ${i}: ${JSON.stringify(schedule.body)}`);
}

const ui = values['no-ui'] ? null : await startUiWalker(serve.loginLink);

let ops = 0;
let errors = 0;
let stopping = false;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const promptIds: string[] = [];

/** A client looping over its acts with a short pause, counting answers and failures. */
async function client(acts: ((n: number) => Promise<{ status: number }>)[], pauseMs: number): Promise<void> {
  for (let n = 0; !stopping; n++) {
    try {
      const { status } = await (acts[n % acts.length] as (n: number) => Promise<{ status: number }>)(n);
      if (status >= 400) errors += 1;
      else ops += 1;
    } catch {
      errors += 1;
    }
    await sleep(pauseMs);
  }
}

const writerActs = [
  (n: number) => call('POST', '/v1/prompts/compare', { prompt: `Compare ${n}`, configurations: fast, max_tokens: 100 }),
  (n: number) => call('POST', '/v1/runs', { prompt: `Async ${n}`, configurations: fast }),
  async (n: number) => {
    const r = await call('POST', '/v1/prompts', { name: `soak prompt ${n}-${Math.random()}`, prompt: `Prompt ${n} {{x}}`, configurations: fast });
    if (r.status === 201 && r.body.id) promptIds.push(r.body.id);
    return r;
  },
  (n: number) =>
    promptIds.length ? call('PATCH', `/v1/prompts/${promptIds[n % promptIds.length]}`, { prompt: `Edited ${n} {{x}}` }) : call('GET', '/v1/prompts'),
];
const readerActs = [
  () => call('GET', '/v1/runs?limit=50'),
  (n: number) => call('GET', `/v1/runs?q=${['compare', 'async', 'check'][n % 3]}&limit=20`),
  () => call('GET', '/v1/history?limit=20'),
  () => call('GET', '/v1/schedules'),
  () => call('GET', '/v1/usage'),
  () => call('GET', '/v1/webhook-deliveries?limit=20'),
];
const clients = [
  ...Array.from({ length: Number(values.writers) }, () => client(writerActs, 150)),
  ...Array.from({ length: Number(values.readers) }, () => client(readerActs, 50)),
];

async function sample(startedAt: number): Promise<Sample> {
  const before = performance.now();
  await fetch(`${serve.url}/health`).then((r) => r.arrayBuffer());
  const healthMs = performance.now() - before;
  // A schedule run is posted to its callback and to each subscription: 3 events per run here.
  const scheduleEvents = [...receiver.bodies.values()].filter((b) => b.includes('"type":"schedule.')).length;
  return {
    t: Math.round((Date.now() - startedAt) / 1000),
    ...processFigures(pid),
    walMb: fileMb(wal),
    healthMs,
    ops,
    errors,
    scheduleEvents,
    uiViews: ui?.counts().views ?? 0,
    uiErrors: ui?.counts().errors ?? 0,
    deliveriesReceived: receiver.received.size,
  };
}

const samples: Sample[] = [];
const startedAt = Date.now();
process.stdout.write(`${tableHeader()}\n`);
while (Date.now() - startedAt < MINUTES * 60_000) {
  await sleep(SAMPLE_MS);
  const s = await sample(startedAt);
  samples.push(s);
  process.stdout.write(`${tableRow(s)}\n`);
  fs.writeFileSync(csvFile, toCsv(samples));
}
stopping = true;
await Promise.all(clients);
await ui?.stop();
await stopAll(serve);

const result = verdict(samples);
process.stdout.write(`\nsamples: ${csvFile}\n${result.lines.join('\n')}\nverdict: ${result.ok ? 'bounded' : 'NOT bounded'}\n`);
process.exitCode = result.ok ? 0 : 1;

async function stopAll(handle: ServeHandle): Promise<void> {
  const stopped = await handle.stop('SIGTERM');
  process.stdout.write(`serve stopped with code ${stopped.code} in ${stopped.ms} ms\n`);
  await receiver.close();
  await emulator.close();
}
