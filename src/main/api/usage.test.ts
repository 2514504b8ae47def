import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { emulatorEnv } from '../../../test/support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../../../test/support/providerEmulator/server';

let emulator: Emulator;
let api: ApiHarness;
beforeAll(async () => {
  emulator = await startProviderEmulator();
  api = await startHarness({ env: emulatorEnv(emulator) });
});
afterAll(async () => {
  await api.close();
  await emulator.close();
});

const compare = () =>
  api.call('POST', '/v1/prompts/compare', {
    prompt: 'hi',
    configurations: [
      { provider: 'openai', model: 'gpt-4o-mini' },
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
    ],
  });

describe('usage and the monthly budget', () => {
  it("reports usage in Promptster's shape", async () => {
    expect((await compare()).status).toBe(200);
    const { status, body } = await api.call('GET', '/v1/usage');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      user_id: 'local',
      tier: 'local',
      credits: { balance: 0 },
      usage: { this_month: { requests: expect.any(Number) } },
    });
    expect(body.usage.this_month.estimated_cost).toBeGreaterThan(0);
    expect(body.breakdown.by_provider['/v1/prompts/compare']).toBe(1);
    expect(body.budget).toMatchObject({ monthly_usd: null, monthly_calls: null, used_calls: 1, exceeded: false });
  });

  it('refuses provider-calling routes past the monthly call quota with 429 and Retry-After, and writes nothing', async () => {
    await api.call('PATCH', '/v1/settings', { budget: { monthly_calls: 1 } });
    const before = api.core.db.prepare('SELECT count(*) AS n FROM runs').get();
    const refused = await compare();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      type: 'rate_limit_exceeded',
      message: 'You have exceeded your monthly call quota of 1 calls.',
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(api.core.db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual(before);
    // Reading is never refused.
    expect((await api.call('GET', '/v1/runs')).status).toBe(200);
  });

  it('refuses past the monthly dollar budget with 403', async () => {
    await api.call('PATCH', '/v1/settings', { budget: { monthly_calls: null, monthly_usd: 0.000001 } });
    const refused = await compare();
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^Monthly budget of \$0.000001 reached/);
    await api.call('PATCH', '/v1/settings', { budget: { monthly_usd: null } });
    expect((await compare()).status).toBe(200);
  });
});
