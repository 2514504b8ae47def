/**
 * The real run engine and provider gateway over a real SQLite file, pointed at the provider emulator,
 * with the wait between retries recorded (and shortened) so a test can see which delay the gateway chose.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { defaultSettings, type Settings } from '../../src/shared/settings';
import type { Run } from '../../src/shared/runs';
import type { Configuration } from '../../src/shared/operations/prompts';
import { systemClock } from '../../src/main/core/clock';
import { migrations } from '../../src/main/core/db/migrations';
import { openDatabase } from '../../src/main/core/db/open';
import { EventBus } from '../../src/main/core/events';
import { createLlmGateway } from '../../src/main/core/llm/gateway';
import { silentLogger } from '../../src/main/core/logger';
import { RunEngine } from '../../src/main/core/runs/engine';
import { createRunStore } from '../../src/main/core/runs/store';

export interface FaultRig {
  engine: RunEngine;
  events: EventBus;
  /** Every wait the gateway asked for between attempts, in ms, in order. */
  waits: number[];
  run(configurations: Configuration[], onStarted?: (run: Run) => void): Promise<Run>;
  close(): void;
}

export function startFaultRig(env: Record<string, string>, providers: Partial<Settings['providers']> = {}): FaultRig {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-faults-'));
  const { db } = openDatabase(dataDir, migrations);
  const settings = { ...defaultSettings().providers, ...providers };
  const waits: number[] = [];
  const gateway = createLlmGateway({
    settings: () => settings,
    env,
    sleep: (ms, signal) => {
      waits.push(ms);
      return new Promise((resolve) => (signal.aborted ? resolve() : setTimeout(resolve, Math.min(ms, 20))));
    },
  });
  const events = new EventBus();
  const engine = new RunEngine({ store: createRunStore(db), gateway, events, clock: systemClock, logger: silentLogger });
  return {
    engine,
    events,
    waits,
    run(configurations, onStarted) {
      const { run, done } = engine.start({ prompt: 'Explain latency', source: 'api', configurations });
      onStarted?.(run);
      return done;
    },
    close() {
      db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A loopback port with nothing listening on it: connecting gets ECONNREFUSED. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
