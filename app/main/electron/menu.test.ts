import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from './menu';

const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flat(i.submenu) : [])]);

describe('application menu', () => {
  it('has the usual roles, About, and developer tools only when asked for', () => {
    let about = 0;
    const linux = appMenuTemplate({ isMac: false, devTools: false, onAbout: () => about++, onShowPopup: () => {} });
    const roles = flat(linux).map((i) => i.role).filter(Boolean);
    for (const r of ['close', 'quit', 'editMenu', 'reload', 'forceReload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help']) expect(roles).toContain(r);
    expect(roles).not.toContain('toggleDevTools');
    const aboutItem = flat(linux).find((i) => i.label === 'About Procyon');
    (aboutItem?.click as () => void)();
    expect(about).toBe(1);
    expect(flat(appMenuTemplate({ isMac: false, devTools: true, onAbout: () => {}, onShowPopup: () => {} })).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('on macOS puts About and Quit in the app menu, as the platform does', () => {
    const mac = appMenuTemplate({ isMac: true, devTools: false, onAbout: () => {}, onShowPopup: () => {} });
    expect(mac[0]?.label).toBe('Procyon');
    const first = mac[0]?.submenu as MenuItemConstructorOptions[];
    expect(first[0]?.label).toBe('About Procyon');
    expect(first.at(-1)?.role).toBe('quit');
    // Quit appears once: not again under File.
    expect(flat(mac).filter((i) => i.role === 'quit')).toHaveLength(1);
  });
});
