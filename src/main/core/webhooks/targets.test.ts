/**
 * Where outgoing webhooks may not go, end to end: a subscription made through the API, an event, one
 * attempt by the real dispatcher over real HTTP on 127.0.0.1, and the attempt's recorded error.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type ApiHarness } from '../../../../test/support/apiHarness';
import { guardedLookup, refusedUrl } from './urlGuard';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A local server recording what reaches it, answering with `answer`. */
async function server(answer: (res: http.ServerResponse) => void): Promise<{ port: number; hits: string[] }> {
  const hits: string[] = [];
  const s = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => answer(res));
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => s.close(() => resolve())));
  return { port: (s.address() as AddressInfo).port, hits };
}

async function harness(): Promise<ApiHarness> {
  const api = await startHarness();
  cleanups.push(() => api.close());
  return api;
}

/** Subscribes `url` to api_key.created, fires the event, makes one attempt and returns the delivery. */
async function deliverOnce(api: ApiHarness, url: string): Promise<{ status: string; last_error: string | null; last_status_code: number | null }> {
  const subscription = await api.call('POST', '/v1/webhooks', { url, events: ['api_key.created'] });
  expect(subscription.status).toBe(201);
  expect((await api.call('POST', '/v1/api-keys', { name: 'trigger', type: 'test' })).status).toBe(201);
  await api.core.webhooks.tick();
  const deliveries = await api.call('GET', `/v1/webhook-deliveries?subscription_id=${subscription.body.id}`);
  expect(deliveries.body.data).toHaveLength(1);
  return deliveries.body.data[0];
}

describe('outgoing webhook targets', () => {
  it('a 302 to another local server is not followed: the delivery fails and the redirect target receives nothing', async () => {
    const target = await server((res) => res.writeHead(200).end('ok'));
    const redirecting = await server((res) => res.writeHead(302, { location: `http://127.0.0.1:${target.port}/stolen` }).end());
    const api = await harness();
    const delivery = await deliverOnce(api, `http://127.0.0.1:${redirecting.port}/hook`);
    expect(delivery).toMatchObject({ status: 'pending', last_status_code: 302 });
    expect(delivery.last_error).toContain('redirects are not followed');
    expect(redirecting.hits).toEqual(['POST /hook']);
    expect(target.hits).toEqual([]);
  });

  it('localhost. (trailing dot) on Parallax’s own API port is refused, and the API receives no delivery', async () => {
    const api = await harness();
    const port = Number(new URL(api.server.url).port);
    const delivery = await deliverOnce(api, `http://localhost.:${port}/v1/api-keys`);
    expect(delivery.last_error).toBe(`Refused: localhost:${port} is Parallax's own API`);
    expect(delivery.last_status_code).toBeNull();
  });

  it('a name that resolves to a forbidden address is refused on the resolved address (real lookup of localhost)', async () => {
    const policy = { ownPorts: () => [4317] };
    const lookup = (port: number) =>
      new Promise<{ error: (Error & { code?: string }) | null; addresses: unknown }>((resolve) =>
        guardedLookup(port, policy)('localhost', { all: true }, (error, addresses) => resolve({ error, addresses })),
      );
    const refused = await lookup(4317);
    expect(refused.error?.code).toBe('EREFUSED_ADDRESS');
    expect(refused.error?.message).toMatch(/^Refused: localhost resolves to (127\.0\.0\.1|::1):4317 is Parallax's own API$/);
    const allowed = await lookup(4318); // loopback on another port is a local receiver: allowed
    expect(allowed.error).toBeNull();
  });

  it('IPv4-mapped IPv6 forms of the metadata address and of the own API are refused before connecting', async () => {
    const api = await harness();
    const delivery = await deliverOnce(api, 'http://[::ffff:169.254.169.254]/latest/meta-data/');
    expect(delivery.last_error).toBe('Refused: 169.254.169.254 is a link-local, metadata, multicast or unspecified address');
    const policy = { ownPorts: () => [4317] };
    expect(refusedUrl(new URL('http://[0:0:0:0:0:ffff:a9fe:a9fe]/'), policy)).toMatch(/169\.254\.169\.254 is a link-local/);
    expect(refusedUrl(new URL('http://[::ffff:127.0.0.1]:4317/'), policy)).toBe("127.0.0.1:4317 is Parallax's own API");
    expect(refusedUrl(new URL('http://[::ffff:127.0.0.1]:4318/'), policy)).toBeUndefined();
    expect(refusedUrl(new URL('http://metadata.google.internal./'), policy)).toBe('metadata.google.internal is a cloud metadata host');
  });
});
