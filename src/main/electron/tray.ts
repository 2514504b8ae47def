import { Menu, Tray, app, nativeImage } from 'electron';
import path from 'node:path';

/** The tray icon that keeps Parallax reachable while it runs schedules with no window open. */
export function createTray(resourcesDir: string, open: () => void, quit: () => void): Tray {
  const icon = nativeImage.createFromPath(path.join(resourcesDir, 'trayTemplate.png'));
  if (process.platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  tray.setToolTip('Parallax: scheduled checks are running');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Parallax', click: open },
      { type: 'separator' },
      { label: `Quit ${app.getName()}`, click: quit },
    ]),
  );
  tray.on('click', open);
  return tray;
}
