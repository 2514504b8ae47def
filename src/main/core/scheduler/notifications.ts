/** Which notifications a schedule run raises (per the schedule's flags), and their words. */
import type { ScheduleRun } from '../../../shared/operations/schedules';
import type { StoredSchedule } from './store';

export type NotificationKind = 'failure' | 'sla_breach' | 'success';

/** A desktop notification (Electron) or a log line (headless). */
export interface ScheduleNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  scheduleId: string;
}

export function notificationKinds(schedule: StoredSchedule, status: ScheduleRun['status'], breached: boolean): NotificationKind[] {
  const kinds: NotificationKind[] = [];
  const n = schedule.notifications;
  if ((status === 'failed' || status === 'partial') && n.on_failure) kinds.push('failure');
  if (breached && n.on_sla_breach) kinds.push('sla_breach');
  if (status === 'completed' && !breached && n.on_success) kinds.push('success');
  return kinds;
}

export function notificationOf(kind: NotificationKind, schedule: StoredSchedule, run: ScheduleRun): ScheduleNotification {
  const title =
    kind === 'failure'
      ? `Schedule "${schedule.name}" ${run.status === 'partial' ? 'partly failed' : 'failed'}`
      : kind === 'sla_breach'
        ? `Schedule "${schedule.name}" breached its SLA`
        : `Schedule "${schedule.name}" passed`;
  const body =
    kind === 'sla_breach'
      ? run.sla_failures.join('; ')
      : kind === 'failure'
        ? (run.error?.message ?? run.status)
        : run.results.map((r) => `${r.provider}/${r.model} ${r.response_time_ms ?? '?'} ms`).join(', ');
  return { kind, title, body, scheduleId: schedule.id };
}
