/** Schedules and their runs in SQLite: every change of timing state is written before it is acted on. */
import type Database from 'better-sqlite3';
import type {
  CatchUpPolicy,
  Schedule,
  ScheduleRun,
  ScheduleRunResult,
  ScheduleRunStatus,
  ScheduleType,
  SlaBreaches,
  SlaThresholds,
  TriggerType,
} from '../../../shared/operations/schedules';

interface ScheduleRow {
  id: string;
  prompt_id: string;
  name: string;
  schedule_type: ScheduleType;
  interval_minutes: number | null;
  cron_expression: string | null;
  timezone: string;
  is_enabled: number;
  catch_up: CatchUpPolicy;
  next_run_at: string | null;
  last_run_at: string | null;
  sla: string;
  notify_on_success: number;
  notify_on_failure: number;
  notify_on_sla_breach: number;
  webhook_callback_url: string | null;
  secret: string;
  created_at: string;
  updated_at: string;
  last_status: ScheduleRunStatus | null;
  run_count: number;
  failure_count: number;
}

interface ScheduleRunRow {
  id: string;
  schedule_id: string;
  prompt_id: string;
  run_id: string | null;
  status: ScheduleRunStatus;
  trigger_type: TriggerType;
  slot_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  metrics: string;
  results: string;
  sla_breaches: string;
  sla_failures: string;
  error: string | null;
  created_at: string;
}

/** A schedule as stored, with its secret (never sent anywhere but the create answer and signatures). */
export interface StoredSchedule extends Schedule {
  secret: string;
}

export type ScheduleRecord = Omit<StoredSchedule, 'last_status' | 'run_count' | 'failure_count'>;

export const NO_BREACHES: SlaBreaches = { response_time: false, cost: false, ttft: false, content: false };

export const EMPTY_SLA: SlaThresholds = {
  max_response_time_ms: null,
  max_cost_per_run: null,
  max_ttft_ms: null,
  must_contain: null,
  must_match: null,
  must_be_json: false,
};

const SELECT_SCHEDULE = `
  SELECT s.*,
    (SELECT status FROM schedule_runs r WHERE r.schedule_id = s.id ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1) AS last_status,
    (SELECT COUNT(*) FROM schedule_runs r WHERE r.schedule_id = s.id) AS run_count,
    (SELECT COUNT(*) FROM schedule_runs r WHERE r.schedule_id = s.id AND r.status IN ('failed', 'partial')) AS failure_count
  FROM schedules s`;

function toSchedule(row: ScheduleRow): StoredSchedule {
  return {
    id: row.id,
    prompt_id: row.prompt_id,
    name: row.name,
    schedule_type: row.schedule_type,
    interval_minutes: row.interval_minutes,
    cron_expression: row.cron_expression,
    timezone: row.timezone,
    is_enabled: row.is_enabled === 1,
    catch_up: row.catch_up,
    next_run_at: row.next_run_at,
    last_run_at: row.last_run_at,
    last_status: row.last_status,
    sla_thresholds: { ...EMPTY_SLA, ...(JSON.parse(row.sla) as Partial<SlaThresholds>) },
    notifications: {
      on_success: row.notify_on_success === 1,
      on_failure: row.notify_on_failure === 1,
      on_sla_breach: row.notify_on_sla_breach === 1,
      webhook_callback_url: row.webhook_callback_url,
    },
    run_count: row.run_count,
    failure_count: row.failure_count,
    created_at: row.created_at,
    updated_at: row.updated_at,
    secret: row.secret,
  };
}

function toRun(row: ScheduleRunRow): ScheduleRun {
  return {
    id: row.id,
    schedule_id: row.schedule_id,
    prompt_id: row.prompt_id,
    run_id: row.run_id,
    status: row.status,
    trigger_type: row.trigger_type,
    started_at: row.started_at,
    completed_at: row.completed_at,
    metrics: JSON.parse(row.metrics) as Record<string, number | null>,
    sla_breaches: { ...NO_BREACHES, ...(JSON.parse(row.sla_breaches) as Partial<SlaBreaches>) },
    sla_failures: JSON.parse(row.sla_failures) as string[],
    error: row.error === null ? null : (JSON.parse(row.error) as ScheduleRun['error']),
    results: JSON.parse(row.results) as ScheduleRunResult[],
    created_at: row.created_at,
  };
}

const scheduleParams = (s: ScheduleRecord) => ({
  id: s.id,
  prompt_id: s.prompt_id,
  name: s.name,
  schedule_type: s.schedule_type,
  interval_minutes: s.interval_minutes,
  cron_expression: s.cron_expression,
  timezone: s.timezone,
  is_enabled: s.is_enabled ? 1 : 0,
  catch_up: s.catch_up,
  next_run_at: s.next_run_at,
  last_run_at: s.last_run_at,
  sla: JSON.stringify(s.sla_thresholds),
  notify_on_success: s.notifications.on_success ? 1 : 0,
  notify_on_failure: s.notifications.on_failure ? 1 : 0,
  notify_on_sla_breach: s.notifications.on_sla_breach ? 1 : 0,
  webhook_callback_url: s.notifications.webhook_callback_url,
  secret: s.secret,
  created_at: s.created_at,
  updated_at: s.updated_at,
});

export interface RunFilter {
  scheduleId: string;
  status?: ScheduleRunStatus;
  startDate?: string;
  endDate?: string;
  limit: number;
  offset: number;
}

export interface FinishedRun {
  status: ScheduleRunStatus;
  completedAt: string;
  runId: string | null;
  metrics: Record<string, number | null>;
  results: ScheduleRunResult[];
  breaches: SlaBreaches;
  failures: string[];
  error: ScheduleRun['error'];
}

export type ScheduleStore = ReturnType<typeof createScheduleStore>;

export function createScheduleStore(db: Database.Database) {
  const getRow = db.prepare<[string], ScheduleRow>(`${SELECT_SCHEDULE} WHERE s.id = ?`);
  const getRunRow = db.prepare<[string], ScheduleRunRow>('SELECT * FROM schedule_runs WHERE id = ?');
  const columns = [
    'id',
    'prompt_id',
    'name',
    'schedule_type',
    'interval_minutes',
    'cron_expression',
    'timezone',
    'is_enabled',
    'catch_up',
    'next_run_at',
    'last_run_at',
    'sla',
    'notify_on_success',
    'notify_on_failure',
    'notify_on_sla_breach',
    'webhook_callback_url',
    'secret',
    'created_at',
    'updated_at',
  ] as const;
  const upsert = db.prepare(
    `INSERT INTO schedules (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${columns
       .filter((c) => c !== 'id' && c !== 'created_at' && c !== 'secret')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
  );

  return {
    get(id: string): StoredSchedule | undefined {
      const row = getRow.get(id);
      return row && toSchedule(row);
    },
    list(limit: number, offset: number): { rows: StoredSchedule[]; total: number } {
      const rows = db
        .prepare<[number, number], ScheduleRow>(`${SELECT_SCHEDULE} ORDER BY s.created_at DESC, s.rowid DESC LIMIT ? OFFSET ?`)
        .all(limit, offset);
      return { rows: rows.map(toSchedule), total: this.count() };
    },
    enabledCount(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM schedules WHERE is_enabled = 1').get() as { n: number }).n;
    },
    count(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM schedules').get() as { n: number }).n;
    },
    save(schedule: ScheduleRecord): void {
      upsert.run(scheduleParams(schedule));
    },
    remove(id: string): boolean {
      return db.prepare('DELETE FROM schedules WHERE id = ?').run(id).changes > 0;
    },
    /** Enabled timed schedules whose slot is at or before `until`, soonest first. */
    dueBy(until: string): { id: string; next_run_at: string }[] {
      return db
        .prepare<[string], { id: string; next_run_at: string }>(
          `SELECT id, next_run_at FROM schedules WHERE is_enabled = 1 AND next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at`,
        )
        .all(until);
    },
    earliestSlot(): string | null {
      const row = db.prepare(`SELECT MIN(next_run_at) AS at FROM schedules WHERE is_enabled = 1 AND next_run_at IS NOT NULL`).get() as {
        at: string | null;
      };
      return row.at;
    },
    setTiming(id: string, nextRunAt: string | null, lastRunAt?: string): void {
      if (lastRunAt === undefined) db.prepare('UPDATE schedules SET next_run_at = ? WHERE id = ?').run(nextRunAt, id);
      else db.prepare('UPDATE schedules SET next_run_at = ?, last_run_at = ? WHERE id = ?').run(nextRunAt, lastRunAt, id);
    },
    /** The prompt a schedule belongs to, or undefined when there is no schedule with that id. */
    promptOf(id: string): string | undefined {
      return (db.prepare('SELECT prompt_id FROM schedules WHERE id = ?').pluck().get(id) as string | undefined) ?? undefined;
    },
    hasRun(id: string): boolean {
      return db.prepare('SELECT 1 FROM schedule_runs WHERE id = ?').pluck().get(id) !== undefined;
    },
    /** Writes a finished run as it was (an import): no slot, so it never collides with one this store will run. */
    restoreRun(run: Omit<ScheduleRun, 'results' | 'sla_failures'>): void {
      db.prepare(
        `INSERT INTO schedule_runs (id, schedule_id, prompt_id, run_id, status, trigger_type, started_at, completed_at, metrics, sla_breaches, error, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        run.id,
        run.schedule_id,
        run.prompt_id,
        run.run_id,
        run.status,
        run.trigger_type,
        run.started_at,
        run.completed_at,
        JSON.stringify(run.metrics),
        JSON.stringify(run.sla_breaches),
        run.error === null ? null : JSON.stringify(run.error),
        run.created_at,
      );
    },
    /** Records a run as pending; false when that slot already has a run (it never runs twice). */
    insertRun(run: {
      id: string;
      scheduleId: string;
      promptId: string;
      trigger: TriggerType;
      slotAt: string | null;
      createdAt: string;
    }): boolean {
      const result = db
        .prepare(
          `INSERT OR IGNORE INTO schedule_runs (id, schedule_id, prompt_id, status, trigger_type, slot_at, created_at)
           VALUES (?, ?, ?, 'pending', ?, ?, ?)`,
        )
        .run(run.id, run.scheduleId, run.promptId, run.trigger, run.slotAt, run.createdAt);
      return result.changes > 0;
    },
    markRunning(id: string, startedAt: string): void {
      db.prepare(`UPDATE schedule_runs SET status = 'running', started_at = ? WHERE id = ?`).run(startedAt, id);
    },
    setRunId(id: string, runId: string): void {
      db.prepare('UPDATE schedule_runs SET run_id = ? WHERE id = ?').run(runId, id);
    },
    finishRun(id: string, done: FinishedRun): void {
      db.prepare(
        `UPDATE schedule_runs SET status = ?, completed_at = ?, run_id = COALESCE(?, run_id), metrics = ?, results = ?,
           sla_breaches = ?, sla_failures = ?, error = ? WHERE id = ?`,
      ).run(
        done.status,
        done.completedAt,
        done.runId,
        JSON.stringify(done.metrics),
        JSON.stringify(done.results),
        JSON.stringify(done.breaches),
        JSON.stringify(done.failures),
        done.error === null ? null : JSON.stringify(done.error),
        id,
      );
    },
    getRun(id: string): ScheduleRun | undefined {
      const row = getRunRow.get(id);
      return row && toRun(row);
    },
    listRuns(filter: RunFilter): { rows: ScheduleRun[]; total: number } {
      const where = ['schedule_id = @scheduleId'];
      if (filter.status) where.push('status = @status');
      if (filter.startDate) where.push('created_at >= @startDate');
      if (filter.endDate) where.push('created_at <= @endDate');
      const params = {
        scheduleId: filter.scheduleId,
        status: filter.status,
        startDate: filter.startDate && new Date(filter.startDate).toISOString(),
        endDate: filter.endDate && new Date(filter.endDate).toISOString(),
      };
      const clause = where.join(' AND ');
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM schedule_runs WHERE ${clause}`).get(params) as { n: number }).n;
      const rows = db
        .prepare<unknown[], ScheduleRunRow>(
          `SELECT * FROM schedule_runs WHERE ${clause} ORDER BY created_at DESC, rowid DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...params, limit: filter.limit, offset: filter.offset });
      return { rows: rows.map(toRun), total };
    },
    /** Runs a crash left pending or running: failed, with the reason, so nothing stays "running" forever. */
    failUnfinished(at: string, message: string): number {
      return db
        .prepare(`UPDATE schedule_runs SET status = 'failed', completed_at = ?, error = ? WHERE status IN ('pending', 'running')`)
        .run(at, JSON.stringify({ message, provider: null })).changes;
    },
  };
}
