/** The narrow surface the preload exposes to the renderer as `window.parallax`. */
import type { Result } from './errors';
import type { EventChannel, EventChannels } from './events';
import type { OperationInput, OperationName, OperationOutput } from './operations';

export const IPC_INVOKE = 'parallax:invoke';
export const IPC_SUBSCRIBE = 'parallax:subscribe';
export const IPC_UNSUBSCRIBE = 'parallax:unsubscribe';
export const IPC_EVENT = 'parallax:event';

export interface ParallaxBridge {
  invoke<K extends OperationName>(name: K, input: OperationInput<K>): Promise<Result<OperationOutput<K>>>;
  subscribe<C extends EventChannel>(channel: C, handler: (payload: EventChannels[C]) => void): () => void;
}
