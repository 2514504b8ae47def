import { nextCronRuns } from '../../../shared/cron';
import { validationError } from '../../../shared/errors';
import { MAX_SCHEDULES, type Schedule } from '../../../shared/operations/schedules';
import type { Handlers } from '../handlers';
import type { Scheduler } from './service';
import type { StoredSchedule } from './store';

type ScheduleHandlers = Pick<
  Handlers,
  | 'listSchedules'
  | 'createSchedule'
  | 'getSchedule'
  | 'updateSchedule'
  | 'deleteSchedule'
  | 'runSchedule'
  | 'listScheduleRuns'
  | 'previewSchedule'
>;

/** The secret leaves the core once, in the create answer. */
const publicSchedule = ({ secret: _secret, ...schedule }: StoredSchedule): Schedule => schedule;

export const scheduleHandlers = (scheduler: Scheduler, now: () => Date): ScheduleHandlers => ({
  listSchedules: ({ limit, offset }) => {
    const { rows, total } = scheduler.store.list(limit, offset);
    return {
      data: rows.map(publicSchedule),
      pagination: { total, limit, offset, has_more: offset + rows.length < total },
      limits: { current: total, max: MAX_SCHEDULES, tier: 'local' },
    };
  },
  createSchedule: (input) => {
    const { secret, ...schedule } = scheduler.create(input);
    return { ...schedule, webhook_secret: secret };
  },
  getSchedule: ({ id }) => publicSchedule(scheduler.get(id)),
  updateSchedule: (input) => publicSchedule(scheduler.update(input)),
  deleteSchedule: ({ id }) => scheduler.remove(id),
  runSchedule: ({ id }) => scheduler.runNow(id, 'manual').done,
  listScheduleRuns: ({ id, limit, offset, status, start_date, end_date }) => {
    scheduler.get(id);
    const { rows, total } = scheduler.store.listRuns({ scheduleId: id, status, startDate: start_date, endDate: end_date, limit, offset });
    return {
      data: rows,
      pagination: { total, limit, offset, has_more: offset + rows.length < total },
      filters: { status: status ?? null, start_date: start_date ?? null, end_date: end_date ?? null },
    };
  },
  previewSchedule: ({ schedule_type, interval_minutes, cron_expression, timezone, count }) => {
    const from = now();
    if (schedule_type === 'interval') {
      if (!interval_minutes) throw validationError('interval_minutes', 'interval_minutes is required for interval schedule type');
      return {
        next_runs: Array.from({ length: count }, (_, i) => new Date(from.getTime() + (i + 1) * interval_minutes * 60_000).toISOString()),
      };
    }
    if (!cron_expression) throw validationError('cron_expression', 'cron_expression is required for cron schedule type');
    return { next_runs: nextCronRuns(cron_expression, timezone, from, count).map((d) => d.toISOString()) };
  },
});
