import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import type { ImportScheduleRow, ImportScheduleRunRow } from '../../shared/operations/importRows';
import { MAX_SCHEDULES } from '../../shared/operations/schedules';
import type { KindOutcome } from './importPrompts';
import { createScheduleStore, EMPTY_SLA, NO_BREACHES, type ScheduleRecord } from './scheduler/store';
import { firstSlot } from './scheduler/timing';
import { newWebhookSecret } from './webhooks/signing';

const UNFINISHED = 'Not finished when it was exported';

/**
 * Schedules and schedule runs of an export, through the scheduler's store. A schedule keeps its id
 * when it is free (the same id on the same prompt is the same schedule: skipped; on another prompt,
 * it gets a new id and its runs follow it). Exports never carry secrets, so each gets a new one; its
 * next slot is computed from now, as for a new schedule.
 */
export function createScheduleImport(db: Database.Database) {
  const store = createScheduleStore(db);
  const promptExists = db.prepare('SELECT 1 FROM prompts WHERE id = ?').pluck();

  const schedules = (rows: readonly ImportScheduleRow[], promptsInDocument: ReadonlySet<string>, now: Date) => {
    const outcome: KindOutcome = { imported: 0, skipped: 0, reasons: [] };
    const secrets: Record<string, string> = {};
    const newIds = new Map<string, string>();
    const skip = (id: string, reason?: string) => {
      outcome.skipped++;
      if (reason) outcome.reasons.push({ id, reason });
    };
    for (const row of rows) {
      const taken = store.promptOf(row.id);
      if (taken === row.prompt_id) {
        skip(row.id);
        continue;
      }
      if (promptExists.get(row.prompt_id) === undefined) {
        skip(
          row.id,
          promptsInDocument.has(row.prompt_id)
            ? `its prompt ${row.prompt_id} was not imported`
            : `its prompt ${row.prompt_id} is neither in the document nor in this store`,
        );
        continue;
      }
      if (store.count() >= MAX_SCHEDULES) {
        skip(row.id, `the limit of ${MAX_SCHEDULES} schedules is reached`);
        continue;
      }
      const id = taken === undefined ? row.id : crypto.randomUUID();
      if (id !== row.id) newIds.set(row.id, id);
      const record: ScheduleRecord = {
        id,
        prompt_id: row.prompt_id,
        name: row.name,
        schedule_type: row.schedule_type,
        interval_minutes: row.schedule_type === 'interval' ? (row.interval_minutes ?? null) : null,
        cron_expression: row.schedule_type === 'cron' ? (row.cron_expression ?? null) : null,
        timezone: row.timezone ?? 'UTC',
        is_enabled: row.enabled ?? true,
        catch_up: row.catch_up ?? 'run_once',
        next_run_at: null,
        last_run_at: row.last_run_at ?? null,
        sla_thresholds: { ...EMPTY_SLA, ...row.sla_thresholds },
        notifications: {
          on_success: row.notify_on_success ?? false,
          on_failure: row.notify_on_failure ?? true,
          on_sla_breach: row.notify_on_sla_breach ?? true,
          webhook_callback_url: row.webhook_callback_url ?? null,
        },
        secret: newWebhookSecret(),
        created_at: row.created_at,
        updated_at: row.updated_at ?? row.created_at,
      };
      record.next_run_at = record.is_enabled ? (firstSlot(record, now)?.toISOString() ?? null) : null;
      store.save(record);
      secrets[id] = record.secret;
      outcome.imported++;
    }
    return { outcome, secrets, newIds };
  };

  const runs = (rows: readonly ImportScheduleRunRow[], newIds: ReadonlyMap<string, string>): KindOutcome => {
    const outcome: KindOutcome = { imported: 0, skipped: 0, reasons: [] };
    for (const row of rows) {
      if (store.hasRun(row.id)) {
        outcome.skipped++;
        continue;
      }
      const scheduleId = newIds.get(row.schedule_id) ?? row.schedule_id;
      if (store.promptOf(scheduleId) === undefined) {
        outcome.skipped++;
        outcome.reasons.push({ id: row.id, reason: `its schedule ${row.schedule_id} is neither imported nor in this store` });
        continue;
      }
      const unfinished = row.status === 'pending' || row.status === 'running';
      store.restoreRun({
        id: row.id,
        schedule_id: scheduleId,
        prompt_id: row.prompt_id,
        run_id: row.run_id ?? null,
        status: unfinished ? 'failed' : row.status,
        trigger_type: row.trigger_type,
        started_at: row.started_at ?? null,
        completed_at: row.completed_at ?? null,
        metrics: row.metrics ?? {},
        sla_breaches: { ...NO_BREACHES, ...row.sla_breaches },
        error: unfinished ? { message: UNFINISHED, provider: null } : row.error ? { message: row.error.message, provider: row.error.provider ?? null } : null,
        created_at: row.created_at,
      });
      outcome.imported++;
    }
    return outcome;
  };

  return { schedules, runs };
}
