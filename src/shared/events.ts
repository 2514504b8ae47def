/** Live events pushed to subscribers (window via IPC, browser via SSE). Channel → payload. */
export interface EventChannels {
  'settings.changed': { theme: string };
  'apiKeys.changed': { reason: 'created' | 'revoked' };
}

export type EventChannel = keyof EventChannels;

export const EVENT_CHANNELS: readonly EventChannel[] = ['settings.changed', 'apiKeys.changed'];

export const isEventChannel = (value: unknown): value is EventChannel =>
  typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
