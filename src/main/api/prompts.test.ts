import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../test/support/apiHarness';

let harness: ApiHarness;
beforeAll(async () => (harness = await startHarness()));
afterAll(() => harness.close());

const api = (method: string, pathname: string, body?: unknown) => harness.call(method, pathname, body);

const base = {
  name: 'Summarise ticket',
  prompt: 'Summarise this ticket for {{audience}}:\n{{ticket}}',
  system: 'You are terse.',
  variables: { audience: 'engineers' },
  configurations: [
    { provider: 'openai', model: 'gpt-4o-mini', temperature: 0.2 },
    { provider: 'anthropic', model: 'claude-sonnet-4-20250514', max_tokens: 500 },
  ],
  tags: ['support'],
};

describe('prompt library (/v1/prompts)', () => {
  it('creates version 1 and reads it back', async () => {
    const created = await api('POST', '/v1/prompts', base);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...base, version: 1, id: expect.any(String), created_at: expect.any(String) });
    const read = await api('GET', `/v1/prompts/${created.body.id as string}`);
    expect(read.body).toEqual(created.body);
  });

  it('makes a new version for content changes only, and keeps every version', async () => {
    const { body: created } = await api('POST', '/v1/prompts', base);
    const id = created.id as string;
    const renamed = await api('PATCH', `/v1/prompts/${id}`, { name: 'Renamed', tags: ['a', 'b'] });
    expect(renamed.body).toMatchObject({ name: 'Renamed', tags: ['a', 'b'], version: 1 });
    const same = await api('PATCH', `/v1/prompts/${id}`, { prompt: base.prompt, variables: { audience: 'engineers' } });
    expect(same.body.version).toBe(1);
    const edited = await api('PATCH', `/v1/prompts/${id}`, { prompt: 'Shorter: {{ticket}}' });
    expect(edited.body).toMatchObject({ version: 2, prompt: 'Shorter: {{ticket}}', system: base.system });
    const reconfigured = await api('PATCH', `/v1/prompts/${id}`, { configurations: [{ provider: 'google', model: 'gemini-2.5-flash' }] });
    expect(reconfigured.body.version).toBe(3);
    const versions = await api('GET', `/v1/prompts/${id}/versions`);
    const list = versions.body.data as { version: number; prompt: string; created_via: string }[];
    expect(list.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(list[2]?.prompt).toBe(base.prompt);
    expect(list.every((v) => v.created_via === 'api')).toBe(true);
  });

  it('restores an old version as a new one', async () => {
    const { body: created } = await api('POST', '/v1/prompts', base);
    const id = created.id as string;
    await api('PATCH', `/v1/prompts/${id}`, { prompt: 'v2' });
    const restored = await api('POST', `/v1/prompts/${id}/versions/1/restore`);
    expect(restored.body).toMatchObject({ version: 3, prompt: base.prompt });
    expect((await api('POST', `/v1/prompts/${id}/versions/9/restore`)).status).toBe(404);
  });

  it('lists, searches and filters by tag with pagination', async () => {
    await api('POST', '/v1/prompts', { ...base, name: 'Needle finder', prompt: 'find the haystack_needle', tags: ['search'] });
    const found = await api('GET', '/v1/prompts?q=haystack_needle');
    expect((found.body.data as { name: string }[]).map((p) => p.name)).toEqual(['Needle finder']);
    const tagged = await api('GET', '/v1/prompts?tag=search');
    expect((tagged.body.data as unknown[]).length).toBe(1);
    const page = await api('GET', '/v1/prompts?limit=1');
    expect(page.body.pagination).toMatchObject({ limit: 1, has_more: true });
    const wildcard = await api('GET', '/v1/prompts?q=%25');
    expect((wildcard.body.data as unknown[]).length).toBe(0);
  });

  it('deletes a prompt with its versions', async () => {
    const { body: created } = await api('POST', '/v1/prompts', base);
    const id = created.id as string;
    expect((await api('DELETE', `/v1/prompts/${id}`)).body).toEqual({ id, deleted: true });
    expect((await api('GET', `/v1/prompts/${id}`)).status).toBe(404);
    expect((await api('GET', `/v1/prompts/${id}/versions`)).status).toBe(404);
    expect(harness.core.db.prepare('SELECT count(*) AS n FROM prompt_versions WHERE prompt_id = ?').get(id)).toEqual({ n: 0 });
  });

  it.each([
    [{ ...base, name: '' }, 'name'],
    [{ ...base, prompt: '' }, 'prompt'],
    [{ ...base, configurations: [] }, 'configurations'],
    [{ ...base, configurations: [{ provider: 'nope', model: 'x' }] }, 'configurations.0.provider'],
    [{ ...base, configurations: [{ provider: 'openai', model: 'x', temperature: 3 }] }, 'configurations.0.temperature'],
    [{ ...base, configurations: [{ provider: 'openai', model: 'x', max_tokens: 0 }] }, 'configurations.0.max_tokens'],
    [{ ...base, variables: { 'bad name': 'x' } }, 'variables.bad name'],
    [{ ...base, extra: true }, 'extra'],
  ])('rejects bad input naming the field (%#) and writes nothing', async (body, field) => {
    const before = harness.core.db.prepare('SELECT count(*) AS n FROM prompts').get();
    const response = await api('POST', '/v1/prompts', body);
    expect(response.status).toBe(400);
    expect(response.body.error?.field).toBe(field);
    expect(harness.core.db.prepare('SELECT count(*) AS n FROM prompts').get()).toEqual(before);
  });

  it('rejects a bad update atomically', async () => {
    const { body: created } = await api('POST', '/v1/prompts', base);
    const id = created.id as string;
    const response = await api('PATCH', `/v1/prompts/${id}`, { prompt: 'new text', configurations: [{ provider: 'nope', model: 'x' }] });
    expect(response.status).toBe(400);
    expect((await api('GET', `/v1/prompts/${id}`)).body).toMatchObject({ version: 1, prompt: base.prompt });
  });
});
