import { BrowserWindow, screen } from 'electron';
import { isCrash } from './lifecycle';
import { popupGeometry } from './popup-place';
import { hardenedPreferences, POPUP_HTML, POPUP_PRELOAD } from './window';
import type { Rect } from './window-state';

// The tray popup: the Overview tiles in a small window next to the tray icon
// (placed by the compositor on Wayland: popup-place.ts). It lives only while
// shown: losing focus closes it, which ends its page and so its IPC client
// and topics, so a closed popup costs nothing.

export interface Popup {
  toggle(trayBounds: Rect | null): void;
  close(): void;
  readonly window: BrowserWindow | null;
}

export function createPopup(opts: { wayland: boolean; onClosed(): void }): Popup {
  let win: BrowserWindow | null = null;
  // Clicking the tray icon while the popup is open blurs (closes) it first; that click must not reopen it.
  let closedAt = 0;

  const open = (trayBounds: Rect | null) => {
    const geometry = popupGeometry(opts.wayland, trayBounds, {
      cursor: () => screen.getCursorScreenPoint(),
      workAreaNear: (point) => screen.getDisplayNearestPoint(point).workArea,
    });
    const w = new BrowserWindow({
      ...geometry,
      show: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      title: 'Procyon overview',
      // Security keys repeated at the call site: see createMainWindow.
      webPreferences: { ...hardenedPreferences(POPUP_PRELOAD), sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
    });
    win = w;
    w.once('ready-to-show', () => {
      w.show();
      w.focus();
    });
    w.on('blur', () => {
      if (!w.isDestroyed()) w.close();
    });
    w.on('closed', () => {
      closedAt = Date.now();
      if (win === w) win = null;
      opts.onClosed();
    });
    // A crashed popup is simply gone; the next click opens a fresh one.
    w.webContents.on('render-process-gone', (_e, details) => {
      if (isCrash(details.reason) && !w.isDestroyed()) w.close();
    });
    void w.loadFile(POPUP_HTML);
  };

  return {
    toggle(trayBounds) {
      if (win && !win.isDestroyed()) win.close();
      else if (Date.now() - closedAt > 300) open(trayBounds);
    },
    close() {
      if (win && !win.isDestroyed()) win.close();
    },
    get window() {
      return win;
    },
  };
}
