/**
 * `npm run bench:providers`: time to first token through the provider layer (gateway + adapter)
 * against a direct SDK call to the same emulator, same run, 10 parallel streams per round.
 * Goal: added latency p50 ≤ 1 ms, p99 ≤ 5 ms.
 */
import OpenAI from 'openai';
import { defaultSettings } from '../src/shared/settings';
import { createLlmGateway } from '../src/main/core/llm/gateway';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { startProviderEmulator } from '../test/support/providerEmulator/server';
import { emitFigures, fmt, machine, percentile, printTable } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const PARALLEL = 10;
const MODEL = 'gpt-4o-mini~ttft=20~tps=2000~len=50';

const emulator = await startProviderEmulator();
const gateway = createLlmGateway({ settings: () => defaultSettings().providers, env: emulatorEnv(emulator) });
const sdk = new OpenAI({ apiKey: 'bench', baseURL: emulator.baseUrls.openai, maxRetries: 0 });

async function direct(): Promise<number> {
  const started = performance.now();
  let ttft = Number.NaN;
  const stream = await sdk.chat.completions.create({
    model: MODEL,
    messages: [{ role: 'user', content: 'bench' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of stream) if (Number.isNaN(ttft) && chunk.choices[0]?.delta?.content) ttft = performance.now() - started;
  return ttft;
}

async function throughGateway(): Promise<number> {
  const outcome = await gateway.stream(
    { provider: 'openai', model: MODEL, prompt: 'bench', signal: new AbortController().signal },
    () => undefined,
  );
  return outcome.ttftMs ?? Number.NaN;
}

const directTimes: number[] = [];
const gatewayTimes: number[] = [];
await Promise.all(Array.from({ length: PARALLEL }, () => direct())); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which batch goes first so neither sees a systematically busier machine.
  const batch = (fn: () => Promise<number>) => Promise.all(Array.from({ length: PARALLEL }, fn));
  if (round % 2 === 0) {
    directTimes.push(...(await batch(direct)));
    gatewayTimes.push(...(await batch(throughGateway)));
  } else {
    gatewayTimes.push(...(await batch(throughGateway)));
    directTimes.push(...(await batch(direct)));
  }
}
await emulator.close();

const row = (name: string, values: number[]) => ({
  path: name,
  'p50 ms': fmt(percentile(values, 50)),
  'p99 ms': fmt(percentile(values, 99)),
  samples: values.length,
});
printTable(`TTFT, ${PARALLEL} parallel streams × ${ROUNDS} rounds — ${machine()}`, [
  row('direct openai SDK', directTimes),
  row('Parallax gateway', gatewayTimes),
]);
process.stdout.write(
  `added latency: p50 ${fmt(percentile(gatewayTimes, 50) - percentile(directTimes, 50))} ms (goal ≤ 1), p99 ${fmt(percentile(gatewayTimes, 99) - percentile(directTimes, 99))} ms (goal ≤ 5)\n`,
);
emitFigures('providers', [
  ...[50, 99].map((p) => ({
    name: `TTFT p${p}, ${PARALLEL} parallel streams`,
    unit: 'ms',
    value: percentile(gatewayTimes, p),
    baseline: { name: 'direct openai SDK', value: percentile(directTimes, p) },
    better: 'lower' as const,
    goal: p === 50 ? 'added ≤ 1 ms' : 'added ≤ 5 ms',
  })),
]);
