/**
 * The Electron entry: boots the core with Electron's implementations of the shell-specific parts,
 * the local API server, and the window. Behaviour lives in the core; this file only wires.
 */
import { Notification, app, dialog, ipcMain, powerMonitor, safeStorage, type Tray } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiServer, type RunningServer } from './api/server';
import { createCore, type Core } from './core';
import { resolveDataDir } from './core/dataDir';
import { createConsoleLogger } from './core/logger';
import { registerIpcRouter } from './electron/ipcRouter';
import { openElectronSettings } from './electron/settingsStore';
import { createAppWindow } from './electron/window';
import { createSafeStorageCipher } from './electron/safeStorageCipher';
import { createTray } from './electron/tray';
import type { ScheduleNotification } from './core/scheduler/service';

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(outDir, '..', 'resources');

async function boot(): Promise<void> {
  const logger = createConsoleLogger();
  const dataDir = resolveDataDir(process.env.PARALLAX_DATA_DIR ? undefined : app.getPath('userData'));
  let core: Core;
  try {
    const settings = openElectronSettings(dataDir);
    const cipher = createSafeStorageCipher(safeStorage, process.platform, settings.get().vault.allow_plain_text_keyring);
    const notify = (n: ScheduleNotification) => {
      logger[n.kind === 'success' ? 'info' : 'warn'](`${n.title}: ${n.body}`);
      if (Notification.isSupported()) new Notification({ title: n.title, body: n.body }).show();
    };
    core = createCore({ dataDir, logger, settings, cipher, notify });
  } catch (error) {
    dialog.showErrorBox('Parallax cannot start', error instanceof Error ? error.message : String(error));
    app.exit(2);
    return;
  }
  const settings = core.settings.get();
  let server: RunningServer | undefined;
  try {
    server = await startApiServer({ core, host: settings.api.host, port: settings.api.port });
    logger.info(`local API on ${server.url}`);
  } catch (error) {
    logger.warn(`local API not started: ${error instanceof Error ? error.message : String(error)}`);
  }

  core.startBackground();
  // After sleep, missed slots run (per their catch-up policy) now rather than at the next timer tick.
  powerMonitor.on('resume', () => core.scheduler.wake());
  const applyLoginItem = () => app.setLoginItemSettings({ openAtLogin: core.settings.get().desktop.launch_at_login });
  applyLoginItem();
  core.events.subscribe('settings.changed', applyLoginItem);

  const main = createAppWindow(outDir, process.env.ELECTRON_RENDERER_URL);
  let tray: Tray | null = null;
  let quitting = false;
  // Closing the window hides it while schedules are enabled, so they keep running from the tray.
  main.window.on('close', (event) => {
    if (quitting || !core.settings.get().desktop.keep_running_in_tray || core.scheduler.store.enabledCount() === 0) return;
    event.preventDefault();
    main.window.hide();
    tray ??= createTray(
      resourcesDir,
      () => main.window.show(),
      () => app.quit(),
    );
  });
  const unregister = registerIpcRouter(ipcMain, core, main.isTrustedSender);

  app.on('second-instance', () => {
    if (main.window.isMinimized()) main.window.restore();
    main.window.show();
    main.window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Runs in flight are cancelled and written (with their partial text) before the store closes.
    event.preventDefault();
    quitting = true;
    unregister();
    tray?.destroy();
    void Promise.all([server?.close(), core.stopBackground(), core.engine.shutdown()]).finally(() => {
      core.close();
      app.exit(0);
    });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  void app.whenReady().then(boot);
}
