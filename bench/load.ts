/**
 * `npm run bench:load`: (1) 200 comparisons sent at once (`POST /v1/prompts/compare`, 2 streaming
 * configurations each, emulator) vs the same 200 pairs of streams read directly with the SDKs;
 * (2) 1,000 reads sent at once across the read routes vs 1,000 at once on a bare `node:http` server
 * answering the same bytes. Same run, same machine; test/integration/load.test.ts checks correctness.
 */
import Anthropic from '@anthropic-ai/sdk';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { startHarness } from '../test/support/apiHarness';
import { LOAD_CONFIGURATIONS, compareStorm, readRoutes, readStorm, type Answer } from '../test/support/load';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { startProviderEmulator } from '../test/support/providerEmulator/server';
import { emitFigures, fmt, machine, percentile, printTable } from './stats';

const COMPARES = Number(process.env.BENCH_COMPARES ?? 200);
const READS = Number(process.env.BENCH_READS ?? 1000);
const emulator = await startProviderEmulator();
const api = await startHarness({ env: emulatorEnv(emulator) });
const openai = new OpenAI({ apiKey: 'bench', baseURL: emulator.baseUrls.openai, maxRetries: 0 });
const anthropic = new Anthropic({ apiKey: 'bench', baseURL: emulator.baseUrls.anthropic, maxRetries: 0 });

const ok = (answers: Answer[], label: string) => {
  const bad = answers.filter((a) => a.status !== 200);
  if (bad.length > 0) throw new Error(`${label}: ${bad.length} answers were not 200, e.g. ${JSON.stringify(bad[0])}`);
  return answers.map((a) => a.ms);
};

/** One comparison done by hand: both streams read to the end, in parallel. */
async function directPair(i: number): Promise<number> {
  const started = performance.now();
  const [openaiConfig, anthropicConfig] = LOAD_CONFIGURATIONS;
  const content = `Load ${i}: explain latency`;
  await Promise.all([
    (async () => {
      const stream = await openai.chat.completions.create({
        model: openaiConfig.model,
        messages: [{ role: 'user', content }],
        max_tokens: 100,
        stream: true,
        stream_options: { include_usage: true },
      });
      for await (const chunk of stream) void chunk;
    })(),
    (async () => {
      const stream = anthropic.messages.stream({ model: anthropicConfig.model, max_tokens: 100, messages: [{ role: 'user', content }] });
      for await (const event of stream) void event;
    })(),
  ]);
  return performance.now() - started;
}

// Warm-up, then alternate which path goes first.
await compareStorm(api.server.url, api.token, 10, LOAD_CONFIGURATIONS);
await Promise.all(Array.from({ length: 10 }, (_, i) => directPair(i)));
const directCompare = await Promise.all(Array.from({ length: COMPARES }, (_, i) => directPair(i)));
const compareTimes = ok(await compareStorm(api.server.url, api.token, COMPARES, LOAD_CONFIGURATIONS), 'compare');

const run = (await api.call('GET', '/v1/runs?limit=1')).body.data[0];
const prompt = (await api.call('POST', '/v1/prompts', { name: 'bench', prompt: 'Hi {{x}}', configurations: [...LOAD_CONFIGURATIONS] }))
  .body;
const paths = readRoutes({ run: run.id, prompt: prompt.id });
const sample = JSON.stringify((await api.call('GET', '/v1/runs?limit=20')).body);
const bare = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(sample) }).end(sample);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
await readStorm(api.server.url, api.token, paths, 100);
const bareTimes = ok(await readStorm(bareUrl, 'none', ['/v1/runs?limit=20'], READS), 'bare');
const readTimes = ok(await readStorm(api.server.url, api.token, paths, READS), 'reads');

bare.close();
await api.close();
await emulator.close();

const row = (name: string, values: number[]) => ({
  path: name,
  'p50 ms': fmt(percentile(values, 50)),
  'p99 ms': fmt(percentile(values, 99)),
  'max ms': fmt(Math.max(...values)),
  samples: values.length,
});
printTable(`${COMPARES} comparisons at once (2 streams each, emulator) — ${machine()}`, [
  row('direct SDK streams (openai + anthropic)', directCompare),
  row('POST /v1/prompts/compare', compareTimes),
]);
printTable(`${READS} reads at once across ${paths.length} read routes`, [
  row('bare node:http (same bytes)', bareTimes),
  row('Parallax read routes', readTimes),
]);
process.stdout.write(`errors: 0 of ${COMPARES} comparisons, 0 of ${READS} reads\n`);
emitFigures('load', [
  ...[50, 99].map((p) => ({
    name: `${COMPARES} concurrent comparisons, latency p${p}`,
    unit: 'ms',
    value: percentile(compareTimes, p),
    baseline: { name: 'the same stream pairs through the SDKs', value: percentile(directCompare, p) },
    better: 'lower' as const,
  })),
  ...[50, 99].map((p) => ({
    name: `${READS} concurrent reads, latency p${p}`,
    unit: 'ms',
    value: percentile(readTimes, p),
    baseline: { name: 'bare node:http, same bytes', value: percentile(bareTimes, p) },
    better: 'lower' as const,
  })),
]);
