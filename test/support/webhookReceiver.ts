/** A local webhook receiver on 127.0.0.1: records every delivery, deduped on `webhook-id` as receivers should. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver {
  url: string;
  /** webhook-id → how many times it arrived (retries after a crash may repeat one). */
  received: Map<string, number>;
  /** Bodies by webhook-id (the first one received). */
  bodies: Map<string, string>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received = new Map<string, number>();
  const bodies = new Map<string, string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const id = req.headers['webhook-id'];
      if (typeof id === 'string') {
        received.set(id, (received.get(id) ?? 0) + 1);
        if (!bodies.has(id)) bodies.set(id, body);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
