import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';

let api: ApiHarness;

/** One result row of an export document: the import writes it as a run with one result. */
const row = (id: string, created_at: string, provider: string, model: string, extra: Record<string, unknown> = {}) => ({
  id,
  run_id: `run-${id}`,
  source: 'api',
  provider,
  model,
  status: 'completed',
  created_at,
  input_tokens: 100,
  output_tokens: 50,
  cost: 0.01,
  cost_known: true,
  ...extra,
});

beforeAll(async () => {
  api = await startHarness();
  const rows = [
    row('a', '2026-03-01T08:00:00.000Z', 'openai', 'gpt-4o-mini'),
    { ...row('b', '2026-03-01T09:00:00.000Z', 'openai', 'gpt-4o-mini'), run_id: 'run-a', position: 1 },
    row('c', '2026-03-01T23:59:59.999Z', 'anthropic', 'claude-haiku-4-5', { cost: 0.02 }),
    // A model without a known price: its cost is unknown, never 0.
    row('d', '2026-03-03T12:00:00.000Z', 'ollama', 'llama3', { cost: null, cost_known: false }),
    // A failure that used no tokens has no cost to know.
    row('e', '2026-03-03T12:30:00.000Z', 'openai', 'gpt-4o', { status: 'failed', cost: null, input_tokens: null, output_tokens: null }),
    // Outside the period, and a trace (another app's call): neither is counted.
    row('f', '2026-03-04T00:00:00.000Z', 'openai', 'gpt-4o-mini'),
    row('g', '2026-03-02T10:00:00.000Z', 'openai', 'gpt-4o-mini', { source: 'trace' }),
  ];
  expect((await api.call('POST', '/v1/import', { data: { runs: rows } })).status).toBe(200);
});
afterAll(async () => {
  await api.close();
});

describe('GET /v1/usage/breakdown', () => {
  it('gives requests, tokens and cost per day (every day of the period), per provider and per model', async () => {
    const { status, body } = await api.call('GET', '/v1/usage/breakdown?from=2026-03-01&to=2026-03-03');
    expect(status).toBe(200);
    expect(body.from).toBe('2026-03-01');
    expect(body.to).toBe('2026-03-03');
    expect(body.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(body.days[0]).toMatchObject({ runs: 2, requests: 3, input_tokens: 300, output_tokens: 150, cost: 0.04, unknown_cost_results: 0 });
    expect(body.days[0].by_provider).toEqual({
      openai: { requests: 2, input_tokens: 200, output_tokens: 100, cost: 0.02, unknown_cost_results: 0 },
      anthropic: { requests: 1, input_tokens: 100, output_tokens: 50, cost: 0.02, unknown_cost_results: 0 },
    });
    expect(body.days[1]).toMatchObject({ runs: 0, requests: 0, cost: 0, by_provider: {} });
    expect(body.days[2]).toMatchObject({ runs: 2, requests: 2, cost: 0, unknown_cost_results: 1 });
    expect(body.totals).toEqual({ runs: 4, requests: 5, input_tokens: 400, output_tokens: 200, cost: 0.04, unknown_cost_results: 1 });
    expect(body.by_provider.map((p: { provider: string }) => p.provider)).toEqual(['openai', 'anthropic', 'ollama']);
    expect(body.by_provider[2]).toMatchObject({ provider: 'ollama', requests: 1, cost: 0, unknown_cost_results: 1 });
    expect(body.by_model).toContainEqual({
      provider: 'openai',
      model: 'gpt-4o-mini',
      requests: 2,
      input_tokens: 200,
      output_tokens: 100,
      cost: 0.02,
      unknown_cost_results: 0,
    });
    expect(body.by_model).toContainEqual(expect.objectContaining({ provider: 'openai', model: 'gpt-4o', requests: 1, unknown_cost_results: 0 }));
    expect(body.budget).toMatchObject({ monthly_usd: null, exceeded: false });
  });

  it('defaults to the last 30 days ending today (UTC)', async () => {
    const { body } = await api.call('GET', '/v1/usage/breakdown');
    expect(body.days).toHaveLength(30);
    expect(body.to).toBe(new Date().toISOString().slice(0, 10));
  });

  it('refuses a bad period with 400 naming the field', async () => {
    for (const [query, field, message] of [
      ['from=2026-3-1', 'from', 'from must be a date (YYYY-MM-DD)'],
      ['to=2026-02-30', 'to', 'to must be a date (YYYY-MM-DD)'],
      ['from=2026-03-05&to=2026-03-01', 'from', 'from must not be after to'],
      ['from=2024-01-01&to=2026-01-01', 'from', 'the period must be at most 366 days'],
      ['days=7', undefined, undefined],
    ] as const) {
      const { status, body } = await api.call('GET', `/v1/usage/breakdown?${query}`);
      expect(status, query).toBe(400);
      if (field) expect(body.error, query).toMatchObject({ type: 'validation_error', field, message });
    }
  });

  it('keeps the Promptster usage shape unchanged', async () => {
    const { body } = await api.call('GET', '/v1/usage');
    expect(Object.keys(body).sort()).toEqual(['billing_period', 'breakdown', 'budget', 'credits', 'limits', 'tier', 'usage', 'user_id']);
  });
});
