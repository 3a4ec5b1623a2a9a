import type { Settings } from 'electron';

// Starting at login, with the window left closed (`--hidden`): Linux through
// an XDG autostart entry (Electron has no login-item API there), Windows and
// macOS through app.setLoginItemSettings. An unpackaged run (npm start) is
// Electron's binary with the app folder as its argument; a login start must
// pass that folder too, or it opens Electron's default app.

export const HIDDEN_FLAG = '--hidden';

export interface LaunchContext {
  platform: NodeJS.Platform;
  packaged: boolean;
  /** process.execPath: the app's executable, or Electron's when unpackaged. */
  execPath: string;
  /** app.getAppPath(): the app folder (or app.asar). */
  appPath: string;
  /** APPIMAGE: an AppImage runs from a temporary mount, so its own file is what starts it again. */
  appImage?: string | undefined;
}

/** The command a login start runs. */
export function loginCommand(c: LaunchContext): { exec: string; args: string[] } {
  if (c.platform === 'linux' && c.appImage) return { exec: c.appImage, args: [HIDDEN_FLAG] };
  return { exec: c.execPath, args: c.packaged ? [HIDDEN_FLAG] : [c.appPath, HIDDEN_FLAG] };
}

/**
 * What app.setLoginItemSettings is given. Windows runs `path` with `args`
 * (paths in quotes, as its docs ask). macOS registers the app bundle itself
 * and ignores args since Electron 44 (openAsHidden is gone too): a login
 * start is told there by getLoginItemSettings().wasOpenedAtLogin.
 */
export function loginItemSettings(on: boolean, c: LaunchContext): Settings {
  if (c.platform !== 'win32') return { openAtLogin: on };
  const { exec, args } = loginCommand(c);
  return { openAtLogin: on, path: exec, args: args.map((a) => (a.startsWith('--') ? a : `"${a}"`)) };
}

/** Whether this platform can start Procyon at login: macOS only packaged (an unpackaged run would register Electron.app). */
export function loginItemsSupported(c: Pick<LaunchContext, 'platform' | 'packaged'>): boolean {
  return c.platform === 'linux' || c.platform === 'win32' || (c.platform === 'darwin' && c.packaged);
}

/** Started by a login item: straight to the tray. */
export function startedHidden(argv: readonly string[], platform: NodeJS.Platform, wasOpenedAtLogin: () => boolean): boolean {
  return argv.includes(HIDDEN_FLAG) || (platform === 'darwin' && wasOpenedAtLogin());
}
