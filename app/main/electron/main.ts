import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, screen, session } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHost, type Host } from '../core/host';
import { bindIpc, type IpcBinding, type IpcMainLike } from './ipc';
import { windowPolicy } from './ipc-policy';
import { aboutText, autostartEntry, isCrash, mayReload } from './lifecycle';
import { appMenuTemplate } from './menu';
import { createPopup, type Popup } from './popup';
import { createTray, type AppTray } from './tray';
import type { TrayView } from './tray-feed';
import { createMainWindow, hardenContents, isAppUrl, isPopupUrl } from './window';
import { fitToDisplays, loadWindowState, saveWindowState, stateFromWindow } from './window-state';

app.enableSandbox();

/** Started by the login item: straight to the tray, no window. */
const startHidden = process.argv.includes('--hidden');

/**
 * What the Electron suite (e2e/electron) reads from the main process where no
 * UI can be driven: the tray's state and the notifications shown. Set only
 * with PROCYON_E2E=1.
 */
export interface E2eHooks {
  trayView(): TrayView | null;
  trayMenu(): string[];
  togglePopup(): void;
  notifications: { title: string; body: string }[];
}
const e2e: E2eHooks | null = process.env.PROCYON_E2E === '1' ? { trayView: () => null, trayMenu: () => [], togglePopup: () => {}, notifications: [] } : null;
if (e2e) (globalThis as { procyonE2e?: E2eHooks }).procyonE2e = e2e;

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (its 'second-instance' shows the window) and goes.
  app.quit();
} else {
  let host: Host | null = null;
  let binding: IpcBinding | null = null;
  let tray: AppTray | null = null;
  let popup: Popup | null = null;
  let mainWindow: BrowserWindow | null = null;
  let quitting = false;
  const reloads: number[] = [];
  const windowStateFile = () => path.join(app.getPath('userData'), 'window-state.json');
  const autostartFile = path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'autostart', 'procyon.desktop');

  const saveWindow = (win: BrowserWindow) => {
    if (win.isDestroyed()) return Promise.resolve();
    return saveWindowState(windowStateFile(), stateFromWindow(win.getNormalBounds(), win.isMaximized())).catch((err: unknown) =>
      console.warn('procyon: window state not saved:', err instanceof Error ? err.message : err),
    );
  };

  async function openMainWindow(): Promise<BrowserWindow> {
    const saved = await loadWindowState(windowStateFile());
    const areas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
    const state = fitToDisplays(saved, areas);
    const win = createMainWindow(state);
    mainWindow = win;
    const id = win.webContents.id;
    if (state.maximized) win.maximize();

    // Minimised or hidden (closed to the tray), the page's topics are held back: only what the tray shows is sampled.
    const visible = (v: boolean) => void binding?.setVisible(id, v);
    win.on('minimize', () => visible(false));
    win.on('hide', () => visible(false));
    win.on('restore', () => visible(true));
    win.on('show', () => visible(!win.isMinimized()));

    let saveTimer: NodeJS.Timeout | null = null;
    const saveSoon = () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void saveWindow(win), 500);
    };
    win.on('resize', saveSoon);
    win.on('move', saveSoon);
    win.on('maximize', saveSoon);
    win.on('unmaximize', saveSoon);

    win.on('close', (event) => {
      if (saveTimer) clearTimeout(saveTimer);
      void saveWindow(win);
      if (!quitting && tray && host?.settings.get().closeToTray) {
        event.preventDefault();
        win.hide();
      }
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });

    // A crashed page reloads; the settings live in the host and the page's own in localStorage, so nothing is lost.
    win.webContents.on('render-process-gone', (_event, details) => {
      if (!isCrash(details.reason) || win.isDestroyed()) return;
      console.error(`procyon: the window's page ended (${details.reason}, exit code ${details.exitCode})`);
      if (mayReload(reloads, Date.now())) win.webContents.reload();
      else void dialog.showMessageBox(win, { type: 'error', title: 'Procyon', message: 'The window keeps crashing', detail: `Reason: ${details.reason}. It was reloaded ${reloads.length} times in the last minute.` });
    });
    win.webContents.on('unresponsive', () => console.warn('procyon: the window is not responding'));
    return win;
  }

  // Shown on its first paint, not before (no white flash); a show asked for earlier waits for it.
  const painted = new WeakSet<BrowserWindow>();
  const revealOnPaint = new WeakSet<BrowserWindow>();

  async function showMain(): Promise<void> {
    let win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
    if (!win) {
      const w = await openMainWindow();
      w.once('ready-to-show', () => {
        painted.add(w);
        if (revealOnPaint.has(w)) reveal(w);
      });
      win = w;
    }
    if (win.isMinimized()) win.restore();
    if (painted.has(win)) reveal(win);
    else revealOnPaint.add(win);
  }

  function reveal(win: BrowserWindow): void {
    if (win.isDestroyed()) return;
    win.show();
    win.focus();
  }

  function showAbout(): void {
    const { message, detail } = aboutText({
      app: app.getVersion(),
      electron: process.versions.electron ?? '?',
      chrome: process.versions.chrome ?? '?',
      node: process.versions.node,
      v8: process.versions.v8,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      collector: host?.unavailable ? null : `native, Node-API ${process.versions.napi ?? '?'}`,
    });
    const parent = BrowserWindow.getFocusedWindow();
    const options = { type: 'info' as const, title: 'About Procyon', message, detail, buttons: ['OK'] };
    void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  }

  // macOS and Windows have login items; on Linux it is the XDG autostart entry.
  const loginItemsSupported = process.platform === 'darwin' || process.platform === 'win32' || process.platform === 'linux';
  async function applyStartAtLogin(on: boolean): Promise<void> {
    if (process.platform === 'linux') {
      if (on) {
        await mkdir(path.dirname(autostartFile), { recursive: true });
        await writeFile(autostartFile, autostartEntry(process.env.APPIMAGE ?? process.execPath));
      } else await rm(autostartFile, { force: true });
    } else app.setLoginItemSettings({ openAtLogin: on, args: ['--hidden'] });
  }

  app.on('second-instance', () => void showMain());
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // With the tray, Procyon lives on after its last window (closeToTray); without one, closing the window quits.
    if (!tray || !host?.settings.get().closeToTray) app.quit();
  });
  app.on('will-quit', () => {
    tray?.destroy();
    tray = null;
    host?.stop();
  });

  void app.whenReady().then(async () => {
    // Nothing the page asks for (camera, notifications, geolocation…) is granted; notifications come from main.
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    const roots = {
      ...(process.env.PROCYON_PROCFS && { procfs: process.env.PROCYON_PROCFS }),
      ...(process.env.PROCYON_SYSFS && { sysfs: process.env.PROCYON_SYSFS }),
    };
    const h = await startHost({ roots, transport: 'electron', settingsFile: path.join(app.getPath('userData'), 'settings.json') });
    host = h;
    binding = bindIpc(ipcMain as unknown as IpcMainLike, h.connect, { readOnly: h.readOnly }, windowPolicy(isAppUrl, isPopupUrl));
    popup = createPopup();

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate({ isMac: process.platform === 'darwin', devTools: !app.isPackaged, onAbout: showAbout, onShowPopup: () => popup?.toggle(null) })),
    );

    let startAtLogin = h.settings.get().startAtLogin;
    const syncLogin = (on: boolean) =>
      applyStartAtLogin(on).catch((err: unknown) => console.warn('procyon: start at login not changed:', err instanceof Error ? err.message : err));
    await syncLogin(startAtLogin);
    h.settings.onChange((s) => {
      if (s.startAtLogin !== startAtLogin) void syncLogin(s.startAtLogin);
      startAtLogin = s.startAtLogin;
    });

    h.alerts.onAlert((event) => {
      if (event.state !== 'firing' || !Notification.isSupported()) return;
      const n = new Notification({ title: 'Procyon', body: event.message });
      e2e?.notifications.push({ title: 'Procyon', body: event.message });
      n.on('click', () => void showMain());
      n.show();
    });

    if (!h.unavailable) {
      try {
        tray = await createTray({
          api: h.connect(),
          readOnly: h.readOnly,
          showMain: () => void showMain(),
          togglePopup: (bounds) => popup?.toggle(bounds),
          startAtLogin: () => h.settings.get().startAtLogin,
          startAtLoginSupported: loginItemsSupported,
          setStartAtLogin: (on) => void h.settings.update({ startAtLogin: on }).catch((err: unknown) => console.warn('procyon: setting not saved:', err)),
          quit: () => app.quit(),
        });
      } catch (err) {
        // A desktop without a status area: Procyon works as a plain window app.
        console.warn('procyon: no tray:', err instanceof Error ? err.message : err);
      }
    }

    if (e2e) {
      e2e.togglePopup = () => popup?.toggle(null);
      e2e.trayView = () => tray?.view() ?? null;
      e2e.trayMenu = () => tray?.menuLabels() ?? [];
    }

    if (!startHidden || !tray) await showMain();

    app.on('activate', () => void showMain());
  });
}
