/** The Usage screen's period: the last N UTC days, or a range of UTC days chosen by hand. */
export type Period = { kind: 'last'; days: 7 | 30 | 90 } | { kind: 'range'; from: string; to: string };

export const PRESETS = [7, 30, 90] as const;

const DAY_MS = 86_400_000;
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `from`/`to` (inclusive, YYYY-MM-DD) for `getUsageBreakdown`. */
export function periodBounds(period: Period, now = Date.now()): { from: string; to: string } {
  if (period.kind === 'range') return { from: period.from, to: period.to };
  return { from: isoDay(now - (period.days - 1) * DAY_MS), to: isoDay(now) };
}

const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
/** "Mar 4" for a YYYY-MM-DD day (a UTC day, shown as such). */
export const formatDay = (day: string): string => dayLabel.format(new Date(`${day}T00:00:00Z`));
