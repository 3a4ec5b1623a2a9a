import { isLive } from '@procyon/collector';
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, screen, session } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startHost, type Host } from '../core/host';
import { bindIpc, type IpcBinding, type IpcMainLike } from './ipc';
import { isWayland } from './display-server';
import { applyAppIdentity } from './identity';
import { windowPolicy } from './ipc-policy';
import { announceReady } from './launcher';
import { aboutText, autostartEntry, isCrash, mayReload, quitWhenAllClosed } from './lifecycle';
import { loginCommand, loginItemSettings, loginItemsSupported, startedHidden, type LaunchContext } from './login-items';
import { appMenuTemplate } from './menu';
import { NotificationKeeper, NotificationRateLimit } from './notifications';
import { createPopup, type Popup } from './popup';
import { createTray, type AppTray } from './tray';
import type { TrayView } from './tray-feed';
import { createMainWindow, hardenContents, isAppUrl, isPopupUrl } from './window';
import { revealOnFirstPaint, type Revealer } from './window-reveal';
import { fitToDisplays, loadWindowState, saveWindowState, stateFromWindow } from './window-state';
import { trackVisibility } from './window-visibility';

app.enableSandbox();
applyAppIdentity(app, process.platform);

const wayland = isWayland({ platform: process.platform, env: process.env, ozonePlatform: app.commandLine.getSwitchValue('ozone-platform') });

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
  let revealer: Revealer | null = null;
  /** Which window closed last, for window-all-closed: the popup closing must not quit. */
  let lastClosed: 'main' | 'popup' | null = null;
  let quitting = false;
  const notifications = new NotificationKeeper<Notification>();
  const notificationLimit = new NotificationRateLimit();
  const reloads: number[] = [];
  const windowStateFile = () => path.join(app.getPath('userData'), 'window-state.json');
  const autostartFile = path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'autostart', 'procyon.desktop');
  const launch = (): LaunchContext => ({ platform: process.platform, packaged: app.isPackaged, execPath: process.execPath, appPath: app.getAppPath(), appImage: process.env.APPIMAGE });

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
    // Shown on its first paint, maximised then if it was left so (maximize() shows the window: never before the paint).
    revealer = revealOnFirstPaint(win, { maximized: state.maximized });
    const id = win.webContents.id;

    // Minimised or hidden (closed to the tray), the page's topics are held back: only what the tray shows is sampled.
    trackVisibility(win, { wayland }, (v) => void binding?.setVisible(id, v));

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
      lastClosed = 'main';
      if (mainWindow === win) {
        mainWindow = null;
        revealer = null;
      }
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

  async function showMain(): Promise<void> {
    if (!mainWindow || mainWindow.isDestroyed()) await openMainWindow();
    revealer?.reveal();
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
  async function applyStartAtLogin(on: boolean): Promise<void> {
    if (process.platform === 'linux') {
      if (on) {
        await mkdir(path.dirname(autostartFile), { recursive: true });
        await writeFile(autostartFile, autostartEntry(loginCommand(launch())));
      } else await rm(autostartFile, { force: true });
    } else app.setLoginItemSettings(loginItemSettings(on, launch()));
  }

  app.on('second-instance', () => void showMain());
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    // With the tray, Procyon lives on after its last window (closeToTray) and always after the popup; without one, closing the window quits.
    if (quitWhenAllClosed({ tray: tray !== null, closeToTray: host?.settings.get().closeToTray ?? false, lastClosed })) app.quit();
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

    // No roots of its own: the collector reads PROCYON_PROCFS / PROCYON_SYSFS itself, and native.isLive says which it is.
    const h = await startHost({ transport: 'electron', settingsFile: path.join(app.getPath('userData'), 'settings.json') });
    host = h;
    binding = bindIpc(ipcMain as unknown as IpcMainLike, h.connect, { readOnly: h.readOnly }, windowPolicy(isAppUrl, isPopupUrl));
    popup = createPopup({
      wayland,
      onClosed: () => {
        lastClosed = 'popup';
      },
    });

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
      const body = notificationLimit.admit(event.message, Date.now());
      if (body === null) return;
      const n = new Notification({ title: 'Procyon', body });
      n.on('click', () => void showMain());
      // Held until clicked or closed: a notification nothing references can be collected, and its click lost.
      notifications.show(n);
      e2e?.notifications.push({ title: 'Procyon', body });
    });

    if (!h.unavailable) {
      try {
        tray = await createTray({
          api: h.connect(),
          // Under a captured tree no action can reach a process (its pids are not this machine's): none is offered.
          readOnly: h.readOnly || !isLive(),
          showMain: () => void showMain(),
          togglePopup: (bounds) => popup?.toggle(bounds),
          startAtLogin: () => h.settings.get().startAtLogin,
          startAtLoginSupported: loginItemsSupported(launch()),
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

    // Started by the login item: straight to the tray (macOS passes no arguments to a login item; it says so itself).
    const hidden = startedHidden(process.argv, process.platform, () => app.getLoginItemSettings().wasOpenedAtLogin);
    if (!hidden || !tray) await showMain();

    app.on('activate', () => void showMain());
    announceReady(process.env, (line) => process.stdout.write(line));
  }).catch((err: unknown) => {
    // A start that cannot complete (a settings file that is a FIFO or a folder, a port of the host's own) says why
    // in a dialog a person sees and quits with a failure status, instead of an unhandled rejection and no window.
    const message = err instanceof Error ? err.message : String(err);
    console.error(`procyon: cannot start: ${message}`);
    dialog.showErrorBox('Procyon cannot start', message);
    app.exit(1);
  });
}
