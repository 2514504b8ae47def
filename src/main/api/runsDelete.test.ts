import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';
import { silentLogger } from '../core/logger';
import { tidyStore } from '../core/maintenance';

let api: ApiHarness;
let now = Date.parse('2026-04-01T10:00:00.000Z');
beforeAll(async () => {
  api = await startHarness({ clock: { now: () => new Date(now) } });
});
afterAll(() => api.close());

const tidy = () =>
  tidyStore(
    { db: api.core.db, settings: api.core.settings, clock: { now: () => new Date(now) }, trash: api.core.runTrash, logger: silentLogger },
    { retention: false },
  );
const ingest = async (query: string, response: string): Promise<string> => {
  const { status, body } = await api.call('POST', '/v1/traces', { trace_ref: query, query, response, sources: [] });
  expect(status).toBe(200);
  return String(body.trace_id ?? body.id);
};
const ids = async (query: string) => ((await api.call('GET', `/v1/runs${query}`)).body.data as { id: string }[]).map((run) => run.id);

describe('DELETE /v1/runs/:id with undo', () => {
  it('hides the run from reads and search at once, restores it within the window, purges it after', async () => {
    const keep = await ingest('keep this pelican', 'pelican answer');
    const gone = await ingest('delete this pelican', 'another pelican');
    expect(await ids('?q=pelican')).toEqual([gone, keep]);

    const deleted = await api.call('DELETE', `/v1/runs/${gone}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: gone, deleted: true, restorable_until: '2026-04-01T10:10:00.000Z' });
    expect((await api.call('GET', `/v1/runs/${gone}`)).status).toBe(404);
    expect(await ids('?q=pelican')).toEqual([keep]);
    expect(await ids('')).toEqual([keep]);
    expect((await api.call('GET', '/v1/runs')).body.pagination).toMatchObject({ total: 1, total_exact: true });
    expect((await api.call('PATCH', `/v1/runs/${gone}`, { rating: 1 })).status).toBe(404);
    expect((await api.call('DELETE', `/v1/runs/${gone}`)).status).toBe(404);
    const exported = await api.call('GET', '/v1/export?include=runs');
    expect((exported.body.data.runs as { run_id: string }[]).map((row) => row.run_id)).toEqual([keep]);

    now += 5 * 60_000;
    const restored = await api.call('POST', `/v1/runs/${gone}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: gone, rendered_prompt: 'delete this pelican' });
    expect(await ids('?q=pelican')).toEqual([gone, keep]);

    await api.call('DELETE', `/v1/runs/${gone}`);
    expect(await tidy()).toEqual({ purged: 0, pruned: 0 });
    now += 11 * 60_000;
    const late = await api.call('POST', `/v1/runs/${gone}/restore`);
    expect(late.status).toBe(404);
    expect(late.body.error.message).toMatch(/restored for 10 minutes/);
    expect(await tidy()).toEqual({ purged: 1, pruned: 0 });
    const left = api.core.db.prepare(`SELECT count(*) AS n FROM run_results WHERE run_id = ?`).get(gone) as { n: number };
    expect(left.n).toBe(0);
    expect(await ids('?q=pelican')).toEqual([keep]);
  });

  it('answers 404 for an unknown run and restores a live one as it is', async () => {
    expect((await api.call('DELETE', '/v1/runs/nope')).status).toBe(404);
    const id = await ingest('live one', 'ok');
    expect((await api.call('POST', `/v1/runs/${id}/restore`)).body).toMatchObject({ id });
  });

  it('refuses to delete a run that is still running', async () => {
    api.core.runStore.create({
      id: 'busy',
      source: 'api',
      apiKeyPrefix: null,
      prompt: 'p',
      system: null,
      variables: {},
      renderedPrompt: 'p',
      renderedSystem: null,
      promptId: null,
      promptVersion: null,
      createdAt: new Date(now).toISOString(),
      results: [],
    });
    const refused = await api.call('DELETE', '/v1/runs/busy');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/cancel it first/);
  });
});
