/**
 * The preload: exposes exactly `invoke(operation, input)` and `subscribe(channel, handler)`.
 * No channel passthrough, no `process.env`, nothing else from Node reaches the renderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE, type ParallaxBridge } from '../shared/bridge';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

ipcRenderer.on(IPC_EVENT, (_event: IpcRendererEvent, channel: string, payload: unknown) => {
  listeners.get(channel)?.forEach((listener) => listener(payload));
});

const bridge: ParallaxBridge = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_INVOKE, name, input),
  subscribe(channel, handler) {
    let set = listeners.get(channel);
    if (!set) {
      set = new Set();
      listeners.set(channel, set);
      void ipcRenderer.invoke(IPC_SUBSCRIBE, channel);
    }
    const listener = handler as Listener;
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        listeners.delete(channel);
        void ipcRenderer.invoke(IPC_UNSUBSCRIBE, channel);
      }
    };
  },
};

contextBridge.exposeInMainWorld('parallax', bridge);
