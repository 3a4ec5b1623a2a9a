// Who the app is to the desktop. One id serves three systems, which must
// agree: electron-builder's appId (electron-builder.yml), the Linux desktop
// name (package.json desktopName: the .desktop file's name, and what Electron
// makes the window's Wayland app_id and X11 WM_CLASS) and the Windows
// AppUserModelID, which a notification and the Start-menu shortcut share.
// packaged-app.test.ts holds the three together.

export const APP_ID = 'dev.procyon.monitor';

/**
 * Windows shows a notification, and groups the taskbar button, under the
 * AppUserModelID: unset, it is Electron's, and a notification's click does
 * not reach the app. It must be the installer's (electron-builder sets appId on the shortcut).
 */
export function applyAppIdentity(app: { setAppUserModelId(id: string): void }, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
