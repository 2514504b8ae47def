import { BrowserWindow, shell, type IpcMainInvokeEvent } from 'electron';
import path from 'node:path';

export interface AppWindow {
  window: BrowserWindow;
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
}

const isSafeExternal = (url: string): boolean => /^https?:\/\//i.test(url);

/**
 * The one window: isolated, sandboxed, no Node in the renderer, no navigation away from the app,
 * no pop-ups (http links go to the system browser), and every permission request denied.
 */
export function createAppWindow(outDir: string, devServerUrl: string | undefined): AppWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Parallax',
    backgroundColor: '#111318',
    webPreferences: {
      preload: path.join(outDir, 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const appUrl = devServerUrl ?? `file://${path.join(outDir, 'renderer', 'index.html')}`;
  const appOrigin = new URL(appUrl).origin;
  const isAppUrl = (url: string) =>
    appOrigin === 'null' ? url.startsWith('file://') && url.split('#')[0] === appUrl : new URL(url).origin === appOrigin;

  const { webContents } = window;
  webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  webContents.session.setPermissionCheckHandler(() => false);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl);

  return {
    window,
    isTrustedSender: (event) =>
      event.sender === webContents &&
      event.senderFrame !== null &&
      event.senderFrame === webContents.mainFrame &&
      isAppUrl(event.senderFrame.url),
  };
}
