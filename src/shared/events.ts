import type { ScheduleRun } from './operations/schedules';
import type { Run, RunResult } from './runs';

/** What happens during a run, in order: started, text deltas (batched), each result settling, finished. */
export type RunEvent =
  | { type: 'run.started'; run: Run }
  | { type: 'result.started'; run_id: string; result_id: string }
  | { type: 'result.delta'; run_id: string; deltas: { result_id: string; text: string }[] }
  | { type: 'result.settled'; run_id: string; result: RunResult }
  | { type: 'run.finished'; run: Run };

/** Live events pushed to subscribers (window via IPC, browser via SSE). Channel → payload. */
export interface EventChannels {
  run: RunEvent;
  'settings.changed': { theme: string };
  'apiKeys.changed': { reason: 'created' | 'revoked'; key: { id: string; name: string; prefix: string } };
  'providerKeys.changed': { provider: string };
  schedule: { type: 'schedule.run.finished'; schedule_id: string; run: ScheduleRun };
}

export type EventChannel = keyof EventChannels;

export const EVENT_CHANNELS: readonly EventChannel[] = ['run', 'settings.changed', 'apiKeys.changed', 'providerKeys.changed', 'schedule'];

export const isEventChannel = (value: unknown): value is EventChannel =>
  typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
