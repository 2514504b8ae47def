import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { createApiApp } from './app';

export interface RunningServer {
  /** The address scripts use, always with the numeric loopback host when bound to loopback. */
  url: string;
  port: number;
  /** A one-time login link for the browser UI (not an API key; works once, for 10 minutes). */
  createLoginLink(): string;
  close(): Promise<void>;
}

export interface StartServerOptions {
  core: Core;
  host?: string;
  port?: number;
  rendererDir?: string;
}

export async function startApiServer({ core, host = '127.0.0.1', port = 0, rendererDir }: StartServerOptions): Promise<RunningServer> {
  const api = createApiApp({ core, extraHosts: [host], rendererDir });
  const server = http.createServer(api.app);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const isWildcard = host === '0.0.0.0' || host === '::';
  const urlHost = isWildcard || host === 'localhost' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${actualPort}`;
  core.runtime.apiUrl = url;

  return {
    url,
    port: actualPort,
    createLoginLink() {
      const key = core.apiKeys.list().find((k) => k.status === 'active');
      if (!key) throw new Error('No active API key: create one with `parallax keys create`');
      return `${url}/?token=${api.sessions.createLoginLink(key.id)}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        api.closeStreams();
        server.close(() => resolve());
        server.closeIdleConnections();
        // In-flight requests get a moment to finish; then the sockets go.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
      }),
  };
}
