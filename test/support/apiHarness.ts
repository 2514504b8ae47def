/** An in-process core + real HTTP server on a free loopback port, for API tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApiServer, type RunningServer } from '../../src/main/api/server';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';

export interface ApiHarness {
  core: Core;
  server: RunningServer;
  token: string;
  /** `fetch` with the key, JSON body and JSON answer. */
  call(
    method: string,
    pathname: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<CoreOptions> = {}): Promise<ApiHarness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-harness-'));
  const core = createCore({ ...options, dataDir });
  const server = await startApiServer({ core, port: 0 });
  const token = fs.readFileSync(path.join(dataDir, 'api-token'), 'utf8').trim();
  return {
    core,
    server,
    token,
    async call(method, pathname, body, headers = {}) {
      const response = await fetch(`${server.url}${pathname}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON (e.g. an event stream): keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async close() {
      await server.close();
      await core.shutdown();
    },
  };
}
