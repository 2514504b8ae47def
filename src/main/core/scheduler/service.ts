/**
 * The scheduler: turns saved prompts into checks that run on an interval, a cron in a time zone, or a
 * signed webhook call. Timing state lives in SQLite; `tick()` is the whole timing logic (a timer calls
 * it in the app, tests call it after moving a fake clock).
 */
import type Database from 'better-sqlite3';
import { AppError, notFound, validationError } from '../../../shared/errors';
import type {
  CreateScheduleInput,
  ScheduleRun,
  SlaThresholds,
  TriggerType,
  UpdateScheduleInput,
} from '../../../shared/operations/schedules';
import { MAX_SCHEDULES } from '../../../shared/operations/schedules';
import type { Clock } from '../clock';
import type { EventBus } from '../events';
import type { Logger } from '../logger';
import type { PromptService } from '../prompts/service';
import type { RunEngine } from '../runs/engine';
import type { WebhookDispatcher } from '../webhooks/dispatcher';
import { newWebhookSecret, verifyTrigger } from '../webhooks/signing';
import { notificationKinds, notificationOf, type NotificationKind, type ScheduleNotification } from './notifications';
import { judgeRun, type Verdict } from './sla';

export type { ScheduleNotification } from './notifications';
import { Semaphore } from './semaphore';
import { createScheduleStore, EMPTY_SLA, NO_BREACHES, type ScheduleRecord, type StoredSchedule } from './store';
import { firstSlot, isMissed, jitterMs, slotAfter, type Timing } from './timing';

export interface SchedulerOptions {
  db: Database.Database;
  prompts: PromptService;
  engine: RunEngine;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  dispatcher: WebhookDispatcher;
  notify?: (notification: ScheduleNotification) => void;
  /** Schedule runs executing at once; more wait as `pending` (default 8). */
  maxConcurrent?: number;
  /** Upper bound of each schedule's stable firing offset after its slot (default 10 s). */
  jitterMaxMs?: number;
}

const CRASH_MESSAGE = 'Parallax stopped before this run finished';

export class Scheduler {
  readonly store;
  /** Schedules with a run pending or running: a schedule never overlaps itself. */
  private readonly active = new Map<string, Promise<ScheduleRun>>();
  private readonly slots: Semaphore;
  private readonly maxConcurrent: number;
  private readonly jitterMaxMs: number;
  private readonly seenTriggers = new Map<string, number>();
  /** When a missed slot was first noticed: catch-up runs are spread by the same jitter from then. */
  private readonly missedSince = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly options: SchedulerOptions) {
    this.store = createScheduleStore(options.db);
    this.maxConcurrent = options.maxConcurrent ?? 8;
    this.slots = new Semaphore(this.maxConcurrent);
    this.jitterMaxMs = options.jitterMaxMs ?? 10_000;
    const failed = this.store.failUnfinished(this.now().toISOString(), CRASH_MESSAGE);
    if (failed > 0) options.logger.warn(`${failed} schedule run(s) left unfinished by the last session were marked failed`);
  }

  private now(): Date {
    return this.options.clock.now();
  }

  // CRUD

  get(id: string): StoredSchedule {
    const schedule = this.store.get(id);
    if (!schedule) throw notFound('Schedule not found');
    return schedule;
  }

  create(input: CreateScheduleInput): StoredSchedule {
    const count = this.store.count();
    if (count >= MAX_SCHEDULES) {
      throw new AppError('forbidden', `Schedule limit reached. You have ${count}/${MAX_SCHEDULES} schedules.`);
    }
    try {
      this.options.prompts.get(input.prompt_id);
    } catch {
      throw Object.assign(notFound('Prompt not found or does not belong to you'), { field: 'prompt_id' });
    }
    const now = this.now();
    const record: ScheduleRecord = {
      id: crypto.randomUUID(),
      prompt_id: input.prompt_id,
      name: input.name,
      schedule_type: input.schedule_type,
      interval_minutes: input.schedule_type === 'interval' ? (input.interval_minutes ?? null) : null,
      cron_expression: input.schedule_type === 'cron' ? (input.cron_expression ?? null) : null,
      timezone: input.timezone ?? 'UTC',
      is_enabled: input.is_enabled ?? true,
      catch_up: input.catch_up ?? 'run_once',
      next_run_at: null,
      last_run_at: null,
      sla_thresholds: slaOf(EMPTY_SLA, input),
      notifications: {
        on_success: input.notify_on_success ?? false,
        on_failure: input.notify_on_failure ?? true,
        on_sla_breach: input.notify_on_sla_breach ?? true,
        webhook_callback_url: input.webhook_callback_url ?? null,
      },
      secret: newWebhookSecret(),
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    record.next_run_at = record.is_enabled ? (firstSlot(record, now)?.toISOString() ?? null) : null;
    this.store.save(record);
    this.wake();
    return this.get(record.id);
  }

  update(input: UpdateScheduleInput): StoredSchedule {
    const current = this.get(input.id);
    const type = input.schedule_type ?? current.schedule_type;
    const next: ScheduleRecord = {
      ...current,
      name: input.name ?? current.name,
      schedule_type: type,
      interval_minutes: input.interval_minutes !== undefined ? input.interval_minutes : current.interval_minutes,
      cron_expression: input.cron_expression !== undefined ? input.cron_expression : current.cron_expression,
      timezone: input.timezone ?? current.timezone,
      is_enabled: input.is_enabled ?? current.is_enabled,
      catch_up: input.catch_up ?? current.catch_up,
      sla_thresholds: slaOf(current.sla_thresholds, input),
      notifications: {
        on_success: input.notify_on_success ?? current.notifications.on_success,
        on_failure: input.notify_on_failure ?? current.notifications.on_failure,
        on_sla_breach: input.notify_on_sla_breach ?? current.notifications.on_sla_breach,
        webhook_callback_url:
          input.webhook_callback_url !== undefined ? input.webhook_callback_url : current.notifications.webhook_callback_url,
      },
      updated_at: this.now().toISOString(),
    };
    if (type === 'interval' && !next.interval_minutes)
      throw validationError('interval_minutes', 'interval_minutes is required for interval schedule type');
    if (type === 'cron' && !next.cron_expression)
      throw validationError('cron_expression', 'cron_expression is required for cron schedule type');
    const retimed = ['schedule_type', 'interval_minutes', 'cron_expression', 'timezone'].some(
      (k) => k in input && input[k as keyof typeof input] !== undefined,
    );
    const reenabled = next.is_enabled && !current.is_enabled;
    if (!next.is_enabled) next.next_run_at = null;
    else if (retimed || reenabled || next.next_run_at === null) next.next_run_at = firstSlot(next, this.now())?.toISOString() ?? null;
    this.store.save(next);
    this.wake();
    return this.get(next.id);
  }

  remove(id: string): { id: string; deleted: true } {
    if (!this.store.remove(id)) throw notFound('Schedule not found');
    return { id, deleted: true };
  }

  // Running

  /** Runs a schedule now (manual or webhook) and resolves when the run has finished. */
  runNow(id: string, trigger: Exclude<TriggerType, 'scheduled'>): { run: ScheduleRun; done: Promise<ScheduleRun> } {
    const schedule = this.get(id);
    if (this.active.has(id)) throw new AppError('conflict', 'A run of this schedule is already in progress');
    const now = this.now().toISOString();
    const runId = crypto.randomUUID();
    this.options.db.transaction(() => {
      this.store.insertRun({ id: runId, scheduleId: id, promptId: schedule.prompt_id, trigger, slotAt: null, createdAt: now });
      this.store.setTiming(id, schedule.next_run_at, now);
    })();
    const done = this.launch(runId, schedule);
    return { run: this.store.getRun(runId) as ScheduleRun, done };
  }

  /** Verifies a signed webhook call and starts the schedule's run. */
  trigger(id: string, headers: { timestamp?: string; signature?: string }, rawBody: Buffer): ScheduleRun {
    const schedule = this.store.get(id);
    // The same answer for an unknown schedule and a bad signature: callers cannot probe ids.
    const refuse = (reason: string) => new AppError('authentication_error', `Webhook signature rejected: ${reason}`);
    if (!schedule || schedule.schedule_type !== 'webhook') throw refuse('no webhook schedule with this id');
    const nowMs = this.now().getTime();
    const check = verifyTrigger(schedule.secret, headers, rawBody, nowMs);
    if (!check.ok) throw refuse(check.reason);
    this.forgetOldTriggers(nowMs);
    const replayKey = `${id}:${headers.signature?.trim().toLowerCase()}`;
    if (this.seenTriggers.has(replayKey)) throw refuse('this exact request was already received (replay)');
    if (!schedule.is_enabled) throw new AppError('conflict', 'This schedule is disabled');
    const started = this.runNow(id, 'webhook');
    this.seenTriggers.set(replayKey, nowMs);
    started.done.catch(() => undefined);
    return started.run;
  }

  private forgetOldTriggers(nowMs: number): void {
    for (const [key, at] of this.seenTriggers) if (nowMs - at > 10 * 60_000) this.seenTriggers.delete(key);
  }

  /**
   * Starts every schedule whose slot (plus its jitter) has come. A missed slot (app closed, machine
   * asleep) runs once or is skipped per the schedule's catch-up policy; either way the schedule then
   * resumes its cadence. A slot that comes while the previous run is still going is skipped.
   */
  tick(): void {
    const now = this.now();
    const dueNow = this.store.dueBy(now.toISOString());
    // A few catch-ups (no more than can run at once) start at once; more are spread by their jitter.
    const herd = dueNow.filter((due) => isMissed(new Date(due.next_run_at), now)).length > this.maxConcurrent;
    for (const due of dueNow) {
      const slot = new Date(due.next_run_at);
      // On time, a schedule fires at its slot plus its jitter; after a sleep or a restart, in a herd of
      // catch-ups, at the moment the missed slot was noticed plus the same jitter.
      const missed = isMissed(slot, now);
      const noticed = missed ? (this.missedSince.get(due.id) ?? now.getTime()) : slot.getTime();
      if (missed) this.missedSince.set(due.id, noticed);
      if ((!missed || herd) && now.getTime() < noticed + jitterMs(due.id, this.jitterMaxMs)) continue;
      this.missedSince.delete(due.id);
      const schedule = this.store.get(due.id);
      if (!schedule) continue;
      const next = slotAfter(schedule as Timing, slot, now)?.toISOString() ?? null;
      if (this.active.has(schedule.id)) {
        this.store.setTiming(schedule.id, next);
        this.options.logger.info(`schedule "${schedule.name}": slot ${slot.toISOString()} skipped, the previous run is still going`);
        continue;
      }
      if (isMissed(slot, now) && schedule.catch_up === 'skip') {
        this.store.setTiming(schedule.id, next);
        this.options.logger.info(`schedule "${schedule.name}": missed slot ${slot.toISOString()} skipped (catch-up: skip)`);
        continue;
      }
      const runId = crypto.randomUUID();
      const inserted = this.options.db.transaction(() => {
        const fresh = this.store.insertRun({
          id: runId,
          scheduleId: schedule.id,
          promptId: schedule.prompt_id,
          trigger: 'scheduled',
          slotAt: slot.toISOString(),
          createdAt: now.toISOString(),
        });
        this.store.setTiming(schedule.id, next, fresh ? now.toISOString() : undefined);
        return fresh;
      })();
      if (inserted) void this.launch(runId, schedule);
    }
  }

  private launch(runId: string, schedule: StoredSchedule): Promise<ScheduleRun> {
    const done = this.execute(runId, schedule).finally(() => this.active.delete(schedule.id));
    this.active.set(schedule.id, done);
    return done;
  }

  private async execute(runId: string, schedule: StoredSchedule): Promise<ScheduleRun> {
    const { engine, prompts, logger } = this.options;
    await this.slots.acquire();
    try {
      this.store.markRunning(runId, this.now().toISOString());
      let verdict: Verdict;
      let historyRunId: string | null = null;
      try {
        const prompt = prompts.get(schedule.prompt_id);
        const started = engine.start({
          prompt: prompt.prompt,
          system: prompt.system,
          variables: prompt.variables,
          configurations: prompt.configurations,
          source: 'schedule',
          promptId: prompt.id,
          promptVersion: prompt.version,
        });
        historyRunId = started.run.id;
        this.store.setRunId(runId, historyRunId);
        verdict = judgeRun(await started.done, schedule.sla_thresholds);
      } catch (error) {
        verdict = failedVerdict(error instanceof Error ? error.message : String(error));
      }
      this.finish(runId, schedule, verdict, historyRunId);
    } catch (error) {
      logger.error(`schedule "${schedule.name}" run ${runId} could not be recorded: ${String(error)}`);
    } finally {
      this.slots.release();
    }
    return this.store.getRun(runId) as ScheduleRun;
  }

  /** Records the verdict and queues its callbacks in one transaction, then notifies. */
  private finish(runId: string, schedule: StoredSchedule, verdict: Verdict, historyRunId: string | null): void {
    const { db, dispatcher, events } = this.options;
    const breached = Object.values(verdict.breaches).some(Boolean);
    const kinds = notificationKinds(schedule, verdict.status, breached);
    db.transaction(() => {
      this.store.finishRun(runId, {
        status: verdict.status,
        completedAt: this.now().toISOString(),
        runId: historyRunId,
        metrics: verdict.metrics,
        results: verdict.results,
        breaches: verdict.breaches,
        failures: verdict.failures,
        error: verdict.error,
      });
      const run = this.store.getRun(runId) as ScheduleRun;
      const data = { schedule: { id: schedule.id, name: schedule.name, prompt_id: schedule.prompt_id }, run };
      const callbackUrl = schedule.notifications.webhook_callback_url;
      if (callbackUrl && kinds.length > 0) {
        dispatcher.enqueue({
          event: breached ? 'schedule.sla_breached' : 'schedule.run.completed',
          url: callbackUrl,
          secret: schedule.secret,
          data,
          scheduleId: schedule.id,
        });
      }
      dispatcher.publish('schedule.run.completed', data);
      if (breached) dispatcher.publish('schedule.sla_breached', data);
    })();
    dispatcher.kick();
    const run = this.store.getRun(runId) as ScheduleRun;
    events.publish('schedule', { type: 'schedule.run.finished', schedule_id: schedule.id, run });
    for (const kind of kinds) this.notify(kind, schedule, run);
  }

  private notify(kind: NotificationKind, schedule: StoredSchedule, run: ScheduleRun): void {
    const notification = notificationOf(kind, schedule, run);
    if (this.options.notify) this.options.notify(notification);
    else this.options.logger[kind === 'success' ? 'info' : 'warn'](`${notification.title}: ${notification.body}`);
  }

  /** Resolves when every run started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.active.size > 0) await Promise.allSettled([...this.active.values()]);
  }

  get runningCount(): number {
    return this.active.size;
  }

  // The timer

  start(): void {
    this.stopped = false;
    this.wake();
  }

  /** Checks for due schedules now (after a change, and on resume from sleep), then re-arms the timer. */
  wake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      this.tick();
    } catch (error) {
      this.options.logger.error(`scheduler tick failed: ${String(error)}`);
    }
    const earliest = this.store.earliestSlot();
    // Re-check at least every 30 s: cheap, and it bounds the error of a wall clock that jumps.
    const wait = earliest === null ? 30_000 : Math.min(30_000, Math.max(250, Date.parse(earliest) - this.now().getTime() + 50));
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.idle();
  }
}

function slaOf(current: SlaThresholds, input: Partial<Record<keyof SlaThresholds, unknown>>): SlaThresholds {
  const pick = <K extends keyof SlaThresholds>(key: K): SlaThresholds[K] =>
    input[key] !== undefined ? (input[key] as SlaThresholds[K]) : current[key];
  return {
    max_response_time_ms: pick('max_response_time_ms'),
    max_cost_per_run: pick('max_cost_per_run'),
    max_ttft_ms: pick('max_ttft_ms'),
    must_contain: pick('must_contain'),
    must_match: pick('must_match'),
    must_be_json: pick('must_be_json') ?? false,
  };
}

function failedVerdict(message: string): Verdict {
  return {
    status: 'failed',
    metrics: { response_time_1_ms: null, response_time_2_ms: null, estimated_cost_1: null, estimated_cost_2: null },
    results: [],
    breaches: { ...NO_BREACHES },
    failures: [],
    error: { message, provider: null },
  };
}
