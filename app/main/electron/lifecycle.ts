import type { Rect } from './window-state';

// The pure parts of the app's lifecycle: when a crashed page is reloaded,
// where the popup goes, what About says. main.ts does the Electron calls.

/** Reloads allowed per window within RELOAD_WINDOW_MS; past that, a page that crashes on load would spin forever. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

/** Whether a crash at `now` may reload the page, given the times of earlier reloads (pruned in place to the window). */
export function mayReload(reloads: number[], now: number): boolean {
  while (reloads.length > 0 && now - reloads[0]! > RELOAD_WINDOW_MS) reloads.shift();
  if (reloads.length >= MAX_RELOADS) return false;
  reloads.push(now);
  return true;
}

/** Crash reasons that are not crashes: the page was closed or the app is going. */
export function isCrash(reason: string): boolean {
  return reason !== 'clean-exit';
}

/**
 * Where the popup opens: under (or above) the tray icon, inside the work area.
 * Linux's AppIndicator reports no icon bounds (all zero): then the cursor,
 * which is where the user just clicked, stands in for them.
 */
export function popupPlace(tray: Rect | null, cursor: { x: number; y: number }, workArea: Rect, size: { width: number; height: number }): { x: number; y: number } {
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

export interface Versions {
  app: string;
  electron: string;
  chrome: string;
  node: string;
  v8: string;
  os: string;
  collector: string | null;
}

export function aboutText(v: Versions): { message: string; detail: string } {
  return {
    message: `Procyon ${v.app}`,
    detail: [
      'A system monitor and process manager.',
      '',
      `Electron ${v.electron}`,
      `Chromium ${v.chrome}`,
      `Node.js ${v.node}`,
      `V8 ${v.v8}`,
      `Collector: ${v.collector ?? 'not loaded'}`,
      `OS: ${v.os}`,
    ].join('\n'),
  };
}

/**
 * Linux has no login-item API in Electron: the XDG autostart entry is the
 * desktop-independent way. An AppImage must be started through its file
 * (APPIMAGE), not the binary inside its temporary mount.
 */
export function autostartEntry(exec: string): string {
  const quoted = /[\s"'\\$`]/.test(exec) ? `"${exec.replace(/(["\\$`])/g, '\\$1')}"` : exec;
  return ['[Desktop Entry]', 'Type=Application', 'Name=Procyon', 'Comment=System monitor', `Exec=${quoted} --hidden`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
