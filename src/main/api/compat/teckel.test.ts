import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../../test/support/apiHarness';

let api: ApiHarness;
beforeAll(async () => (api = await startHarness()));
afterAll(() => api.close());

/** The cURL example of the Teckel document, base URL changed. */
const documentExample = {
  trace_ref: 'your-existing-request-id-or-trace-id',
  query: 'What is your refund policy?',
  response: 'Our refund policy allows returns within 30 days...',
  sources: [
    {
      document_ref: 'doc-456',
      document_name: 'Refund Policy v2.0',
      document_text: 'Customers may request a full refund within 30 days...',
      document_last_updated: '2024-01-15T10:00:00Z',
      document_type: 'pdf',
      source_type: 'confluence',
      similarity: 0.95,
      source_uri: 'https://docs.example.com/policies/refund',
    },
  ],
  model: 'gpt-5',
  session_id: 'session-abc',
  user_id: 'user@example.com',
  processing_time_ms: 245,
};

describe('Teckel trace API', () => {
  it.each(['/api/traces', '/v1/traces'])('accepts the documented example at %s and keeps it as a run with its sources', async (path) => {
    const { status, body } = await api.call('POST', path, documentExample);
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      trace_id: expect.any(String),
      trace_ref: documentExample.trace_ref,
      message: 'Trace created successfully',
    });
    const run = (await api.call('GET', `/v1/runs/${body.trace_id as string}`)).body;
    expect(run).toMatchObject({ source: 'trace', status: 'completed', prompt: documentExample.query });
    expect(run.results[0]).toMatchObject({
      provider: 'trace',
      model: 'gpt-5',
      response: documentExample.response,
      metadata: { response_time_ms: 245, cost_known: false },
    });
    const sources = api.core.db.prepare('SELECT document_ref, similarity FROM trace_sources WHERE run_id = ?').all(body.trace_id);
    expect(sources).toEqual([{ document_ref: 'doc-456', similarity: 0.95 }]);
    const listed = (await api.call('GET', '/v1/runs?source=trace')).body;
    expect(listed.data.some((r: { id: string }) => r.id === body.trace_id)).toBe(true);
  });

  it('reports every problem at once in the documented format, and writes nothing', async () => {
    const before = api.core.db.prepare('SELECT count(*) AS n FROM runs').get();
    const { status, body } = await api.call('POST', '/api/traces', {
      query: 'q',
      response: 'r',
      sources: [{ document_ref: 'd', document_name: 'n', document_text: '' }],
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      error: 'Validation failed with 2 error(s)',
      validation_errors: [
        { field: 'trace_ref', message: 'trace_ref is required and must be a non-empty string' },
        { field: 'sources[0].document_text', message: 'document_text is required and must be a non-empty string', details: { index: 0 } },
      ],
    });
    expect(api.core.db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual(before);
  });

  it.each([
    [{ ...documentExample, query: 'x'.repeat(10_001) }, 'query'],
    [{ ...documentExample, response: 'x'.repeat(50_001) }, 'response'],
    [{ ...documentExample, sources: Array.from({ length: 51 }, () => documentExample.sources[0]) }, 'sources'],
    [{ ...documentExample, sources: 'none' }, 'sources'],
    [{ ...documentExample, sources: [{ ...documentExample.sources[0], similarity: 1.5 }] }, 'sources[0].similarity'],
    [
      { ...documentExample, sources: [{ ...documentExample.sources[0], document_last_updated: 'last week' }] },
      'sources[0].document_last_updated',
    ],
    [{ ...documentExample, processing_time_ms: -1 }, 'processing_time_ms'],
    [{ ...documentExample, metadata: [1, 2] }, 'metadata'],
  ])('enforces the documented limits and types (%#)', async (body, field) => {
    const response = await api.call('POST', '/api/traces', body);
    expect(response.status).toBe(400);
    expect(response.body.validation_errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a body over 5 MB with 413', async () => {
    const big = { ...documentExample, metadata: { blob: 'x'.repeat(5 * 1024 * 1024) } };
    const { status, body } = await api.call('POST', '/api/traces', big);
    expect(status).toBe(413);
    expect(body.error).toMatch(/5MB/);
  });

  it('needs the API key like every other route', async () => {
    const response = await fetch(`${api.server.url}/api/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(documentExample),
    });
    expect(response.status).toBe(401);
  });
});
