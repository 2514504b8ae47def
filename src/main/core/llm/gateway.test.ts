import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProviderEmulator, type Emulator } from '../../../../test/support/providerEmulator/server';
import { defaultSettings } from '../../../shared/settings';
import { createLlmGateway, type LlmGateway } from './gateway';

let emulator: Emulator;
let gateway: LlmGateway;
const KEY = 'sk-canary-0123456789abcdef';
const settings = { ...defaultSettings().providers, first_token_timeout_ms: 400, total_timeout_ms: 5000, max_retries: 2 };

beforeAll(async () => {
  emulator = await startProviderEmulator();
  gateway = createLlmGateway({
    settings: () => settings,
    env: {
      OPENAI_BASE_URL: emulator.baseUrls.openai,
      GROQ_BASE_URL: emulator.baseUrls.openai,
      ANTHROPIC_BASE_URL: emulator.baseUrls.anthropic,
      GOOGLE_BASE_URL: emulator.baseUrls.google,
      OPENAI_API_KEY: KEY,
      GROQ_API_KEY: KEY,
      ANTHROPIC_API_KEY: KEY,
      GEMINI_API_KEY: KEY,
    },
    sleep: (ms, signal) => new Promise((resolve) => (signal.aborted ? resolve() : setTimeout(resolve, Math.min(ms, 50)))),
  });
});
afterAll(() => emulator.close());

const run = (provider: string, model: string, extra: { signal?: AbortSignal; maxTokens?: number; temperature?: number } = {}) => {
  const deltas: string[] = [];
  const outcome = gateway.stream(
    { provider, model, prompt: 'Explain latency', system: 'Be brief', signal: extra.signal ?? new AbortController().signal, ...extra },
    (d) => deltas.push(d),
  );
  return outcome.then((result) => ({ ...result, deltas }));
};

const PROTOCOLS = [
  ['openai', 'gpt-4o-mini'],
  ['anthropic', 'claude-sonnet-4-5'],
  ['google', 'gemini-2.5-flash'],
] as const;

describe.each(PROTOCOLS)('%s through its official SDK', (provider, model) => {
  it('streams a reply with usage, timings and cost', async () => {
    const result = await run(provider, `${model}~ttft=30~tps=400~len=20`);
    expect(result.error).toBeUndefined();
    expect(result.text.split(' ')).toHaveLength(20);
    expect(result.deltas.join('')).toBe(result.text);
    expect(result.finishReason).toBe('stop');
    expect(result.usage.outputTokens).toBe(20);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.ttftMs).toBeGreaterThanOrEqual(25);
    expect(result.responseTimeMs).toBeGreaterThan(result.ttftMs!);
    expect(result.tokensPerSecond).toBeGreaterThan(50);
    expect(gateway.estimateCost(provider, model, result.usage).costKnown).toBe(true);
  });

  it('reports max_tokens truncation as length', async () => {
    const result = await run(provider, `${model}~len=50`, { maxTokens: 5 });
    expect(result.finishReason).toBe('length');
    expect(result.usage.outputTokens).toBe(5);
  });

  it.each([
    [401, 'authentication', false],
    [404, 'invalid_model', false],
    [400, 'invalid_request', false],
  ])('maps %i to %s without retrying', async (status, type, retryable) => {
    const before = emulator.requests.length;
    const result = await run(provider, `${model}~error=${status}`);
    expect(result.error).toMatchObject({ type, status, retryable });
    expect(result.error!.message.length).toBeGreaterThan(3);
    expect(result.error!.message).not.toContain(KEY);
    expect(result.retries).toBe(0);
    expect(emulator.requests.length - before).toBe(1);
  });

  it('retries a 429 honouring retry-after, then succeeds, counting the retries', async () => {
    const result = await run(provider, `${model}~error=429~retry_after=0~fail_times=2~tag=${Math.random()}`);
    expect(result.error).toBeUndefined();
    expect(result.retries).toBe(2);
  });

  it.each([500, 503, 529])('gives up on %i after the configured retries, typed and retryable', async (status) => {
    const result = await run(provider, `${model}~error=${status}`);
    expect(result.retries).toBe(2);
    expect(result.error?.retryable).toBe(true);
    expect(['unavailable', 'overloaded']).toContain(result.error?.type);
  });

  it('keeps the partial text of a stream cut mid-way and reports an error', async () => {
    const result = await run(provider, `${model}~len=30~cut=6`);
    expect(result.text.split(' ').length).toBeGreaterThanOrEqual(5);
    expect(result.error).toBeDefined();
    expect(result.retries).toBe(0); // text had arrived: never retried
  });

  it('stops the HTTP stream within 100 ms of a cancel', async () => {
    const controller = new AbortController();
    const pending = run(provider, `${model}~ttft=5~tps=50~len=200~tag=${Math.random()}`, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const cancelledAt = Date.now();
    controller.abort();
    const result = await pending;
    expect(result.error?.type).toBe('cancelled');
    expect(result.text.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const seen = emulator.requests
      .filter((r) => r.clientClosed && r.closedAt !== undefined && r.closedAt >= cancelledAt)
      .map((r) => r.closedAt! - cancelledAt);
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeLessThan(100);
  });

  it('times out a provider that never sends a first token', async () => {
    const result = await run(provider, `${model}~hang=1`);
    expect(result.error?.type).toBe('timeout');
    expect(result.error?.message).toMatch(/first token/);
  });
});

describe('gateway configuration', () => {
  it('serves OpenAI-compatible providers through the same adapter', async () => {
    const result = await run('groq', 'llama-3.3-70b-versatile~len=8');
    expect(result.error).toBeUndefined();
    expect(emulator.requests.at(-1)?.path).toBe('/v1/chat/completions');
  });

  it('names every place a key can come from when there is none', async () => {
    const result = await run('mistral', 'mistral-small-latest');
    expect(result.error).toMatchObject({ type: 'authentication', retryable: false });
    expect(result.error?.message).toBe(
      'No API key for mistral: send the X-MISTRAL-API-KEY header, store one in Settings → Provider keys, or set MISTRAL_API_KEY',
    );
    expect(gateway.hasKey('mistral')).toBe(false);
    expect(gateway.hasKey('mistral', { mistral: 'k' })).toBe(true);
    expect(gateway.hasKey('ollama')).toBe(true);
  });

  it('prices unknown models as unknown, never 0, and applies overrides', () => {
    expect(
      gateway.estimateCost('openai', 'brand-new-model', { inputTokens: 10, outputTokens: 10, cachedInputTokens: 0, reasoningTokens: null }),
    ).toEqual({ estimatedCost: null, costKnown: false });
    settings.price_overrides = { 'openai/brand-new-model': { input: 1, output: 2 } };
    expect(
      gateway.estimateCost('openai', 'brand-new-model', {
        inputTokens: 1_000_000,
        outputTokens: 500_000,
        cachedInputTokens: 0,
        reasoningTokens: null,
      }),
    ).toEqual({ estimatedCost: 2, costKnown: true });
    settings.price_overrides = {};
  });

  it('sends OpenAI reasoning models max_completion_tokens and no temperature, with a warning', async () => {
    const result = await run('openai', 'o4-mini~len=5', { maxTokens: 50, temperature: 0.3 });
    const body = emulator.requests.at(-1)!.body;
    expect(body.max_completion_tokens).toBe(50);
    expect(body.temperature).toBeUndefined();
    expect(result.warnings[0]).toMatch(/temperature/);
  });
});

describe('test connection', () => {
  it.each(['openai', 'anthropic', 'google', 'groq'])('lists %s models with the key a run would use', async (provider) => {
    const result = await gateway.testConnection(provider);
    expect(result).toMatchObject({ provider, ok: true, error: null });
    expect(result.model_count).toBeGreaterThan(0);
  });

  it('says why a provider without a key cannot be reached', async () => {
    expect(await gateway.testConnection('mistral')).toMatchObject({ ok: false, error: { type: 'authentication' } });
  });
});
