import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendWebhook } from './send';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A receiver that answers 200 and then trickles a byte every 50 ms, never ending its answer. */
async function tricklingReceiver(): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 50);
    res.on('close', () => clearInterval(timer));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe('sendWebhook', () => {
  it('gives up on a receiver that keeps the answer open by trickling bytes: the deadline covers the whole attempt', async () => {
    const url = await tricklingReceiver();
    const outcome = await sendWebhook(url, {}, '{}', { timeoutMs: 400, policy: { ownPorts: () => [] } });
    expect(outcome.error).toBe('no answer within 400 ms');
  });
});
