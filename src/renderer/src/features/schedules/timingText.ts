/** Words for a schedule's timing, and its next run times in the schedule's own time zone. */
import cronstrue from 'cronstrue';
import { cronProblem, isTimeZone, nextCronRuns } from '../../../../shared/cron';
import type { ScheduleType } from '../../../../shared/operations/schedules';

interface TimingLike {
  schedule_type: ScheduleType;
  interval_minutes: number | string | null;
  cron_expression: string | null;
  timezone: string;
}

export function describeTiming(timing: TimingLike): string {
  if (timing.schedule_type === 'webhook') return 'When its webhook is called';
  if (timing.schedule_type === 'interval') {
    const minutes = Number(timing.interval_minutes);
    if (!Number.isInteger(minutes) || minutes < 1) return 'Every … minutes';
    if (minutes % 1440 === 0) return minutes === 1440 ? 'Every day' : `Every ${minutes / 1440} days`;
    if (minutes % 60 === 0) return minutes === 60 ? 'Every hour' : `Every ${minutes / 60} hours`;
    return minutes === 1 ? 'Every minute' : `Every ${minutes} minutes`;
  }
  const expression = timing.cron_expression ?? '';
  if (cronProblem(expression)) return 'Not a valid cron expression yet';
  try {
    return `${cronstrue.toString(expression, { use24HourTimeFormat: true, verbose: false })} (${timing.timezone})`;
  } catch {
    return expression;
  }
}

/** The next `count` runs, or why there are none (an invalid expression or time zone). */
export function previewRuns(timing: TimingLike, from: Date, count = 5): { runs: Date[]; problem: string | null } {
  if (timing.schedule_type === 'webhook') return { runs: [], problem: null };
  if (!isTimeZone(timing.timezone)) return { runs: [], problem: 'Choose a valid IANA time zone' };
  if (timing.schedule_type === 'interval') {
    const minutes = Number(timing.interval_minutes);
    if (!Number.isInteger(minutes) || minutes < 1) return { runs: [], problem: 'Interval must be a whole number of minutes' };
    return { runs: Array.from({ length: count }, (_, i) => new Date(from.getTime() + (i + 1) * minutes * 60_000)), problem: null };
  }
  const problem = cronProblem(timing.cron_expression ?? '');
  if (problem) return { runs: [], problem };
  return { runs: nextCronRuns(timing.cron_expression ?? '', timing.timezone, from, count), problem: null };
}

export const formatInZone = (date: Date, timezone: string): string =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: timezone,
    timeZoneName: 'short',
  }).format(date);

export const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
};
