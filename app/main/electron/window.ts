import { BrowserWindow, shell } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const RENDERER_INDEX = path.join(__dirname, '..', 'renderer', 'index.html');
export const POPUP_HTML = path.join(__dirname, '..', 'renderer', 'popup.html');
const PRELOAD = path.join(__dirname, '..', 'preload', 'preload.js');
export const POPUP_PRELOAD = path.join(__dirname, '..', 'preload', 'popup.js');

function isFileUrl(url: string, file: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && u.pathname === pathToFileURL(file).pathname;
  } catch {
    return false;
  }
}

/** Our page and nothing else: the exact file URL of the bundled index.html. */
export function isAppUrl(url: string): boolean {
  return isFileUrl(url, RENDERER_INDEX);
}

/** The tray popup's page: the exact file URL of the bundled popup.html. */
export function isPopupUrl(url: string): boolean {
  return isFileUrl(url, POPUP_HTML);
}

/** What every window of ours runs with; only the preload differs. */
export function hardenedPreferences(preload: string): Electron.WebPreferences {
  return {
    // Reviewed (electronegativity): each preload runs sandboxed and exposes only its API through contextBridge.
    preload, // eng-disable PRELOAD_JS_CHECK
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // A middle click would otherwise open a link in a new window without asking setWindowOpenHandler's rules first.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** The main window, at its saved place when there is one (x, y absent: the system places it). */
export function createMainWindow(place: { x?: number; y?: number; width: number; height: number } = { width: 1280, height: 820 }): BrowserWindow {
  const win = new BrowserWindow({
    ...place,
    minWidth: 720,
    minHeight: 480,
    title: 'Procyon',
    show: false,
    // The security keys are repeated where the window is made so that they are
    // visible here, to a reader and to electronegativity's static check.
    webPreferences: { ...hardenedPreferences(PRELOAD), sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
  });
  void win.loadFile(RENDERER_INDEX);
  return win;
}

/** Applied to every webContents: no navigation away, no new windows, no webviews. Links open in the browser. */
export function hardenContents(contents: Electron.WebContents): void {
  contents.on('will-navigate', (event, url) => {
    // A page may only reload itself: the popup cannot become the main page, nor the other way round.
    const here = contents.getURL();
    const same = (isAppUrl(url) && isAppUrl(here)) || (isPopupUrl(url) && isPopupUrl(here)) || (here === '' && (isAppUrl(url) || isPopupUrl(url)));
    if (!same) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Reviewed (electronegativity): only https URLs go to the system browser; file:, smb: and custom schemes never do.
    if (/^https:\/\//.test(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
}
