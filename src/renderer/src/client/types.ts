import type { ErrorBody } from '../../../shared/errors';
import type { EventChannel, EventChannels } from '../../../shared/events';
import type { OperationInput, OperationName, OperationOutput } from '../../../shared/operations';

/** One interface over two transports: IPC inside Electron, HTTP + SSE in a browser. */
export interface ParallaxClient {
  readonly transport: 'ipc' | 'http';
  invoke<K extends OperationName>(name: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
  subscribe<C extends EventChannel>(channel: C, handler: (payload: EventChannels[C]) => void): () => void;
}

/** A failed call, carrying the documented error body. */
export class ClientError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
    this.name = 'ClientError';
  }
  get type(): string {
    return this.body.type;
  }
}
