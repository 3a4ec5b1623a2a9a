// Who the app is to the desktop. One id serves three systems, which must
// agree: electron-builder's appId (electron-builder.yml), the Linux desktop
// name (package.json desktopName: the .desktop file's name, and what Electron
// makes the window's Wayland app_id and X11 WM_CLASS) and the Windows
// AppUserModelID, which a notification and the Start-menu shortcut share.
// packaged-app.test.ts holds the three together.

export const APP_ID = 'dev.procyon.monitor';
