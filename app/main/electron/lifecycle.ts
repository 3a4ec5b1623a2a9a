// The pure parts of the app's lifecycle: when a crashed page is reloaded,
// when closing the last window quits, what About says, the autostart entry.
// main.ts does the Electron calls.

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
 * Whether closing the last window quits. Without a tray, always. With one,
 * only when it was the main window that closed (close-to-tray off; with it
 * on, the main window hides instead of closing): the tray popup is often the
 * only window (after a --hidden start), and closing it must not end the app.
 */
export function quitWhenAllClosed(s: { tray: boolean; closeToTray: boolean; lastClosed: 'main' | 'popup' | null }): boolean {
  return !s.tray || (s.lastClosed === 'main' && !s.closeToTray);
}

/** One argument of a .desktop Exec line, quoted where the Desktop Entry spec asks. */
function execArg(arg: string): string {
  return /[\s"'\\$`]/.test(arg) ? `"${arg.replace(/(["\\$`])/g, '\\$1')}"` : arg;
}

/** The XDG autostart entry that runs `command` at login (login-items.ts decides the command). */
export function autostartEntry(command: { exec: string; args: readonly string[] }): string {
  const exec = [command.exec, ...command.args].map(execArg).join(' ');
  return ['[Desktop Entry]', 'Type=Application', 'Name=Procyon', 'Comment=System monitor', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n');
}
