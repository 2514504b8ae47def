import type { ParallaxBridge } from '../../../shared/bridge';
import { ClientError, type ParallaxClient } from './types';

export function createIpcClient(bridge: ParallaxBridge): ParallaxClient {
  return {
    transport: 'ipc',
    async invoke(name, input) {
      const result = await bridge.invoke(name, input);
      if (!result.ok) throw new ClientError(result.error);
      return result.data;
    },
    subscribe: (channel, handler) => bridge.subscribe(channel, handler),
  };
}
