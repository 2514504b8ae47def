/**
 * `npm run bench:api`: (1) `POST /v1/prompts/test` against the emulator vs a direct SDK call to the same
 * emulator, same run — added latency p50/p99 (goal ≤ 1 ms / ≤ 5 ms); (2) `GET /health` requests per
 * second vs a bare `node:http` server answering the same JSON (goal ≥ 0.5×).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { startApiServer } from '../src/main/api/server';
import { createCore } from '../src/main/core';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { startProviderEmulator } from '../test/support/providerEmulator/server';
import { emitFigures, fmt, machine, percentile, printTable } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const emulator = await startProviderEmulator();
const env = emulatorEnv(emulator);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-bench-api-'));
const core = createCore({ dataDir, env });
const server = await startApiServer({ core, port: 0 });
const token = fs.readFileSync(path.join(dataDir, 'api-token'), 'utf8').trim();
const MODEL = 'gpt-4o-mini~ttft=5~len=20~tps=5000';
const sdk = new OpenAI({ apiKey: 'bench', baseURL: emulator.baseUrls.openai, maxRetries: 0 });

async function direct(): Promise<number> {
  const started = performance.now();
  // Parallax always streams from providers (to measure TTFT and keep partial text), so the fair
  // baseline is the same streamed call, read to the end.
  const stream = await sdk.chat.completions.create({
    model: MODEL,
    messages: [{ role: 'user', content: 'bench' }],
    max_tokens: 100,
    temperature: 0.7,
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of stream) void chunk;
  return performance.now() - started;
}
async function throughApi(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${server.url}/v1/prompts/test`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ provider: 'openai', model: MODEL, prompt: 'bench', max_tokens: 100 }),
  });
  await response.json();
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  return performance.now() - started;
}

const directTimes: number[] = [];
const apiTimes: number[] = [];
for (let i = 0; i < 10; i++) await Promise.all([direct(), throughApi()]);
for (let i = 0; i < ROUNDS; i++) {
  if (i % 2 === 0) {
    directTimes.push(await direct());
    apiTimes.push(await throughApi());
  } else {
    apiTimes.push(await throughApi());
    directTimes.push(await direct());
  }
}

/** Requests per second over `seconds` with `concurrency` keep-alive clients. */
async function rps(url: string, seconds: number, concurrency: number): Promise<number> {
  let count = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const response = await fetch(url);
        await response.arrayBuffer();
        count += 1;
      }
    }),
  );
  return count / seconds;
}

const bare = http.createServer((_req, res) => {
  const body = JSON.stringify({ status: 'ok', version: '0.1.0' });
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/health`;
const bareRps = await rps(bareUrl, 4, 32);
const healthRps = await rps(`${server.url}/health`, 4, 32);

bare.close();
await server.close();
await core.shutdown();
await emulator.close();

const row = (name: string, values: number[]) => ({
  path: name,
  'p50 ms': fmt(percentile(values, 50)),
  'p99 ms': fmt(percentile(values, 99)),
  samples: values.length,
});
printTable(`POST /v1/prompts/test vs the same streamed call through the SDK (sequential) — ${machine()}`, [
  row('direct openai SDK', directTimes),
  row('Parallax API', apiTimes),
]);
process.stdout.write(
  `added latency: p50 ${fmt(percentile(apiTimes, 50) - percentile(directTimes, 50))} ms (goal ≤ 1), p99 ${fmt(percentile(apiTimes, 99) - percentile(directTimes, 99))} ms (goal ≤ 5)\n`,
);
printTable('GET /health, 32 keep-alive clients, 4 s each', [
  { server: 'bare node:http', 'req/s': fmt(bareRps, 0) },
  { server: 'Parallax (Express, guards, helmet)', 'req/s': fmt(healthRps, 0) },
]);
process.stdout.write(`ratio ${fmt(healthRps / bareRps)} (goal ≥ 0.5)\n`);
emitFigures('api', [
  ...[50, 99].map((p) => ({
    name: `POST /v1/prompts/test p${p}`,
    unit: 'ms',
    value: percentile(apiTimes, p),
    baseline: { name: 'the same streamed call through the SDK', value: percentile(directTimes, p) },
    better: 'lower' as const,
    goal: p === 50 ? 'added ≤ 1 ms' : 'added ≤ 5 ms',
  })),
  {
    name: 'GET /health throughput',
    unit: 'req/s',
    value: healthRps,
    baseline: { name: 'bare node:http', value: bareRps },
    better: 'higher',
    goal: '≥ 0.5×',
  },
]);
