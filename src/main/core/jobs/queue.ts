/**
 * Background prompt jobs: a persisted priority queue worked by a few runners at once. A job is a row
 * before it is acknowledged, so a restart loses none; a job that was running when the app stopped is
 * queued again (its interrupted run stays in the history as interrupted).
 */
import type Database from 'better-sqlite3';
import { notFound } from '../../../shared/errors';
import type { Configuration } from '../../../shared/operations/prompts';
import type { Run } from '../../../shared/runs';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { RunEngine } from '../runs/engine';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { newWebhookSecret } from '../webhooks/signing';

export const JOB_PRIORITIES = { low: 0, normal: 1, high: 2 } as const;
export type JobPriority = keyof typeof JOB_PRIORITIES;
const PRIORITY_NAMES = Object.fromEntries(Object.entries(JOB_PRIORITIES).map(([name, value]) => [value, name])) as Record<number, JobPriority>;

export interface JobRequest {
  prompt: string;
  system: string | null;
  configurations: Configuration[];
}

export interface Job {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  priority: JobPriority;
  callback_url: string | null;
  run_id: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  /** Jobs ahead of this one in the queue (queued jobs only). */
  position: number | null;
}

interface JobRow {
  id: string;
  status: Job['status'];
  priority: number;
  request: string;
  callback_url: string | null;
  callback_secret: string | null;
  api_key_prefix: string | null;
  run_id: string | null;
  error: string | null;
  attempts: number;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
}

export interface JobQueueOptions {
  db: Database.Database;
  engine: RunEngine;
  clock: Clock;
  logger: Logger;
  dispatcher: WebhookDispatcher;
  /** Jobs running at once (default 2). */
  concurrency?: number;
}

export class JobQueue {
  private readonly concurrency: number;
  private readonly running = new Map<string, Promise<void>>();
  private started = false;

  constructor(private readonly options: JobQueueOptions) {
    this.concurrency = options.concurrency ?? 2;
    const requeued = options.db.prepare(`UPDATE jobs SET status = 'queued', started_at = NULL WHERE status = 'running'`).run().changes;
    if (requeued > 0) options.logger.warn(`${requeued} background job(s) interrupted by the last stop were queued again`);
  }

  /** Queues a job; the answer carries `callback_secret` once when a callback URL was given. */
  enqueue(request: JobRequest, opts: { priority: JobPriority; callbackUrl: string | null; apiKeyPrefix: string | null }): Job & { callback_secret: string | null } {
    const id = crypto.randomUUID();
    const secret = opts.callbackUrl ? newWebhookSecret() : null;
    this.options.db
      .prepare(
        `INSERT INTO jobs (id, status, priority, request, callback_url, callback_secret, api_key_prefix, created_at)
         VALUES (?, 'queued', ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, JOB_PRIORITIES[opts.priority], JSON.stringify(request), opts.callbackUrl, secret, opts.apiKeyPrefix, this.options.clock.now().toISOString());
    const job = this.get(id);
    this.pump();
    return { ...job, callback_secret: secret };
  }

  get(id: string): Job {
    const row = this.options.db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?').get(id);
    if (!row) throw notFound('Job not found');
    return this.toJob(row);
  }

  private toJob(row: JobRow): Job {
    const position =
      row.status === 'queued'
        ? (
            this.options.db
              .prepare(`SELECT COUNT(*) AS n FROM jobs WHERE status = 'queued' AND (priority > ? OR (priority = ? AND created_at < ?))`)
              .get(row.priority, row.priority, row.created_at) as { n: number }
          ).n
        : null;
    return {
      id: row.id,
      status: row.status,
      priority: PRIORITY_NAMES[row.priority] ?? 'normal',
      callback_url: row.callback_url,
      run_id: row.run_id,
      error: row.error,
      created_at: row.created_at,
      started_at: row.started_at,
      completed_at: row.completed_at,
      position,
    };
  }

  start(): void {
    this.started = true;
    this.pump();
  }

  /** Starts queued jobs, highest priority first, up to the concurrency limit. */
  private pump(): void {
    if (!this.started) return;
    const { db } = this.options;
    while (this.running.size < this.concurrency) {
      const row = db.prepare<[], JobRow>(`SELECT * FROM jobs WHERE status = 'queued' ORDER BY priority DESC, created_at, rowid LIMIT 1`).get();
      if (!row) return;
      db.prepare(`UPDATE jobs SET status = 'running', started_at = ?, attempts = attempts + 1 WHERE id = ?`).run(this.options.clock.now().toISOString(), row.id);
      const work = this.work(row).finally(() => {
        this.running.delete(row.id);
        this.pump();
      });
      this.running.set(row.id, work);
    }
  }

  private async work(row: JobRow): Promise<void> {
    const { db, engine, clock, dispatcher, logger } = this.options;
    const request = JSON.parse(row.request) as JobRequest;
    let run: Run | null = null;
    let error: string | null = null;
    try {
      const started = engine.start({ ...request, source: 'api', apiKeyPrefix: row.api_key_prefix, literal: true });
      db.prepare('UPDATE jobs SET run_id = ? WHERE id = ?').run(started.run.id, row.id);
      run = await started.done;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
    }
    if (!this.started && run?.status === 'cancelled') {
      // Stopped by a shutdown, not by the job: it runs again on the next start.
      db.prepare(`UPDATE jobs SET status = 'queued', started_at = NULL WHERE id = ?`).run(row.id);
      return;
    }
    const status = run && (run.status === 'completed' || run.status === 'partial') ? 'completed' : 'failed';
    if (run && status === 'failed') error = run.results.find((r) => r.error)?.error?.message ?? 'every model failed';
    db.transaction(() => {
      db.prepare('UPDATE jobs SET status = ?, error = ?, completed_at = ? WHERE id = ?').run(status, error, clock.now().toISOString(), row.id);
      if (row.callback_url && row.callback_secret) {
        dispatcher.enqueue({
          event: 'prompt.completed',
          url: row.callback_url,
          secret: row.callback_secret,
          data: { job: this.get(row.id), run },
        });
      }
    })();
    dispatcher.kick();
    if (error) logger.info(`background job ${row.id} failed: ${error}`);
  }

  /** Resolves when the jobs running now have finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  async stop(): Promise<void> {
    this.started = false;
    await this.idle();
  }
}
