/**
 * The crash loop's background work: schedules (interval slots made due, Run now, signed webhook
 * triggers), webhook subscriptions to a local receiver, and background jobs. A ledger of what the API
 * acknowledged, and the checks made on the store after every restart.
 */
import type Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import type { ServeHandle } from './serve';
import type { WebhookReceiver } from './webhookReceiver';

export const WEBHOOK_EVENTS = ['prompt.completed', 'usage.limit_reached', 'api_key.created', 'schedule.run.completed', 'schedule.sla_breached'];
const MAX_SCHEDULES = 40;
const MAX_SUBSCRIPTIONS = 3;

export interface BackgroundLedger {
  /** Schedules answered 201: id → type and webhook secret. */
  schedules: Map<string, { type: 'interval' | 'webhook'; secret: string }>;
  /** Schedule runs acknowledged to the client (Run now answered, webhook trigger answered 202). */
  scheduleRuns: Set<string>;
  subscriptions: Set<string>;
  jobs: Set<string>;
  /** Deliveries seen by an earlier check: id → status then. */
  deliveries: Map<string, string>;
  /** Scheduled slots made due while serve was down. */
  slotsMadeDue: number;
}

export const emptyBackgroundLedger = (): BackgroundLedger => ({
  schedules: new Map(),
  scheduleRuns: new Set(),
  subscriptions: new Set(),
  jobs: new Set(),
  deliveries: new Map(),
  slotsMadeDue: 0,
});

type Call = (serve: ServeHandle, method: string, url: string, body?: unknown) => Promise<{ status: number; body: any }>;

const scheduleModels = [
  { provider: 'openai', model: 'gpt-4o-mini~len=200~tps=400' },
  { provider: 'anthropic', model: 'claude-sonnet-4-5~len=200~tps=400' },
];

/** A signed `POST /scheduler/webhook/:id` (the README's HMAC over "<timestamp>.<raw body>"). */
export function signedTrigger(serve: ServeHandle, id: string, secret: string, body: string): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return fetch(`${serve.url}/scheduler/webhook/${id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-webhook-timestamp': timestamp, 'x-webhook-signature': `sha256=${signature}` },
    body,
  });
}

/** One client worker for background work: random acts until the server dies under it. */
export async function driveBackground(
  serve: ServeHandle,
  call: Call,
  ledger: BackgroundLedger,
  receiver: WebhookReceiver,
  rand: () => number,
  label: string,
): Promise<void> {
  const pickSchedule = (type: 'interval' | 'webhook') => {
    const ids = [...ledger.schedules].filter(([, s]) => s.type === type);
    return ids.length ? ids[Math.floor(rand() * ids.length)] : undefined;
  };
  for (let n = 0; ; n++) {
    const pick = rand();
    const tag = `${label}-${n}`;
    try {
      if (pick < 0.1 && ledger.subscriptions.size < MAX_SUBSCRIPTIONS) {
        const r = await call(serve, 'POST', '/v1/webhooks', { url: receiver.url, events: WEBHOOK_EVENTS, description: tag });
        if (r.status === 201) ledger.subscriptions.add(r.body.id);
      } else if (pick < 0.35 && ledger.schedules.size < MAX_SCHEDULES) {
        const prompt = await call(serve, 'POST', '/v1/prompts', { name: `s-${tag}`, prompt: `Check ${tag}`, configurations: scheduleModels });
        if (prompt.status !== 201) continue;
        const type = rand() < 0.6 ? 'interval' : 'webhook';
        const r = await call(serve, 'POST', '/v1/schedules', {
          prompt_id: prompt.body.id,
          name: `schedule ${tag}`,
          schedule_type: type,
          ...(type === 'interval' ? { interval_minutes: 1 } : {}),
          webhook_callback_url: receiver.url,
          notify_on_success: true,
        });
        if (r.status === 201) ledger.schedules.set(r.body.id, { type, secret: r.body.webhook_secret });
      } else if (pick < 0.5) {
        const entry = pickSchedule('interval');
        if (!entry) continue;
        const r = await call(serve, 'POST', `/v1/schedules/${entry[0]}/run`);
        if (r.status === 200) ledger.scheduleRuns.add(r.body.id);
      } else if (pick < 0.7) {
        const entry = pickSchedule('webhook');
        if (!entry) continue;
        const response = await signedTrigger(serve, entry[0], entry[1].secret, JSON.stringify({ ref: tag }));
        const body = (await response.json()) as { run_id?: string };
        if (response.status === 202 && body.run_id) ledger.scheduleRuns.add(body.run_id);
      } else {
        const priorities = ['low', 'normal', 'high'];
        const r = await call(serve, 'POST', '/api/prompt/create', {
          prompt: `Background ${tag}`,
          models: ['gpt-4o-mini~len=300~tps=600', 'claude-haiku-4-5~len=300~tps=600'],
          priority: priorities[Math.floor(rand() * 3)],
          callback_url: receiver.url,
        });
        if (r.status < 300 && r.body.success === true) ledger.jobs.add(r.body.job_id);
      }
    } catch {
      return; // the server is gone
    }
  }
}

/**
 * While serve is down: some interval schedules' next slot is moved three minutes into the past, as if
 * the app had been closed over it. The next start must run each such slot once (catch-up run_once).
 */
export function makeSlotsDue(db: Database.Database, rand: () => number): number {
  const ids = (db.prepare(`SELECT id FROM schedules WHERE schedule_type = 'interval' AND is_enabled = 1`).all() as { id: string }[]).filter(
    () => rand() < 0.3,
  );
  const past = new Date(Date.now() - 3 * 60_000);
  past.setUTCSeconds(0, 0);
  const update = db.prepare('UPDATE schedules SET next_run_at = ? WHERE id = ?');
  for (const { id } of ids) update.run(past.toISOString(), id);
  return ids.length;
}

export interface BackgroundCounts {
  slotsRun: number;
  cutShort: number;
  delivered: number;
}

/** Checks after a restart; `startedAt` is when this serve was spawned (work it began since is allowed to be open). */
export function checkBackground(db: Database.Database, ledger: BackgroundLedger, receiver: WebhookReceiver, startedAt: string): BackgroundCounts {
  const fail = (message: string): never => {
    throw new Error(message);
  };
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T | undefined;
  for (const id of ledger.schedules.keys()) if (!one('SELECT id FROM schedules WHERE id = ?', id)) fail(`acknowledged schedule ${id} is missing`);
  for (const id of ledger.subscriptions) if (!one('SELECT id FROM webhooks WHERE id = ?', id)) fail(`acknowledged subscription ${id} is missing`);
  for (const id of ledger.scheduleRuns) if (!one('SELECT id FROM schedule_runs WHERE id = ?', id)) fail(`acknowledged schedule run ${id} is missing`);

  const open = one<{ id: string; status: string }>(
    `SELECT id, status FROM schedule_runs WHERE status IN ('pending', 'running') AND created_at < ?`,
    startedAt,
  );
  if (open) fail(`schedule run ${open.id} from before the restart is still ${open.status}`);
  const twice = one<{ schedule_id: string; slot_at: string; n: number }>(
    'SELECT schedule_id, slot_at, count(*) AS n FROM schedule_runs WHERE slot_at IS NOT NULL GROUP BY schedule_id, slot_at HAVING n > 1',
  );
  if (twice) fail(`slot ${twice.slot_at} of schedule ${twice.schedule_id} ran ${twice.n} times`);
  const badFailure = one<{ id: string; error: string | null }>(
    `SELECT id, error FROM schedule_runs WHERE status = 'failed' AND completed_at IS NULL`,
  );
  if (badFailure) fail(`schedule run ${badFailure.id} failed without a completion time`);

  for (const id of ledger.jobs) {
    const job = one<{ status: string; started_at: string | null }>('SELECT status, started_at FROM jobs WHERE id = ?', id);
    if (!job) fail(`acknowledged job ${id} is missing`);
    else if (job.status === 'running' && (job.started_at ?? '') < startedAt) fail(`job ${id} is still running from before the restart`);
    else if (!['queued', 'running', 'completed', 'failed'].includes(job.status)) fail(`job ${id} has status ${job.status}`);
  }

  const rows = db.prepare('SELECT id, status FROM webhook_deliveries').all() as { id: string; status: string }[];
  const now = new Map(rows.map((r) => [r.id, r.status]));
  for (const [id, before] of ledger.deliveries) {
    const status = now.get(id);
    if (!status) fail(`delivery ${id} (${before} before the kill) is lost`);
    if (before === 'delivered' && status !== 'delivered') fail(`delivery ${id} was delivered, now ${status}`);
  }
  // The receiver may have answered a delivery the kill stopped from being recorded (it stays pending and
  // is sent again: receivers dedupe); but every delivery recorded as delivered was really received.
  for (const [id, status] of now) {
    if (status === 'delivered' && !receiver.received.has(id)) fail(`delivery ${id} is recorded delivered but never arrived`);
    if (status === 'failed') fail(`delivery ${id} failed, though the receiver always answers 200`);
  }
  for (const id of receiver.received.keys()) if (!now.has(id)) fail(`the receiver got ${id}, which the store has no row for`);
  for (const [id, status] of now) ledger.deliveries.set(id, status);

  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    slotsRun: count(`SELECT count(*) AS n FROM schedule_runs WHERE slot_at IS NOT NULL`),
    cutShort: count(`SELECT count(*) AS n FROM schedule_runs WHERE status = 'failed' AND error LIKE '%Parallax stopped before this run finished%'`),
    delivered: rows.filter((r) => r.status === 'delivered').length,
  };
}
