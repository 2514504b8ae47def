/**
 * When a schedule runs: pure functions of its timing and the time, so that fake-clock tests cover
 * every DST case the scheduler meets.
 */
import { nextCronRun } from '../../../shared/cron';
import type { ScheduleType } from '../../../shared/operations/schedules';

export interface Timing {
  schedule_type: ScheduleType;
  interval_minutes: number | null;
  cron_expression: string | null;
  timezone: string;
}

/** The first slot of a new (or re-timed, or re-enabled) schedule. Webhook schedules have none. */
export function firstSlot(timing: Timing, now: Date): Date | null {
  if (timing.schedule_type === 'interval' && timing.interval_minutes) return new Date(now.getTime() + timing.interval_minutes * 60_000);
  if (timing.schedule_type === 'cron' && timing.cron_expression) return nextCronRun(timing.cron_expression, timing.timezone, now);
  return null;
}

/**
 * The slot after a due one, strictly later than `now`. An interval keeps its cadence (slot + k·interval),
 * so a schedule that slept over several slots resumes on its grid instead of drifting.
 */
export function slotAfter(timing: Timing, slot: Date, now: Date): Date | null {
  if (timing.schedule_type === 'interval' && timing.interval_minutes) {
    const step = timing.interval_minutes * 60_000;
    const behind = Math.max(0, now.getTime() - slot.getTime());
    return new Date(slot.getTime() + (Math.floor(behind / step) + 1) * step);
  }
  if (timing.schedule_type === 'cron' && timing.cron_expression) {
    return nextCronRun(timing.cron_expression, timing.timezone, now.getTime() >= slot.getTime() ? now : slot);
  }
  return null;
}

/** A slot reached this long after its time was missed (the app was closed or the machine asleep). */
export const MISSED_AFTER_MS = 2 * 60_000;

export const isMissed = (slot: Date, now: Date): boolean => now.getTime() - slot.getTime() > MISSED_AFTER_MS;

/**
 * A stable delay in [0, max) per schedule, so that many schedules due in the same minute do not all
 * fire in the same second, and a given schedule always fires at the same offset.
 */
export function jitterMs(id: string, max: number): number {
  if (max <= 0) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % max;
}
