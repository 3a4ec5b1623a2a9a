// Whether Electron runs on Wayland. Since Electron 38 it follows Chromium's
// `auto` choice on Linux: Wayland when the session is a Wayland one
// (XDG_SESSION_TYPE, else a WAYLAND_DISPLAY to talk to), unless
// --ozone-platform says otherwise (ELECTRON_OZONE_PLATFORM_HINT is gone).
// Wayland takes away what a tray popup leans on elsewhere: placing a window
// (x, y), keeping it on top, the cursor's position, and reliably taking focus.

export function isWayland(c: { platform: NodeJS.Platform; env: NodeJS.ProcessEnv; ozonePlatform: string }): boolean {
  if (c.platform !== 'linux') return false;
  if (c.ozonePlatform === 'wayland') return true;
  if (c.ozonePlatform === 'x11') return false;
  const session = c.env.XDG_SESSION_TYPE;
  return session ? session === 'wayland' : Boolean(c.env.WAYLAND_DISPLAY);
}
