import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { startApiServer, type RunningServer } from './server';

/** A clock the test moves by hand. */
const clock = {
  time: Date.parse('2026-03-01T12:00:00Z'),
  now() {
    return new Date(this.time);
  },
};
let core: Core;
let server: RunningServer;
let liveKey: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-metering-'));
  core = createCore({ dataDir, clock });
  server = await startApiServer({ core, port: 0 });
  liveKey = fs.readFileSync(path.join(dataDir, 'api-token'), 'utf8').trim();
});
afterAll(async () => {
  await server.close();
  core.close();
});

const get = (pathname: string, key = liveKey) => fetch(`${server.url}${pathname}`, { headers: { authorization: `Bearer ${key}` } });

describe('rate limits', () => {
  it('gives a test key 5 requests per rolling minute, then 429 with Retry-After, then frees slots as they age', async () => {
    const { key } = await core.invoke('createApiKey', { name: 'test', type: 'test' }, { source: 'cli' });
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await get('/v1/api-keys', key);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
      clock.time += 10_000;
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const refused = await get('/v1/api-keys', key);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('5');
    expect(refused.headers.get('x-ratelimit-tier')).toBe('test');
    expect(await refused.json()).toEqual({
      error: { type: 'rate_limit_exceeded', message: 'You have exceeded your per-minute rate limit of 5 requests.', retry_after: 10 },
    });
    clock.time += 10_001; // the first request leaves the window
    expect((await get('/v1/api-keys', key)).status).toBe(200);
  });

  it('leaves live keys unlimited by default, and applies the limit the user sets', async () => {
    const response = await get('/v1/api-keys');
    expect(response.headers.get('x-ratelimit-limit')).toBe('unlimited');
    expect(response.headers.get('x-billing-source')).toBe('local');
    await core.invoke('updateSettings', { api: { liveRateLimitPerMinute: 2 } }, { source: 'cli' });
    clock.time += 120_000;
    expect((await get('/v1/api-keys')).status).toBe(200);
    expect((await get('/v1/api-keys')).status).toBe(200);
    expect((await get('/v1/api-keys')).status).toBe(429);
    await core.invoke('updateSettings', { api: { liveRateLimitPerMinute: null } }, { source: 'cli' });
    expect((await get('/v1/api-keys')).status).toBe(200);
  });
});

describe('GET /v1/history (request log)', () => {
  it('logs every authenticated request with status, key, rate-limited flag and error message', async () => {
    await get('/v1/nope');
    const body = (await (await get('/v1/history?limit=100')).json()) as {
      data: {
        endpoint: string;
        status_code: number;
        rate_limited: boolean;
        error_message: string | null;
        api_key_id: string;
        user_id: string;
      }[];
      pagination: { total: number; has_more: boolean };
      statistics: { total_requests: number; error_count: number; success_rate: number };
      filters: Record<string, unknown>;
    };
    const notFound = body.data.find((entry) => entry.endpoint === '/v1/nope');
    expect(notFound).toMatchObject({ status_code: 404, rate_limited: false, error_message: 'No route for GET /v1/nope', user_id: 'local' });
    expect(body.data.some((entry) => entry.rate_limited && entry.status_code === 429 && entry.error_message?.includes('rate limit'))).toBe(
      true,
    );
    expect(body.statistics.total_requests).toBe(body.pagination.total);
    expect(body.statistics.error_count).toBeGreaterThanOrEqual(3);
    expect(body.filters).toEqual({ provider: null, start_date: null, end_date: null, status_code: null });
  });

  it('filters by endpoint (Promptster calls it provider), status and dates, and paginates', async () => {
    const byStatus = (await (await get('/v1/history?status_code=429')).json()) as {
      data: { status_code: number }[];
      filters: { status_code: number };
    };
    expect(byStatus.data.length).toBeGreaterThan(0);
    expect(byStatus.data.every((entry) => entry.status_code === 429)).toBe(true);
    expect(byStatus.filters.status_code).toBe(429);
    const byEndpoint = (await (await get('/v1/history?provider=/v1/api-keys&limit=2&offset=1')).json()) as {
      data: { endpoint: string }[];
      pagination: { limit: number; offset: number; has_more: boolean };
    };
    expect(byEndpoint.data).toHaveLength(2);
    expect(byEndpoint.data.every((entry) => entry.endpoint === '/v1/api-keys')).toBe(true);
    expect(byEndpoint.pagination).toMatchObject({ limit: 2, offset: 1, has_more: true });
    const future = (await (await get('/v1/history?start_date=2030-01-01T00:00:00Z')).json()) as {
      data: unknown[];
      statistics: { success_rate: number };
    };
    expect(future.data).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit', 'limit must be between 1 and 100'],
    ['limit=101', 'limit', 'limit must be between 1 and 100'],
    ['limit=abc', 'limit', 'limit must be between 1 and 100'],
    ['offset=-1', 'offset', 'offset must be a non-negative integer'],
    ['start_date=yesterday', 'start_date', 'start_date must be an ISO 8601 date'],
    ['end_date=2026-13-45', 'end_date', 'end_date must be an ISO 8601 date'],
    ['color=red', 'color', undefined],
  ])('rejects %s naming the field', async (query, field, message) => {
    const response = await get(`/v1/history?${query}`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { type: string; field: string; message: string } };
    expect(error.type).toBe('validation_error');
    expect(error.field).toBe(field);
    if (message) expect(error.message).toBe(message);
  });
});
