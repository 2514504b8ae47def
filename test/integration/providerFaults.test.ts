/**
 * The provider-fault matrix: every wire protocol (OpenAI-compatible, Anthropic, Gemini), through its
 * official SDK, the real gateway and run engine, against the emulator over real HTTP. Each fault must
 * fail (or recover) its own result with the documented error type while the other configurations of
 * the same run carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/shared/runs';
import { emulatorEnv } from '../support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../support/providerEmulator/server';
import { refusedPort, startFaultRig, type FaultRig } from '../support/faultRig';

const LIMITS = { first_token_timeout_ms: 800, total_timeout_ms: 3000, max_retries: 1 };
const ADAPTERS = [
  { protocol: 'openai-compatible', provider: 'openai', model: 'gpt-4o-mini', other: 'anthropic' },
  { protocol: 'anthropic', provider: 'anthropic', model: 'claude-sonnet-4-5', other: 'google' },
  { protocol: 'google', provider: 'google', model: 'gemini-2.5-flash', other: 'openai' },
] as const;
type Adapter = (typeof ADAPTERS)[number];

let emulator: Emulator;
let env: Record<string, string>;
const rigs: FaultRig[] = [];
const rig = (overrides: Record<string, string> = {}) => {
  const made = startFaultRig({ ...env, ...overrides }, LIMITS);
  rigs.push(made);
  return made;
};
beforeAll(async () => {
  emulator = await startProviderEmulator();
  env = emulatorEnv(emulator);
});
afterAll(async () => {
  rigs.forEach((r) => r.close());
  await emulator.close();
});

let tagCount = 0;
const tag = () => `t${process.pid}x${++tagCount}`;
/** The emulator's requests that carried this tag in their model name. */
const requestsWith = (t: string) =>
  emulator.requests.filter((r) => decodeURIComponent(r.path).includes(`~tag=${t}`) || String(r.body.model ?? '').includes(`~tag=${t}`));
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const healthy = (provider: string) => ({ provider, model: `healthy~len=12~tag=${tag()}` });

interface Expected {
  status: RunResult['status'];
  type?: string;
  retries: number;
  /** Words of partial text kept (exact), or 'some' for more than none. */
  words?: number | 'some';
  message?: RegExp;
}

function expectResult(result: RunResult, expected: Expected, label: string) {
  const seen = JSON.stringify({ status: result.status, error: result.error, retries: result.metadata.retries, text: result.response });
  expect(result.status, `${label}: ${seen}`).toBe(expected.status);
  expect(result.metadata.retries, `${label} retries: ${seen}`).toBe(expected.retries);
  if (expected.type) expect(result.error, `${label}: ${seen}`).toMatchObject({ type: expected.type, provider: result.provider });
  else expect(result.error, label).toBeNull();
  if (expected.message) expect(result.error?.message, label).toMatch(expected.message);
  if (expected.words === 'some') expect(words(result.response), `${label}: ${seen}`).toBeGreaterThan(0);
  else if (expected.words !== undefined) expect(words(result.response), `${label}: ${seen}`).toBe(expected.words);
}

function expectHealthy(result: RunResult, label: string) {
  expect(result.status, `${label}: ${JSON.stringify(result.error)}`).toBe('completed');
  expect(words(result.response)).toBe(12);
}

describe.each(ADAPTERS)('$protocol adapter', (adapter: Adapter) => {
  const at = (options: string) => `${adapter.model}~${options}~tag=${tag()}`;

  it('stream faults: each fails its own result with its own type; the healthy column completes', async () => {
    const r = rig();
    const cases: [string, string, Expected][] = [
      [
        'reset before headers',
        at('reset=1'),
        { status: 'failed', type: 'network', retries: 1, words: 0, message: /ECONNRESET|socket|terminated/i },
      ],
      ['stall after headers', at('stall=0'), { status: 'failed', type: 'timeout', retries: 1, words: 0, message: /first token/ }],
      ['stall mid-stream', at('stall=3~len=20'), { status: 'failed', type: 'timeout', retries: 0, words: 3, message: /complete answer/ }],
      [
        'cut mid-token',
        at('cut_mid=4~len=20'),
        { status: 'failed', type: 'network', retries: 0, words: 4, message: /terminated|socket|closed|aborted/i },
      ],
      ['malformed chunk', at('malformed=3~len=20'), { status: 'failed', type: 'unavailable', retries: 0, words: 3, message: /malformed/ }],
      [
        'error event after 200',
        at('stream_error=3~len=20'),
        { status: 'failed', type: adapter.protocol === 'anthropic' ? 'overloaded' : 'unavailable', retries: 0, words: 3 },
      ],
      ['user abort', at('tps=20~len=400'), { status: 'cancelled', type: 'cancelled', retries: 0, words: 'some' }],
    ];
    const abortIndex = cases.findIndex(([name]) => name === 'user abort');
    const configurations = [healthy(adapter.other), ...cases.map(([, model]) => ({ provider: adapter.provider, model }))];
    let runId = '';
    const off = r.events.subscribe('run', (event) => {
      // Cancel the slow column as soon as some of its text has arrived.
      if (event.type === 'result.delta' && event.run_id === runId) {
        const target = started?.results[abortIndex + 1]?.id;
        if (event.deltas.some((d) => d.result_id === target)) r.engine.cancel(runId, target);
      }
    });
    let started: { results: { id: string }[] } | undefined;
    const finished = await r.run(configurations, (run) => {
      runId = run.id;
      started = run;
    });
    off();
    expectHealthy(finished.results[0]!, 'healthy column');
    cases.forEach(([name, , expected], i) => expectResult(finished.results[i + 1]!, expected, name));
    expect(finished.status).toBe('partial');
  });

  it('status faults: 503/529/429 retried then succeed; 400/401 never retried', async () => {
    const r = rig();
    const tags = Array.from({ length: 5 }, tag);
    const cases: [string, string, Expected, number][] = [
      ['503 then success', `${adapter.model}~error=503~fail_times=1~tag=${tags[0]}`, { status: 'completed', retries: 1 }, 2],
      ['529 then success', `${adapter.model}~error=529~fail_times=1~tag=${tags[1]}`, { status: 'completed', retries: 1 }, 2],
      ['429 then success', `${adapter.model}~error=429~retry_after=0~fail_times=1~tag=${tags[2]}`, { status: 'completed', retries: 1 }, 2],
      ['400', `${adapter.model}~error=400~tag=${tags[3]}`, { status: 'failed', type: 'invalid_request', retries: 0 }, 1],
      ['401', `${adapter.model}~error=401~tag=${tags[4]}`, { status: 'failed', type: 'authentication', retries: 0 }, 1],
    ];
    const finished = await r.run([healthy(adapter.other), ...cases.map(([, model]) => ({ provider: adapter.provider, model }))]);
    expectHealthy(finished.results[0]!, 'healthy column');
    cases.forEach(([name, , expected, requests], i) => {
      expectResult(finished.results[i + 1]!, expected, name);
      expect(requestsWith(tags[i]!), `${name}: requests sent`).toHaveLength(requests);
    });
  });

  it('connection refused fails with a network error after the configured retries', async () => {
    const dead = `http://127.0.0.1:${await refusedPort()}${adapter.protocol === 'openai-compatible' ? '/v1' : ''}`;
    const r = rig({ [`${adapter.provider.toUpperCase()}_BASE_URL`]: dead });
    const finished = await r.run([healthy(adapter.other), { provider: adapter.provider, model: adapter.model }]);
    expectHealthy(finished.results[0]!, 'healthy column');
    expectResult(finished.results[1]!, { status: 'failed', type: 'network', retries: 1, words: 0 }, 'refused');
    expect(finished.results[1]!.error?.message).toMatch(/ECONNREFUSED/);
  });

  // What the gateway waited before its retry: the provider's delay when it is sensible, else its own backoff.
  // Gemini states the delay in its body (google.rpc.RetryInfo); its SDK does not expose headers, so a date
  // (which only a header can carry) falls back to the backoff there.
  const httpDate = () => new Date(Date.now() + 3000).toUTCString();
  it.each([
    ['0.1 s', () => '0.1', (w: number) => w === 100],
    ['an HTTP date 3 s ahead', httpDate, (w: number) => (adapter.protocol === 'google' ? w === 500 : w > 1000 && w <= 3000)],
    ['negative', () => '-5', (w: number) => w === 500],
    ['garbage', () => 'soon', (w: number) => w === 500],
  ])('429 with Retry-After %s: waits as told (or backs off), then succeeds', async (_label, value, acceptable) => {
    const r = rig();
    const finished = await r.run([
      healthy(adapter.other),
      { provider: adapter.provider, model: `${adapter.model}~error=429~retry_after=${value()}~fail_times=1~tag=${tag()}` },
    ]);
    expectHealthy(finished.results[0]!, 'healthy column');
    expectResult(finished.results[1]!, { status: 'completed', retries: 1 }, '429');
    expect(r.waits).toHaveLength(1);
    expect(acceptable(r.waits[0]!), `waited ${r.waits[0]} ms`).toBe(true);
  });

  it('429 with Retry-After 120 s: not retried (longer than a run should wait); the message says when', async () => {
    const r = rig();
    const t = tag();
    const finished = await r.run([
      healthy(adapter.other),
      { provider: adapter.provider, model: `${adapter.model}~error=429~retry_after=120~fail_times=1~tag=${t}` },
    ]);
    expectHealthy(finished.results[0]!, 'healthy column');
    expectResult(finished.results[1]!, { status: 'failed', type: 'rate_limit', retries: 0, message: /retry after 120 s/i }, '429 120 s');
    expect(r.waits).toEqual([]);
    expect(requestsWith(t)).toHaveLength(1);
  });
});
