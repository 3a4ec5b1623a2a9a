import type { BrowserWindowConstructorOptions } from 'electron';
import type { Rect } from './window-state';

// Where the tray popup opens and what kind of window it is. On X11, Windows
// and macOS it is a frameless, always-on-top panel next to the tray icon that
// closes when it loses focus. Wayland lets a client neither place a window
// nor keep it on top, has no cursor position to give, and may refuse it focus
// (so no blur ever closes it): there the compositor places it and it gets a
// frame of its own, to be moved and closed like any window.

export const POPUP_SIZE = { width: 420, height: 560 };

export interface Point {
  x: number;
  y: number;
}

/** What placing the popup asks of Electron's screen module; never asked on Wayland, where it is not supported. */
export interface ScreenProbe {
  cursor(): Point;
  workAreaNear(point: Point): Rect;
}

/**
 * Under (or above) the tray icon, inside the work area. Linux's tray reports
 * no icon bounds (all zero): then the cursor, which is where the user just
 * clicked, stands in for them.
 */
export function popupPlace(tray: Rect | null, cursor: Point, workArea: Rect, size: { width: number; height: number }): Point {
  const anchor = tray && tray.width > 0 && tray.height > 0 ? tray : { x: cursor.x, y: cursor.y, width: 0, height: 0 };
  const centre = anchor.x + anchor.width / 2;
  let x = Math.round(centre - size.width / 2);
  // A panel at the top: open below the icon; at the bottom: above it.
  const below = anchor.y + anchor.height / 2 < workArea.y + workArea.height / 2;
  let y = below ? anchor.y + anchor.height + 4 : anchor.y - size.height - 4;
  x = Math.min(Math.max(x, workArea.x), workArea.x + workArea.width - size.width);
  y = Math.min(Math.max(y, workArea.y), workArea.y + workArea.height - size.height);
  return { x, y };
}

/** The popup's size, place and frame (the rest of its options are the same everywhere). */
export function popupGeometry(wayland: boolean, trayBounds: Rect | null, screen: ScreenProbe): BrowserWindowConstructorOptions {
  if (wayland) return { ...POPUP_SIZE, frame: true, movable: true };
  const cursor = screen.cursor();
  const anchor = trayBounds && trayBounds.width > 0 && trayBounds.height > 0 ? { x: trayBounds.x, y: trayBounds.y } : cursor;
  return { ...POPUP_SIZE, ...popupPlace(trayBounds, cursor, screen.workAreaNear(anchor), POPUP_SIZE), frame: false, movable: false, alwaysOnTop: true };
}
