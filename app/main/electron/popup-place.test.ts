import { describe, expect, it } from 'vitest';
import { isWayland } from './display-server';
import { popupGeometry, popupPlace, POPUP_SIZE, type ScreenProbe } from './popup-place';

const work = { x: 0, y: 27, width: 1920, height: 1053 };
const size = { width: 420, height: 560 };

describe('popup placement', () => {
  it('opens below an icon on a top panel and above one on a bottom panel, inside the screen', () => {
    expect(popupPlace({ x: 1800, y: 0, width: 24, height: 24 }, { x: 0, y: 0 }, work, size)).toEqual({ x: 1500, y: 28 });
    expect(popupPlace({ x: 900, y: 1050, width: 30, height: 30 }, { x: 0, y: 0 }, { x: 0, y: 0, width: 1920, height: 1040 }, size)).toEqual({ x: 705, y: 480 });
  });
  it('uses the cursor where the tray reports no bounds (Linux)', () => {
    expect(popupPlace({ x: 0, y: 0, width: 0, height: 0 }, { x: 1700, y: 10 }, work, size)).toEqual({ x: 1490, y: 27 });
    expect(popupPlace(null, { x: 10, y: 1000 }, work, size)).toEqual({ x: 0, y: 436 });
  });

  it('on X11: a frameless panel on top, at the icon', () => {
    const probe: ScreenProbe = { cursor: () => ({ x: 1700, y: 10 }), workAreaNear: () => work };
    expect(popupGeometry(false, null, probe)).toEqual({ ...POPUP_SIZE, x: 1490, y: 27, frame: false, movable: false, alwaysOnTop: true });
  });

  it('on Wayland: asks nothing the compositor refuses, and has a frame to close it by', () => {
    const refused = () => {
      throw new Error('not supported on Wayland');
    };
    const g = popupGeometry(true, { x: 0, y: 0, width: 0, height: 0 }, { cursor: refused, workAreaNear: refused });
    expect(g).toEqual({ ...POPUP_SIZE, frame: true, movable: true });
    expect(g).not.toHaveProperty('x');
    expect(g).not.toHaveProperty('alwaysOnTop');
  });

  it('knows a Wayland session the way Electron 38+ picks its platform', () => {
    const linux = (env: NodeJS.ProcessEnv, ozonePlatform = '') => isWayland({ platform: 'linux', env, ozonePlatform });
    expect(linux({ XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' })).toBe(true);
    expect(linux({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
    expect(linux({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(linux({ XDG_SESSION_TYPE: 'wayland' }, 'x11')).toBe(false);
    expect(linux({ DISPLAY: ':0' }, 'wayland')).toBe(true);
    expect(isWayland({ platform: 'win32', env: { WAYLAND_DISPLAY: 'x' }, ozonePlatform: '' })).toBe(false);
  });
});
