import { describe, expect, it } from 'vitest';
import { nextCronRuns } from '../../../shared/cron';
import { firstSlot, isMissed, jitterMs, slotAfter, type Timing } from './timing';

const cron = (expression: string, timezone: string): Timing => ({
  schedule_type: 'cron',
  cron_expression: expression,
  timezone,
  interval_minutes: null,
});
const iso = (dates: (Date | null)[]) => dates.map((d) => d?.toISOString());

describe('cron slots across DST, on a fake clock', () => {
  it('America/New_York: a time in the spring gap runs once at the first valid minute; the repeated autumn hour runs once', () => {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 does not exist that day.
    expect(iso(nextCronRuns('30 2 * * *', 'America/New_York', new Date('2026-03-07T00:00:00Z'), 3))).toEqual([
      '2026-03-07T07:30:00.000Z', // 02:30 EST
      '2026-03-08T07:00:00.000Z', // 03:00 EDT, the first minute after the gap
      '2026-03-09T06:30:00.000Z', // 02:30 EDT
    ]);
    // 2026-11-01 01:30 happens twice (EDT then EST): one run, at the first.
    expect(iso(nextCronRuns('30 1 * * *', 'America/New_York', new Date('2026-10-31T00:00:00Z'), 3))).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('Europe/London: spring gap at 01:00 and the repeated 01:00–02:00 in autumn', () => {
    expect(iso(nextCronRuns('30 1 * * *', 'Europe/London', new Date('2026-03-28T12:00:00Z'), 2))).toEqual([
      '2026-03-29T01:00:00.000Z', // 01:30 GMT does not exist on 29 March: 02:00 BST
      '2026-03-30T00:30:00.000Z', // 01:30 BST
    ]);
    expect(iso(nextCronRuns('30 1 * * *', 'Europe/London', new Date('2026-10-24T12:00:00Z'), 2))).toEqual([
      '2026-10-25T00:30:00.000Z', // the first 01:30 (BST) only
      '2026-10-26T01:30:00.000Z', // 01:30 GMT
    ]);
  });

  it('Australia/Lord_Howe shifts by 30 minutes; Asia/Kathmandu is UTC+5:45', () => {
    // 2026-10-04 02:00 LHST (+10:30) jumps to 02:30 LHDT (+11): 02:15 does not exist.
    expect(iso(nextCronRuns('15 2 * * *', 'Australia/Lord_Howe', new Date('2026-10-02T00:00:00Z'), 3))).toEqual([
      '2026-10-02T15:45:00.000Z', // 02:15 +10:30 on 3 October
      '2026-10-03T15:30:00.000Z', // 02:30 +11 on 4 October, first minute after the gap
      '2026-10-04T15:15:00.000Z', // 02:15 +11
    ]);
    expect(iso(nextCronRuns('0 9 * * 1-5', 'Asia/Kathmandu', new Date('2026-11-20T00:00:00Z'), 2))).toEqual([
      '2026-11-20T03:15:00.000Z', // Friday 09:00 +05:45
      '2026-11-23T03:15:00.000Z', // Monday
    ]);
  });

  it('slotAfter on a cron resumes after now, not after a stale slot', () => {
    const timing = cron('0 * * * *', 'UTC');
    const next = slotAfter(timing, new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T13:20:00Z'));
    expect(next?.toISOString()).toBe('2026-01-01T14:00:00.000Z');
  });
});

describe('interval slots', () => {
  const every40: Timing = { schedule_type: 'interval', interval_minutes: 40, cron_expression: null, timezone: 'UTC' };

  it('the first slot is one interval after creation', () => {
    expect(firstSlot(every40, new Date('2026-01-01T10:00:00Z'))?.toISOString()).toBe('2026-01-01T10:40:00.000Z');
  });

  it('after a sleep over three slots the next slot stays on the cadence', () => {
    const slot = new Date('2026-01-01T10:40:00Z');
    const wake = new Date('2026-01-01T12:45:00Z'); // 10:40, 11:20 and 12:00 were missed
    expect(isMissed(slot, wake)).toBe(true);
    expect(slotAfter(every40, slot, wake)?.toISOString()).toBe('2026-01-01T13:20:00.000Z');
  });

  it('a slot reached on time is not missed', () => {
    const slot = new Date('2026-01-01T10:40:00Z');
    expect(isMissed(slot, new Date('2026-01-01T10:40:09Z'))).toBe(false);
    expect(slotAfter(every40, slot, new Date('2026-01-01T10:40:09Z'))?.toISOString()).toBe('2026-01-01T11:20:00.000Z');
  });

  it('webhook schedules have no slots', () => {
    expect(firstSlot({ schedule_type: 'webhook', interval_minutes: null, cron_expression: null, timezone: 'UTC' }, new Date())).toBeNull();
  });
});

describe('jitter', () => {
  it('is stable per schedule and spreads schedules over the window', () => {
    expect(jitterMs('a', 10_000)).toBe(jitterMs('a', 10_000));
    const offsets = new Set(Array.from({ length: 200 }, (_, i) => Math.floor(jitterMs(`schedule-${i}`, 10_000) / 1000)));
    expect(offsets.size).toBe(10);
    expect(jitterMs('a', 0)).toBe(0);
  });
});
