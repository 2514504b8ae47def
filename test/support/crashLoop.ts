/**
 * The crash loop: start the built `serve` on one data directory, drive API writes and runs against the
 * provider emulator, SIGKILL it at a random moment (sometimes while it is still starting), start it again
 * and check the store: `integrity_check` is ok, every write acknowledged to a client is there exactly
 * once, nothing is left running, and runs cut short are `interrupted`. Background work too
 * (`crashLoopBackground.ts`): schedules and their runs, webhook deliveries to a local receiver, jobs.
 * Seeded, so a failure replays.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  checkBackground,
  driveBackground,
  emptyBackgroundLedger,
  makeSlotsDue,
  type BackgroundCounts,
  type BackgroundLedger,
} from './crashLoopBackground';
import type { Emulator } from './providerEmulator/server';
import { emulatorEnv } from './providerEmulator/env';
import { CLI_ENTRY, makeDataDir, startServe, type ServeHandle } from './serve';
import { startWebhookReceiver, type WebhookReceiver } from './webhookReceiver';

export interface CrashLoopReport {
  seed: number;
  iterations: number;
  startupKills: number;
  acknowledged: { prompts: number; versions: number; apiKeys: number; asyncRuns: number; compares: number };
  interruptedSeen: number;
  background: {
    schedules: number;
    scheduleRunsAcknowledged: number;
    slotsMadeDue: number;
    jobs: number;
    subscriptions: number;
    /** Acknowledged keys and comparisons whose event deliveries were checked. */
    eventsChecked: number;
  } & BackgroundCounts & { received: number };
}

/** A small seeded PRNG (mulberry32): the same seed kills at the same moments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ledger {
  /** Every name tried, acknowledged or not: none may appear twice. */
  promptNames: string[];
  prompts: Map<string, { name: string; version: number }>;
  /** `subscribed`: a webhook subscription was acknowledged before the key was asked for. */
  apiKeys: Map<string, { name: string; key: string; subscribed: boolean }>;
  apiKeyNames: string[];
  /** Slow runs started with POST /v1/runs: they cannot finish before the kill. */
  asyncRuns: Set<string>;
  /** Comparisons answered 200: finished before the answer, so they must be complete. */
  compares: Set<string>;
  /** Those of them asked for after a webhook subscription was acknowledged. */
  comparesSubscribed: Set<string>;
  background: BackgroundLedger;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(serve: ServeHandle, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${serve.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${serve.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** One client worker: random writes until the server dies under it. Only answers that arrived count. */
async function drive(serve: ServeHandle, ledger: Ledger, rand: () => number, label: string): Promise<void> {
  const configurations = [
    { provider: 'openai', model: 'gpt-4o-mini~len=6~tps=2000' },
    { provider: 'anthropic', model: 'claude-sonnet-4-5~len=6~tps=2000' },
  ];
  for (let n = 0; ; n++) {
    const pick = rand();
    try {
      if (pick < 0.3) {
        const name = `p-${label}-${n}`;
        ledger.promptNames.push(name);
        const r = await call(serve, 'POST', '/v1/prompts', { name, prompt: `Summarise {{text}} (${name})`, configurations });
        if (r.status === 201) ledger.prompts.set(r.body.id, { name, version: r.body.version });
      } else if (pick < 0.45 && ledger.prompts.size > 0) {
        const ids = [...ledger.prompts.keys()];
        const id = ids[Math.floor(rand() * ids.length)]!;
        const r = await call(serve, 'PATCH', `/v1/prompts/${id}`, { prompt: `Edited ${label}-${n} {{text}}` });
        if (r.status === 200) ledger.prompts.set(id, { ...ledger.prompts.get(id)!, version: r.body.version });
      } else if (pick < 0.6) {
        const name = `k-${label}-${n}`;
        ledger.apiKeyNames.push(name);
        const subscribed = ledger.background.subscriptions.size > 0;
        const r = await call(serve, 'POST', '/v1/api-keys', { name, type: 'live' });
        if (r.status === 201) ledger.apiKeys.set(r.body.id, { name, key: r.body.key, subscribed });
      } else if (pick < 0.8) {
        const r = await call(serve, 'POST', '/v1/runs', {
          prompt: `Write at length (${label}-${n})`,
          configurations: [
            { provider: 'openai', model: 'gpt-4o-mini~len=3000~tps=100' },
            { provider: 'google', model: 'gemini-2.5-flash~len=3000~tps=100' },
          ],
        });
        if (r.status === 202) ledger.asyncRuns.add(r.body.id);
      } else {
        const subscribed = ledger.background.subscriptions.size > 0;
        const r = await call(serve, 'POST', '/v1/prompts/compare', { prompt: `Compare ${label}-${n}`, configurations, max_tokens: 50 });
        if (r.status === 200) ledger.compares.add(r.body.id ?? r.body.run_id);
        if (r.status === 200 && subscribed) ledger.comparesSubscribed.add(r.body.id ?? r.body.run_id);
      }
    } catch {
      return; // connection refused or reset: the server is gone
    }
  }
}

function checkStore(dataDir: string, ledger: Ledger, receiver: WebhookReceiver, startedAt: string): { interrupted: number } & BackgroundCounts {
  const db = new Database(path.join(dataDir, 'parallax.db'), { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const fail = (message: string): never => {
      throw new Error(message);
    };
    const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
    const names = (table: string) =>
      new Map(
        (db.prepare(`SELECT name, count(*) AS n FROM ${table} GROUP BY name`).all() as { name: string; n: number }[]).map((r) => [
          r.name,
          r.n,
        ]),
      );
    const promptNames = names('prompts');
    for (const name of ledger.promptNames) if ((promptNames.get(name) ?? 0) > 1) fail(`prompt ${name} stored twice`);
    for (const [id, { name, version }] of ledger.prompts) {
      const row = db.prepare('SELECT name FROM prompts WHERE id = ?').get(id) as { name: string } | undefined;
      if (row?.name !== name) fail(`acknowledged prompt ${id} (${name}) is missing`);
      const versions = db.prepare('SELECT version FROM prompt_versions WHERE prompt_id = ? ORDER BY version').all(id) as {
        version: number;
      }[];
      if (versions.length < version) fail(`prompt ${id}: version ${version} was acknowledged, ${versions.length} stored`);
      versions.forEach((v, i) => v.version !== i + 1 && fail(`prompt ${id}: versions ${versions.map((x) => x.version).join(',')}`));
    }
    const keyNames = names('api_keys');
    for (const name of ledger.apiKeyNames) if ((keyNames.get(name) ?? 0) > 1) fail(`API key ${name} stored twice`);
    for (const [id, { name }] of ledger.apiKeys)
      if (count('SELECT count(*) AS n FROM api_keys WHERE id = ? AND name = ? AND revoked_at IS NULL', id, name) !== 1)
        fail(`acknowledged API key ${id} is missing`);
    // Runs this serve began since its start (caught-up slots, jobs queued again) may be going already.
    if (count(`SELECT count(*) AS n FROM runs WHERE status = 'running' AND created_at < ?`, startedAt) > 0)
      fail('a run is still running after the restart');
    if (
      count(
        `SELECT count(*) AS n FROM run_results r JOIN runs ON runs.id = r.run_id WHERE r.status IN ('pending', 'streaming') AND runs.created_at < ?`,
        startedAt,
      ) > 0
    )
      fail('a result is still streaming');
    for (const id of ledger.asyncRuns) {
      const row = db.prepare('SELECT status FROM runs WHERE id = ?').get(id) as { status: string } | undefined;
      if (row?.status !== 'interrupted') fail(`run ${id} (acknowledged, cut by the kill) is ${row?.status ?? 'missing'}`);
    }
    for (const id of ledger.compares) {
      const row = db.prepare('SELECT status FROM runs WHERE id = ?').get(id) as { status: string } | undefined;
      if (row?.status !== 'completed') fail(`comparison ${id} (answered) is ${row?.status ?? 'missing'}`);
      if (count(`SELECT count(*) AS n FROM run_results WHERE run_id = ? AND status = 'completed'`, id) !== 2)
        fail(`comparison ${id} lost a result`);
    }
    // An event acknowledged with its write (the answer came after it) has its delivery rows.
    const deliveries = (event: string, id: string) =>
      count(`SELECT count(*) AS n FROM webhook_deliveries WHERE event = ? AND payload ->> '$.data.${event === 'api_key.created' ? 'id' : 'run_id'}' = ?`, event, id);
    for (const [id, { subscribed }] of ledger.apiKeys)
      if (subscribed && deliveries('api_key.created', id) === 0) fail(`API key ${id} was acknowledged with no api_key.created delivery`);
    for (const id of ledger.comparesSubscribed)
      if (deliveries('prompt.completed', id) === 0) fail(`comparison ${id} was answered with no prompt.completed delivery`);
    const background = checkBackground(db, ledger.background, receiver, startedAt);
    return { interrupted: count(`SELECT count(*) AS n FROM runs WHERE status = 'interrupted'`), ...background };
  } finally {
    db.close();
  }
}

/** Spawns serve and kills it before (or while) it reports that it listens. */
async function killDuringStartup(dataDir: string, env: NodeJS.ProcessEnv, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, [CLI_ENTRY, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  await sleep(afterMs);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.exitCode === null) child.kill('SIGKILL');
  await exited;
}

export async function runCrashLoop(options: {
  emulator: Emulator;
  iterations: number;
  seed?: number;
  log?: (line: string) => void;
}): Promise<CrashLoopReport> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rand = random(seed);
  const log = options.log ?? (() => undefined);
  const env = { ...emulatorEnv(options.emulator), PARALLAX_VAULT_PASSPHRASE: 'crash-loop' };
  const dataDir = makeDataDir();
  const ledger: Ledger = {
    promptNames: [],
    prompts: new Map(),
    apiKeys: new Map(),
    apiKeyNames: [],
    asyncRuns: new Set(),
    compares: new Set(),
    comparesSubscribed: new Set(),
    background: emptyBackgroundLedger(),
  };
  const receiver = await startWebhookReceiver();
  try {
    return await loop(options, { seed, rand, log, env, dataDir, ledger, receiver });
  } finally {
    await receiver.close();
  }
}

interface LoopState {
  seed: number;
  rand: () => number;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  ledger: Ledger;
  receiver: WebhookReceiver;
}

/** While serve is down: a few interval slots made due, as if the app had been closed over them. */
function makeDue(dataDir: string, ledger: Ledger, rand: () => number): void {
  const db = new Database(path.join(dataDir, 'parallax.db'), { fileMustExist: true });
  try {
    ledger.background.slotsMadeDue += makeSlotsDue(db, rand);
  } finally {
    db.close();
  }
}

/** The final start: lets pending deliveries and queued jobs drain, so "pending" is shown not to mean "lost". */
async function drain(serve: ServeHandle, dataDir: string): Promise<void> {
  const db = new Database(path.join(dataDir, 'parallax.db'), { readonly: true, fileMustExist: true });
  try {
    for (let waited = 0; waited < 60_000; waited += 200) {
      const open = db
        .prepare(
          `SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending') + (SELECT count(*) FROM jobs WHERE status IN ('queued', 'running'))
             + (SELECT count(*) FROM schedule_runs WHERE status IN ('pending', 'running')) AS n`,
        )
        .get() as { n: number };
      if (open.n === 0) return;
      await sleep(200);
    }
    throw new Error('deliveries, jobs or schedule runs were still open 60 s after the last start');
  } finally {
    db.close();
  }
}

async function loop(
  options: { iterations: number },
  { seed, rand, log, env, dataDir, ledger, receiver }: LoopState,
): Promise<CrashLoopReport> {
  let startupKills = 0;
  for (let i = 0; i < options.iterations; i++) {
    // The first start must succeed to create the key file; later, one start in six is killed half-way.
    if (i > 0 && rand() < 1 / 6) {
      startupKills += 1;
      await killDuringStartup(dataDir, env, Math.floor(rand() * 400));
    }
    if (i > 0) makeDue(dataDir, ledger, rand);
    const startedAt = new Date().toISOString();
    const serve = await startServe({ dataDir, env });
    try {
      checkStore(dataDir, ledger, receiver, startedAt);
      // Every acknowledged key still opens the door after the restart.
      for (const { key } of [...ledger.apiKeys.values()].slice(-3)) {
        const response = await fetch(`${serve.url}/v1/api-keys`, { headers: { authorization: `Bearer ${key}` } });
        if (response.status !== 200) throw new Error(`an acknowledged API key was refused after a restart (${response.status})`);
      }
    } catch (error) {
      await serve.stop('SIGKILL');
      throw new Error(`iteration ${i} (seed ${seed}, data ${dataDir}): ${(error as Error).message}`, { cause: error });
    }
    const killAt = 50 + Math.floor(rand() * 1200);
    const workers = [
      ...Array.from({ length: 3 }, (_, w) => drive(serve, ledger, random(seed + i * 10 + w), `${i}.${w}`)),
      driveBackground(serve, call, ledger.background, receiver, random(seed + i * 10 + 3), `${i}.b`),
    ];
    await sleep(killAt);
    await serve.stop('SIGKILL');
    await Promise.all(workers);
    log(
      `iteration ${i}: killed after ${killAt} ms; ${ledger.prompts.size} prompts, ${ledger.apiKeys.size} keys, ${ledger.asyncRuns.size} runs`,
    );
  }
  // The last kill is checked too, then again once pending deliveries and jobs have drained.
  makeDue(dataDir, ledger, rand);
  const startedAt = new Date().toISOString();
  const serve = await startServe({ dataDir, env });
  let final: ReturnType<typeof checkStore>;
  try {
    checkStore(dataDir, ledger, receiver, startedAt);
    // Interval schedules are switched off so that no new slot keeps the store busy while it drains.
    for (const [id, { type }] of ledger.background.schedules)
      if (type === 'interval') await call(serve, 'PATCH', `/v1/schedules/${id}`, { is_enabled: false });
    await drain(serve, dataDir);
    final = checkStore(dataDir, ledger, receiver, startedAt);
  } catch (error) {
    throw new Error(`after the last kill (seed ${seed}, data ${dataDir}): ${(error as Error).message}`, { cause: error });
  } finally {
    await serve.stop();
  }
  return {
    seed,
    iterations: options.iterations,
    startupKills,
    acknowledged: {
      prompts: ledger.prompts.size,
      versions: [...ledger.prompts.values()].reduce((sum, p) => sum + p.version, 0),
      apiKeys: ledger.apiKeys.size,
      asyncRuns: ledger.asyncRuns.size,
      compares: ledger.compares.size,
    },
    interruptedSeen: final.interrupted,
    background: {
      schedules: ledger.background.schedules.size,
      scheduleRunsAcknowledged: ledger.background.scheduleRuns.size,
      slotsMadeDue: ledger.background.slotsMadeDue,
      jobs: ledger.background.jobs.size,
      subscriptions: ledger.background.subscriptions.size,
      eventsChecked: [...ledger.apiKeys.values()].filter((k) => k.subscribed).length + ledger.comparesSubscribed.size,
      slotsRun: final.slotsRun,
      cutShort: final.cutShort,
      delivered: final.delivered,
      received: receiver.received.size,
    },
  };
}
