import type { RequestHandler } from 'express';
import { EVENT_CHANNELS, isEventChannel, type EventChannel } from '../../shared/events';
import { validationError } from '../../shared/errors';
import type { EventBus, Unsubscribe } from '../core/events';

export const EVENTS_PATH = '/v1/events';
const HEARTBEAT_MS = 15_000;

/** Server-Sent Events of the core's live events: `GET /v1/events?channels=a,b` (default: all). */
export function eventStream(events: EventBus, open: Set<() => void>): RequestHandler {
  return (req, res) => {
    const requested = typeof req.query.channels === 'string' ? req.query.channels.split(',').filter(Boolean) : [...EVENT_CHANNELS];
    const unknown = requested.find((c) => !isEventChannel(c));
    if (unknown !== undefined) throw validationError('channels', `channels: unknown channel "${unknown}"`);

    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribes: Unsubscribe[] = (requested as EventChannel[]).map((channel) =>
      events.subscribe(channel, (payload) => res.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribes.forEach((unsubscribe) => unsubscribe());
      open.delete(stop);
      res.end();
    };
    open.add(stop);
    res.on('close', stop);
  };
}
