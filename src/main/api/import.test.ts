import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';

let source: ApiHarness;
let target: ApiHarness;
beforeAll(async () => {
  source = await startHarness();
  target = await startHarness();
  for (const [query, response] of [
    ['Refund policy?', 'Thirty days, "no" questions asked,\nreally.'],
    ['Shipping time?', 'Two days.'],
    ['Refund for gifts?', 'Store credit.'],
  ]) {
    await source.call('POST', '/v1/traces', { trace_ref: query, query, response, model: 'gpt-4o', sources: [] });
  }
});
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('History export of the current filter', () => {
  it('narrows the runs with the History filters, as JSON or CSV, with what a restore needs', async () => {
    const json = await source.call('GET', '/v1/export?include=runs&q=refund&source=trace');
    expect(json.status).toBe(200);
    expect(json.body.counts).toEqual({ runs: 2 });
    expect(json.body.data.runs[0]).toMatchObject({
      prompt: 'Refund for gifts?',
      response: 'Store credit.',
      source: 'trace',
      run_status: 'completed',
    });
    expect(Object.keys(json.body.data.runs[0])).not.toContain('api_key_prefix');
    const csv = await fetch(`${source.server.url}/v1/export?format=csv&include=runs&q=refund%20pol`, {
      headers: { authorization: `Bearer ${source.token}` },
    });
    const text = await csv.text();
    expect(text.split('\r\n').filter((line) => line.includes('Refund policy?'))).toHaveLength(1);
    expect(text).toContain('"Thirty days, ""no"" questions asked,\nreally."');
    expect((await source.call('GET', '/v1/export?include=runs&source=nope')).body.error.field).toBe('source');
  });
});

describe('POST /v1/import', () => {
  it('restores an export into another store, then skips what is already there', async () => {
    const exported = (await source.call('GET', '/v1/export')).body;
    const first = await target.call('POST', '/v1/import', exported);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      imported: { tests: 0, runs: 3, results: 3, schedules: 0, schedule_runs: 0 },
      skipped: { tests: 0, runs: 0, schedules: 0, schedule_runs: 0 },
      skipped_reasons: [],
      webhook_secrets: {},
      not_imported: {},
    });
    const original = (await source.call('GET', '/v1/runs?q=refund')).body.data as { id: string }[];
    const restored = await target.call('GET', '/v1/runs?q=refund');
    expect(restored.body.data.map((run: { id: string }) => run.id)).toEqual(original.map((run) => run.id));
    const run = (await target.call('GET', `/v1/runs/${original[1]!.id}`)).body;
    const before = (await source.call('GET', `/v1/runs/${original[1]!.id}`)).body;
    expect({ ...run, api_key_prefix: null }).toEqual({ ...before, api_key_prefix: null });

    const again = await target.call('POST', '/v1/import', exported);
    expect(again.body).toMatchObject({ imported: { runs: 0, results: 0 }, skipped: { runs: 3 } });
  });

  it('refuses a bad document with 400 naming the field, and writes nothing of it', async () => {
    const exported = (await source.call('GET', '/v1/export?include=runs')).body;
    const rows = exported.data.runs.map((row: Record<string, unknown>) => ({
      ...row,
      id: `new-${String(row.id)}`,
      run_id: `new-${String(row.run_id)}`,
    }));
    rows[2] = { ...rows[2], created_at: 'yesterday' };
    const bad = await target.call('POST', '/v1/import', { ...exported, data: { runs: rows } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      type: 'validation_error',
      field: 'data.runs.2.created_at',
      message: 'created_at must be an ISO 8601 date',
    });
    expect((await target.call('POST', '/v1/import', { data: { runs: [{ ...rows[0], source: 'fax' }] } })).body.error.field).toBe(
      'data.runs.0.source',
    );
    expect((await target.call('POST', '/v1/import', { data: 'x' })).body.error.field).toBe('data');
    expect((await target.call('GET', '/v1/runs')).body.pagination.total).toBe(3);
  });

  it('skips a run whose result id is already in the store, never half-writing it', async () => {
    const exported = (await source.call('GET', '/v1/export?include=runs')).body;
    const rows = exported.data.runs.map((row: Record<string, unknown>, i: number) => ({
      ...row,
      id: `tx-${i}`,
      run_id: `tx-run-${i}`,
      // The last row's result id repeats the first one's (written earlier in the same transaction).
      ...(i === exported.data.runs.length - 1 ? { id: 'tx-0', run_id: 'tx-run-x' } : {}),
    }));
    const result = await target.call('POST', '/v1/import', { data: { runs: rows } });
    // A repeated result id is skipped as a duplicate, never half-written.
    expect(result.body).toMatchObject({ imported: { runs: 2 }, skipped: { runs: 1 } });
    expect((await target.call('GET', '/v1/runs')).body.pagination.total).toBe(5);
  });
});
