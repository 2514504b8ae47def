import type { ParallaxBridge } from '../../../shared/bridge';
import { createHttpClient } from './http';
import { createIpcClient } from './ipc';
import type { ParallaxClient } from './types';

declare global {
  interface Window {
    parallax?: ParallaxBridge;
  }
}

/** IPC when running inside Electron (the preload put `window.parallax` there), HTTP in a browser. */
export const client: ParallaxClient = window.parallax ? createIpcClient(window.parallax) : createHttpClient();

export { ClientError, type ParallaxClient } from './types';
