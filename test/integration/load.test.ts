/**
 * Load, for correctness only (the figures come from `npm run bench:load`): 1,000 concurrent reads on
 * the read routes and 200 concurrent comparisons against the emulator — every answer right, no run lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../support/apiHarness';
import { LOAD_CONFIGURATIONS, compareStorm, readRoutes, readStorm } from '../support/load';
import { emulatorEnv } from '../support/providerEmulator/env';
import { startProviderEmulator, type Emulator } from '../support/providerEmulator/server';

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

const countRuns = () => (api.core.db.prepare(`SELECT count(*) AS n FROM runs WHERE source = 'api'`).get() as { n: number }).n;

describe('load', () => {
  it('200 concurrent comparisons: every one answered 200 with both results, every run stored complete', { timeout: 60_000 }, async () => {
    const before = countRuns();
    const answers = await compareStorm(api.server.url, api.token, 200, LOAD_CONFIGURATIONS);
    const bad = answers.filter((a) => a.status !== 200 || a.body.results?.some((r: { error?: unknown }) => r.error));
    expect(bad.slice(0, 3), JSON.stringify(bad.slice(0, 3))).toEqual([]);
    const ids = answers.map((a) => a.body.id as string);
    expect(new Set(ids).size).toBe(200);
    expect(countRuns() - before).toBe(200);
    const stored = api.core.db
      .prepare(
        `SELECT r.id, r.status, count(x.id) AS results, sum(x.status = 'completed') AS completed, sum(length(x.text) > 0) AS texts
         FROM runs r JOIN run_results x ON x.run_id = r.id WHERE r.id IN (SELECT value FROM json_each(?)) GROUP BY r.id`,
      )
      .all(JSON.stringify(ids)) as { status: string; results: number; completed: number; texts: number }[];
    expect(stored).toHaveLength(200);
    for (const row of stored) expect(row).toMatchObject({ status: 'completed', results: 2, completed: 2, texts: 2 });
    // What each answer said is what was stored.
    const sample = answers[137]!.body as { id: string; results: { response: string }[] };
    expect((await api.call('GET', `/v1/runs/${sample.id}`)).body.results.map((r: { response: string }) => r.response)).toEqual(
      sample.results.map((r) => r.response),
    );
  });

  it('1,000 concurrent reads across the read routes: every one 200 with the right shape', { timeout: 60_000 }, async () => {
    const run = (await api.call('GET', '/v1/runs?limit=1')).body.data[0];
    const prompt = (await api.call('POST', '/v1/prompts', { name: 'load', prompt: 'Hi {{x}}', configurations: [...LOAD_CONFIGURATIONS] }))
      .body;
    const paths = readRoutes({ run: run.id, prompt: prompt.id });
    const answers = await readStorm(api.server.url, api.token, paths, 1000);
    const bad = answers.filter((a) => a.status !== 200);
    expect(bad.slice(0, 3), JSON.stringify(bad.slice(0, 3))).toEqual([]);
    for (const answer of answers) {
      if (answer.url.endsWith(`/v1/runs/${run.id}`)) expect(answer.body.id).toBe(run.id);
      else if (answer.url.includes('/v1/runs?limit=20')) expect(answer.body.data.length).toBe(20);
      else if (answer.url.endsWith('/versions')) expect(answer.body.data[0].version).toBe(1);
    }
    // Each authenticated read was logged once, none lost under load.
    const logged = api.core.db.prepare(`SELECT count(*) AS n FROM api_requests WHERE endpoint = ?`).get(`/v1/runs/${run.id}`) as {
      n: number;
    };
    expect(logged.n).toBe(answers.filter((a) => a.url.endsWith(`/v1/runs/${run.id}`)).length);
  });
});
