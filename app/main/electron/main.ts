import { app, BrowserWindow, ipcMain, session } from 'electron';
import { startHost, type Host } from '../core/host';
import { bindIpc, type IpcMainLike } from './ipc';
import { createMainWindow, hardenContents, isAppUrl } from './window';

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let host: Host | null = null;

  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  app.on('window-all-closed', () => {
    // The tray (a later issue) will keep Procyon alive here; until then closing the window quits.
    host?.stop();
    app.quit();
  });

  void app.whenReady().then(async () => {
    // Nothing the page asks for (camera, notifications, geolocation…) is granted.
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    const roots = {
      ...(process.env.PROCYON_PROCFS && { procfs: process.env.PROCYON_PROCFS }),
      ...(process.env.PROCYON_SYSFS && { sysfs: process.env.PROCYON_SYSFS }),
    };
    host = await startHost({ roots, transport: 'electron' });
    bindIpc(ipcMain as unknown as IpcMainLike, host.connect, { readOnly: host.readOnly }, isAppUrl);
    createMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
    });
  });
}
