/**
 * Cron expressions in an IANA time zone, through `croner` (it handles DST: a time in the spring gap
 * runs at the first valid minute after it, a time in the repeated autumn hour runs once). Shared so
 * the schedule editor previews exactly what the scheduler will do.
 */
import { Cron } from 'croner';

/** Undefined when the expression is valid, else why not (croner's words, without its prefix). */
export function cronProblem(expression: string): string | undefined {
  const fields = expression.trim().split(/\s+/).length;
  if (fields !== 5 && fields !== 6) return 'cron_expression must have 5 fields (minute hour day month weekday), or 6 with seconds first';
  try {
    new Cron(expression, { paused: true });
    return undefined;
  } catch (error) {
    return `cron_expression is invalid: ${String((error as Error).message).replace(/^Cron\w*:\s*/, '')}`;
  }
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The next `count` run times strictly after `after`, in UTC instants. */
export function nextCronRuns(expression: string, timezone: string, after: Date, count: number): Date[] {
  return new Cron(expression, { timezone, paused: true }).nextRuns(count, after);
}

export function nextCronRun(expression: string, timezone: string, after: Date): Date | null {
  return new Cron(expression, { timezone, paused: true }).nextRun(after);
}
