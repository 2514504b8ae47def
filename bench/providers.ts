/**
 * `npm run bench:providers`: time to first token through the provider layer (gateway + adapter)
 * against a direct call of the same provider's official SDK to the same emulator, same run, 10
 * parallel streams per batch, for each protocol (OpenAI-compatible, Anthropic, Gemini).
 * Goal: added latency p50 ≤ 1 ms, p99 ≤ 5 ms.
 *
 * Both sides are timed the same way, by the caller: from the call's start to the first text delta
 * it receives. The emulator runs in its own process so its pacing timers and writes do not share
 * the event loop being measured. `--adapters openai,google` runs a subset; BENCH_ROUNDS sets rounds.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { defaultSettings } from '../src/shared/settings';
import { createLlmGateway } from '../src/main/core/llm/gateway';
import { startEmulatorProcess } from '../test/support/providerEmulator/childProcess';
import { emulatorEnv } from '../test/support/providerEmulator/env';
import { directCalls } from './providerDirect';
import { emitFigures, fmt, machine, percentile, printTable } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const PARALLEL = 10;
const STEER = '~ttft=20~tps=2000~len=50';
const ADAPTERS = [
  { provider: 'openai', model: `gpt-4o-mini${STEER}`, sdk: 'openai' },
  { provider: 'anthropic', model: `claude-sonnet-4-5${STEER}`, sdk: '@anthropic-ai/sdk' },
  { provider: 'google', model: `gemini-2.5-flash${STEER}`, sdk: '@google/genai' },
] as const;
type Provider = (typeof ADAPTERS)[number]['provider'];

const { values } = parseArgs({ options: { adapters: { type: 'string', default: ADAPTERS.map((a) => a.provider).join(',') } } });
const chosen = ADAPTERS.filter((a) => values.adapters.split(',').includes(a.provider));

const emulator = await startEmulatorProcess();
// The app's settings store hands out one validated object; so does this.
const providerSettings = defaultSettings().providers;
const gateway = createLlmGateway({ settings: () => providerSettings, env: emulatorEnv(emulator) });
const direct = directCalls(emulator.baseUrls);

/** TTFT as the caller sees it, and the gateway's own `ttftMs` for the same call. */
async function throughGateway(provider: Provider, model: string): Promise<{ ttft: number; reported: number }> {
  let ttft = Number.NaN;
  const started = performance.now();
  const outcome = await gateway.stream({ provider, model, prompt: 'bench', signal: new AbortController().signal }, () => {
    if (Number.isNaN(ttft)) ttft = performance.now() - started;
  });
  if (outcome.error) throw new Error(`${provider}: ${outcome.error.message}`);
  return { ttft, reported: outcome.ttftMs ?? Number.NaN };
}

type Samples = { direct: number[]; gateway: number[]; reported: number[]; round: number[] };
const samples = new Map<Provider, Samples>(chosen.map((a) => [a.provider, { direct: [], gateway: [], reported: [], round: [] }]));
const batch = <T>(fn: () => Promise<T>) => Promise.all(Array.from({ length: PARALLEL }, fn));
const loadBefore = os.loadavg()[0]!;
try {
  // One adapter at a time, each a paired experiment of its own: its direct and gateway batches alternate.
  for (const a of chosen) {
    const s = samples.get(a.provider)!;
    await batch(() => direct[a.provider](a.model)); // warm-up of both paths: JIT, connections, cached clients
    await batch(() => throughGateway(a.provider, a.model));
    for (let round = 0; round < ROUNDS; round++) {
      const runDirect = async () => {
        s.direct.push(...(await batch(() => direct[a.provider](a.model))));
        s.round.push(...Array<number>(PARALLEL).fill(round));
      };
      const runGateway = async () => {
        for (const r of await batch(() => throughGateway(a.provider, a.model))) {
          s.gateway.push(r.ttft);
          s.reported.push(r.reported);
        }
      };
      // Alternate which batch goes first so neither sees a systematically busier machine.
      if (round % 2 === 0) await runDirect().then(runGateway);
      else await runGateway().then(runDirect);
    }
  }
} finally {
  await emulator.close();
}

/**
 * The slowest stream of each gateway batch against the slowest of the direct batch of the same round,
 * median over rounds: what the gateway adds to the tail of 10 parallel streams, with a stall of the
 * machine that hits one batch of the pair weighing no more than any other round.
 */
function slowestAdded(s: Samples): number {
  const slowest = (values: number[], round: number) => Math.max(...values.slice(round * PARALLEL, (round + 1) * PARALLEL));
  return percentile(
    Array.from({ length: ROUNDS }, (_, round) => slowest(s.gateway, round) - slowest(s.direct, round)),
    50,
  );
}

/**
 * The same-run noise floor: the direct path against itself, its rounds split into two interleaved halves
 * (rounds 0-1, 4-5, … against 2-3, 6-7, …, so each half keeps the alternating order). An added latency
 * smaller than this is within what the machine alone does to the same code.
 */
function noise(s: Samples, p: number): number {
  const half = (h: number) => s.direct.filter((_, i) => Math.floor(s.round[i]! / 2) % 2 === h);
  return percentile(half(1), p) - percentile(half(0), p);
}

const rows = chosen.flatMap((a) => {
  const s = samples.get(a.provider)!;
  const row = (path: string, values: number[]) => ({
    adapter: a.provider,
    path,
    'p50 ms': fmt(percentile(values, 50)),
    'p99 ms': fmt(percentile(values, 99)),
    samples: values.length,
  });
  return [row(`direct ${a.sdk}`, s.direct), row('gateway (caller-side)', s.gateway), row("gateway's own ttftMs", s.reported)];
});
printTable(
  `TTFT, ${PARALLEL} parallel streams × ${ROUNDS} rounds, emulator in a child process — ${machine()}, load ${fmt(loadBefore, 1)} → ${fmt(os.loadavg()[0]!, 1)}`,
  rows,
);
const added = (s: Samples, p: number) => percentile(s.gateway, p) - percentile(s.direct, p);
printTable(
  'Added latency, gateway − direct of the same run (ms); noise floor: direct − direct, half the samples each',
  chosen.map((a) => {
    const s = samples.get(a.provider)!;
    return {
      adapter: a.provider,
      'added p50 (≤ 1)': fmt(added(s, 50)),
      'added p99 (≤ 5)': fmt(added(s, 99)),
      'noise p50': fmt(noise(s, 50)),
      'noise p99': fmt(noise(s, 99)),
      [`slowest of ${PARALLEL}, median of rounds`]: fmt(slowestAdded(s)),
    };
  }),
);
for (const a of chosen) {
  const s = samples.get(a.provider)!;
  process.stdout.write(`${a.provider}: added latency p50 ${fmt(added(s, 50))} ms (goal ≤ 1), p99 ${fmt(added(s, 99))} ms (goal ≤ 5)\n`);
}
emitFigures(
  'providers',
  chosen.flatMap((a) =>
    [50, 99].map((p) => ({
      name: `${a.provider} adapter TTFT p${p}, ${PARALLEL} parallel streams`,
      unit: 'ms',
      value: percentile(samples.get(a.provider)!.gateway, p),
      baseline: { name: `direct ${a.sdk}`, value: percentile(samples.get(a.provider)!.direct, p) },
      better: 'lower' as const,
      goal: p === 50 ? 'added ≤ 1 ms' : 'added ≤ 5 ms',
    })),
  ),
);
