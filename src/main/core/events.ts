import { EventEmitter } from 'node:events';
import type { EventChannel, EventChannels } from '../../shared/events';

export type Unsubscribe = () => void;

/** A typed publish/subscribe bus between the core and whichever doors are listening. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open window or browser tab subscribes; do not warn about many listeners.
    this.emitter.setMaxListeners(0);
  }

  publish<C extends EventChannel>(channel: C, payload: EventChannels[C]): void {
    this.emitter.emit(channel, payload);
  }

  subscribe<C extends EventChannel>(channel: C, handler: (payload: EventChannels[C]) => void): Unsubscribe {
    this.emitter.on(channel, handler);
    return () => this.emitter.off(channel, handler);
  }
}
