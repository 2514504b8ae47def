/**
 * The Electron entry: boots the core with Electron's implementations of the shell-specific parts,
 * the local API server, and the window. Behaviour lives in the core; this file only wires.
 */
import { app, dialog, ipcMain, safeStorage } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiServer, type RunningServer } from './api/server';
import { createCore, type Core } from './core';
import { resolveDataDir } from './core/dataDir';
import { createConsoleLogger } from './core/logger';
import { systemClock } from './core/clock';
import { startMaintenance } from './core/maintenance';
import { registerIpcRouter } from './electron/ipcRouter';
import { openElectronSettings } from './electron/settingsStore';
import { createAppWindow } from './electron/window';
import { createSafeStorageCipher } from './electron/safeStorageCipher';

const outDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

async function boot(): Promise<void> {
  const logger = createConsoleLogger();
  const dataDir = resolveDataDir(process.env.PARALLAX_DATA_DIR ? undefined : app.getPath('userData'));
  let core: Core;
  try {
    const settings = openElectronSettings(dataDir);
    const cipher = createSafeStorageCipher(safeStorage, process.platform, settings.get().vault.allow_plain_text_keyring);
    core = createCore({ dataDir, logger, settings, cipher });
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

  const main = createAppWindow(outDir, process.env.ELECTRON_RENDERER_URL);
  const unregister = registerIpcRouter(ipcMain, core, main.isTrustedSender);
  const stopMaintenance = startMaintenance({
    db: core.db,
    dataDir,
    settings: core.settings,
    clock: systemClock,
    logger,
    trash: core.runTrash,
  });

  app.on('second-instance', () => {
    if (main.window.isMinimized()) main.window.restore();
    main.window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    // Runs in flight are cancelled and written (with their partial text) before the store closes.
    event.preventDefault();
    quitting = true;
    unregister();
    stopMaintenance();
    void Promise.all([server?.close(), core.engine?.shutdown()]).finally(() => {
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
