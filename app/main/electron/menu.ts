import type { MenuItemConstructorOptions } from 'electron';

// The application menu: the platform's usual roles (they bring their own
// labels and shortcuts: Ctrl/Cmd+W, +Q, +R, +0/+/-, F11…) and About.

export interface AppMenuOptions {
  isMac: boolean;
  /** Developer tools only in a development build: a packaged app has no use for them. */
  devTools: boolean;
  onAbout(): void;
  onShowPopup(): void;
}

export function appMenuTemplate(o: AppMenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'About Procyon', click: () => o.onAbout() };
  return [
    ...(o.isMac
      ? [
          {
            label: 'Procyon',
            submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: 'File',
      submenu: [{ label: 'Quick Overview', accelerator: 'CmdOrCtrl+Shift+O', click: () => o.onShowPopup() }, { type: 'separator' }, { role: 'close' }, ...(o.isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }])],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        ...(o.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: o.isMac ? [] : [about] },
  ];
}
