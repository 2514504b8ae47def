import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationNames, operations } from '../../src/shared/operations';
import { startHarness, type ApiHarness } from '../support/apiHarness';

/** Random and malformed input to every route: never a 500 or a crash, always the documented error, nothing written on rejection. */
let api: ApiHarness;
beforeAll(async () => {
  api = await startHarness();
  // Live keys are unlimited; keep it so the fuzzer is never rate limited.
});
afterAll(() => api.close());

const rowCounts = (): Record<string, number> => {
  const tables = api.core.db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name != 'api_requests'`,
    )
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, (api.core.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
  );
};

const hostileValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('__proto__'),
  fc.constant('{{x}}'),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);
const hostileBody = fc.oneof(
  fc.dictionary(
    fc.oneof(
      fc.string(),
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'prompt', 'configurations', 'provider', 'model', 'limit'),
    ),
    hostileValue,
    { maxKeys: 6 },
  ),
  fc.anything(),
);

const routes = operationNames.map((name) => ({ name, ...operations[name].http })).filter((route) => route.path !== '/health');
const fill = (path: string, id: string) => path.replace(/:([A-Za-z_]+)/g, () => encodeURIComponent(id));

describe('hostile input to every route', () => {
  it.each(routes)('$method $path ($name)', async (route) => {
    await fc.assert(
      fc.asyncProperty(
        hostileBody,
        fc.string({ maxLength: 40 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string(), { maxKeys: 3 }),
        async (body, id, query) => {
          const before = rowCounts();
          const search = new URLSearchParams(query).toString();
          const url = `${fill(route.path, id || 'x')}${search ? `?${search}` : ''}`;
          const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
          const raw = hasBody ? (JSON.stringify(body) ?? 'null') : undefined;
          const response = await api.call(route.method, url, raw);
          expect(response.status, `${route.method} ${url} ${raw}`).not.toBe(500);
          if (response.status >= 400) {
            expect(response.body?.error?.type, JSON.stringify(response.body)).toEqual(expect.any(String));
            expect(response.body.error.message).toEqual(expect.any(String));
            if (response.status !== 404 || route.method !== 'GET') expect(rowCounts()).toEqual(before);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  const raw = (method: string, url: string, body: Buffer | string | undefined) =>
    fetch(`${api.server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
      body,
    }).then(async (response) => ({ status: response.status, body: (await response.json().catch(() => null)) as any }));

  it.each(routes)('$method $path: a 10 MB string, a non-UTF-8 body, nested __proto__ keys and a bad query', async (route) => {
    const url = fill(route.path, 'x');
    const before = rowCounts();
    if (route.method !== 'GET' && route.method !== 'DELETE') {
      const big = await raw(route.method, url, JSON.stringify({ prompt: 'y'.repeat(10 * 1024 * 1024), name: 'x' }));
      // The import takes whole exports (its own, larger limit): a 10 MB body is read, and refused as a bad document.
      expect(big.status).toBe(route.path === '/v1/import' ? 400 : 413);
      expect(big.body.error.type).toEqual(expect.any(String));
      const latin1 = await raw(
        route.method,
        url,
        Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0xff, 0x22, 0x7d]),
      );
      expect(latin1.status, JSON.stringify(latin1.body)).toBe(400);
      expect(latin1.body.error).toMatchObject({ field: 'body', message: 'Request body is not valid UTF-8' });
      const proto = await raw(
        route.method,
        url,
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"configurations":[{"__proto__":{"polluted":1},"provider":"openai","model":"m"}]}',
      );
      expect(proto.status, JSON.stringify(proto.body)).toBeLessThan(500);
    }
    const query = await raw('GET' === route.method ? 'GET' : route.method, `${url}?q=%FF%FE&limit=%E0%80&__proto__[x]=1`, undefined);
    expect(query.status, JSON.stringify(query.body)).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    expect(rowCounts()).toEqual(before);
  });

  it('answers non-UTF-8 and truncated bodies with 400, never 500', async () => {
    for (const raw of [Buffer.from([0xff, 0xfe, 0x7b, 0x22]), Buffer.from('{"name": "x'), Buffer.from('[1,2')]) {
      const response = await fetch(`${api.server.url}/v1/api-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        body: raw,
      });
      expect(response.status).toBe(400);
    }
  });

  it('survives a 10 MB string (413) and __proto__ keys without polluting prototypes', async () => {
    const big = await api.call('POST', '/v1/prompts', { name: 'x', prompt: 'y'.repeat(10 * 1024 * 1024), configurations: [] });
    expect(big.status).toBe(413);
    const proto = await api.call(
      'POST',
      '/v1/prompts',
      '{"name":"p","prompt":"hi","configurations":[{"provider":"openai","model":"m"}],"__proto__":{"polluted":true}}',
    );
    expect([201, 400]).toContain(proto.status);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
