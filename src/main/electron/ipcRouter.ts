import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE } from '../../shared/bridge';
import { AppError, toAppError, type Result } from '../../shared/errors';
import { isEventChannel, type EventChannel } from '../../shared/events';
import { isOperationName } from '../../shared/operations';
import type { Core } from '../core';
import type { Unsubscribe } from '../core/events';

/**
 * IPC handlers derived from the operations table. Each call checks that it comes from our own
 * window's main frame, validates the input with the operation's schema (inside `core.invoke`),
 * and answers a value, `{ ok, data } | { ok: false, error }`, because thrown errors lose details.
 */
export function registerIpcRouter(ipcMain: IpcMain, core: Core, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): () => void {
  const subscriptions = new Map<WebContents, Map<EventChannel, Unsubscribe>>();

  ipcMain.handle(IPC_INVOKE, async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
    try {
      if (!isTrustedSender(event)) throw new AppError('forbidden', 'IPC call from an untrusted frame refused');
      if (!isOperationName(name)) throw new AppError('not_found', `Unknown operation: ${String(name)}`);
      return { ok: true, data: await core.invoke(name, input, { source: 'ui' }) };
    } catch (error) {
      return { ok: false, error: toAppError(error).toBody() };
    }
  });

  ipcMain.handle(IPC_SUBSCRIBE, (event, channel: unknown) => {
    if (!isTrustedSender(event) || !isEventChannel(channel)) return false;
    const sender = event.sender;
    let byChannel = subscriptions.get(sender);
    if (!byChannel) {
      const created = new Map<EventChannel, Unsubscribe>();
      subscriptions.set(sender, created);
      sender.once('destroyed', () => {
        created.forEach((unsubscribe) => unsubscribe());
        subscriptions.delete(sender);
      });
      byChannel = created;
    }
    if (!byChannel.has(channel)) {
      byChannel.set(
        channel,
        core.events.subscribe(channel, (payload) => sender.send(IPC_EVENT, channel, payload)),
      );
    }
    return true;
  });

  ipcMain.handle(IPC_UNSUBSCRIBE, (event, channel: unknown) => {
    if (!isEventChannel(channel)) return false;
    const byChannel = subscriptions.get(event.sender);
    byChannel?.get(channel)?.();
    byChannel?.delete(channel);
    return true;
  });

  return () => {
    [IPC_INVOKE, IPC_SUBSCRIBE, IPC_UNSUBSCRIBE].forEach((channel) => ipcMain.removeHandler(channel));
    subscriptions.forEach((byChannel) => byChannel.forEach((unsubscribe) => unsubscribe()));
  };
}
