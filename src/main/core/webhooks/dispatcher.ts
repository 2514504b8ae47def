/**
 * Outgoing webhooks: subscriptions, and persisted deliveries retried with backoff. A delivery is a row
 * before its first attempt, so a restart loses none; an attempt interrupted by a crash is simply made
 * again (receivers dedupe on the stable `webhook-id`).
 */
import type Database from 'better-sqlite3';
import { notFound } from '../../../shared/errors';
import type { Delivery, Webhook, WebhookEvent } from '../../../shared/operations/webhooks';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { sendWebhook, type SendOutcome } from './send';
import { newWebhookSecret, standardSignature } from './signing';
import type { UrlPolicy } from './urlGuard';

export interface DispatcherOptions {
  db: Database.Database;
  clock: Clock;
  logger: Logger;
  policy: UrlPolicy;
  /** Attempts before a delivery is given up (default 6). */
  maxAttempts?: number;
  /** Delay before attempt n+1 after n failures; the last value repeats (default 10 s, 1 min, 5 min, 30 min, 2 h). */
  backoffMs?: readonly number[];
  timeoutMs?: number;
}

interface DeliveryRow {
  id: string;
  event: string;
  url: string;
  subscription_id: string | null;
  schedule_id: string | null;
  secret: string;
  payload: string;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

interface WebhookRow {
  id: string;
  url: string;
  events: string;
  description: string | null;
  secret: string;
  is_active: number;
  created_at: string;
}

const DEFAULT_BACKOFF_MS = [10_000, 60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
const BATCH = 25;

const toDelivery = ({ secret: _secret, payload: _payload, ...row }: DeliveryRow): Delivery => row;
const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as Webhook['events'],
  description: row.description,
  is_active: row.is_active === 1,
  created_at: row.created_at,
});

export interface EnqueueInput {
  event: WebhookEvent;
  url: string;
  secret: string;
  data: unknown;
  subscriptionId?: string | null;
  scheduleId?: string | null;
}

export class WebhookDispatcher {
  private readonly maxAttempts: number;
  private readonly backoffMs: readonly number[];
  private readonly timeoutMs: number;
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  /** Statements of the per-run path (every finished run publishes `prompt.completed`), prepared once. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly options: DispatcherOptions) {
    this.maxAttempts = options.maxAttempts ?? 6;
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.options.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  // Subscriptions

  listSubscriptions(): Webhook[] {
    return (this.prepared('SELECT * FROM webhooks ORDER BY created_at DESC, rowid DESC').all() as WebhookRow[]).map(toWebhook);
  }

  subscribe(input: { url: string; events: readonly WebhookEvent[]; description?: string | null }): Webhook & { secret: string } {
    const row: WebhookRow = {
      id: crypto.randomUUID(),
      url: input.url,
      events: JSON.stringify([...new Set(input.events)]),
      description: input.description ?? null,
      secret: newWebhookSecret(),
      is_active: 1,
      created_at: this.options.clock.now().toISOString(),
    };
    this.options.db
      .prepare('INSERT INTO webhooks (id, url, events, description, secret, is_active, created_at) VALUES (@id, @url, @events, @description, @secret, @is_active, @created_at)')
      .run(row);
    return { ...toWebhook(row), secret: row.secret };
  }

  unsubscribe(id: string): { id: string; deleted: true } {
    if (this.options.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes === 0) throw notFound('Webhook not found');
    return { id, deleted: true };
  }

  // Deliveries

  /** Writes a delivery (call inside the caller's transaction to make it part of the same write). */
  enqueue(input: EnqueueInput): string {
    const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
    const now = this.options.clock.now().toISOString();
    const payload = JSON.stringify({ type: input.event, timestamp: now, data: input.data });
    this.prepared(
      `INSERT INTO webhook_deliveries (id, event, url, subscription_id, schedule_id, secret, payload, status, attempts, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
    ).run(id, input.event, input.url, input.subscriptionId ?? null, input.scheduleId ?? null, input.secret, payload, now, now);
    return id;
  }

  /** Queues the event for every active subscription to it; returns how many deliveries were written. */
  publish(event: WebhookEvent, data: unknown): number {
    const subscribers = this.listSubscriptions().filter((w) => w.is_active && w.events.includes(event));
    const secrets = this.prepared('SELECT secret FROM webhooks WHERE id = ?');
    for (const webhook of subscribers) {
      const secret = (secrets.get(webhook.id) as { secret: string } | undefined)?.secret;
      if (secret) this.enqueue({ event, url: webhook.url, secret, data, subscriptionId: webhook.id });
    }
    if (subscribers.length > 0) this.kick();
    return subscribers.length;
  }

  listDeliveries(filter: { status?: Delivery['status']; schedule_id?: string; subscription_id?: string; limit: number; offset: number }) {
    const where: string[] = [];
    if (filter.status) where.push('status = @status');
    if (filter.schedule_id) where.push('schedule_id = @schedule_id');
    if (filter.subscription_id) where.push('subscription_id = @subscription_id');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { db } = this.options;
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM webhook_deliveries ${clause}`).get(filter) as { n: number }).n;
    const rows = db
      .prepare<unknown[], DeliveryRow>(
        `SELECT * FROM webhook_deliveries ${clause} ORDER BY created_at DESC, rowid DESC LIMIT @limit OFFSET @offset`,
      )
      .all(filter);
    return {
      data: rows.map(toDelivery),
      pagination: { total, limit: filter.limit, offset: filter.offset, has_more: filter.offset + rows.length < total },
    };
  }

  attemptsOf(deliveryId: string): { attempt: number; at: string; status_code: number | null; error: string | null; duration_ms: number }[] {
    return this.options.db
      .prepare('SELECT attempt, at, status_code, error, duration_ms FROM webhook_delivery_attempts WHERE delivery_id = ? ORDER BY attempt')
      .all(deliveryId) as never;
  }

  /** Attempts every delivery that is due now; resolves when those attempts have settled. */
  async tick(): Promise<void> {
    const now = this.options.clock.now().toISOString();
    const due = this.options.db
      .prepare<[string, number], DeliveryRow>(
        `SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
      )
      .all(now, BATCH)
      .filter((row) => !this.inFlight.has(row.id));
    await Promise.all(due.map((row) => this.attempt(row)));
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    this.inFlight.add(row.id);
    try {
      const at = this.options.clock.now();
      const timestamp = Math.floor(at.getTime() / 1000);
      const headers = {
        'webhook-id': row.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': standardSignature(row.secret, row.id, timestamp, row.payload),
        'x-parallax-event': row.event,
      };
      const outcome = await sendWebhook(row.url, headers, row.payload, { timeoutMs: this.timeoutMs, policy: this.options.policy });
      this.record(row, at, outcome);
    } finally {
      this.inFlight.delete(row.id);
    }
  }

  private record(row: DeliveryRow, at: Date, outcome: SendOutcome): void {
    const attempt = row.attempts + 1;
    const { db, clock, logger } = this.options;
    const finishedAt = clock.now();
    const delivered = outcome.error === null;
    const givenUp = !delivered && attempt >= this.maxAttempts;
    const delay = this.backoffMs[Math.min(attempt - 1, this.backoffMs.length - 1)] ?? 60_000;
    db.transaction(() => {
      db.prepare(
        'INSERT OR REPLACE INTO webhook_delivery_attempts (delivery_id, attempt, at, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(row.id, attempt, at.toISOString(), outcome.statusCode, outcome.error, outcome.durationMs);
      db.prepare(
        `UPDATE webhook_deliveries SET attempts = ?, status = ?, next_attempt_at = ?, last_status_code = ?, last_error = ?, delivered_at = ? WHERE id = ?`,
      ).run(
        attempt,
        delivered ? 'delivered' : givenUp ? 'failed' : 'pending',
        delivered || givenUp ? null : new Date(finishedAt.getTime() + delay).toISOString(),
        outcome.statusCode,
        outcome.error,
        delivered ? finishedAt.toISOString() : null,
        row.id,
      );
    })();
    if (givenUp) logger.warn(`webhook ${row.event} to ${new URL(row.url).origin} given up after ${attempt} attempts: ${outcome.error}`);
    else if (!delivered)
      logger.info(`webhook ${row.event} to ${new URL(row.url).origin} failed (${outcome.error}); retry in ${Math.round(delay / 1000)} s`);
  }

  /** Runs deliveries in the background until `stop`. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Attempts due deliveries soon (after an enqueue). */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), delayMs);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    if (!this.running) {
      this.running = this.tick()
        .catch((error: unknown) => this.options.logger.error(`webhook deliveries failed: ${String(error)}`))
        .finally(() => (this.running = null));
    }
    await this.running;
    if (this.stopped) return;
    const next = this.options.db.prepare(`SELECT MIN(next_attempt_at) AS at FROM webhook_deliveries WHERE status = 'pending'`).get() as {
      at: string | null;
    };
    const wait = next.at === null ? 30_000 : Math.max(50, Math.min(30_000, Date.parse(next.at) - this.options.clock.now().getTime()));
    this.schedule(wait);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
