import { describe, expect, it } from 'vitest';
import { aboutText, autostartEntry, isCrash, MAX_RELOADS, mayReload, popupPlace, RELOAD_WINDOW_MS } from './lifecycle';

describe('crash reloads', () => {
  it('reloads a crashed page, but not a fourth time within a minute', () => {
    const reloads: number[] = [];
    for (let i = 0; i < MAX_RELOADS; i++) expect(mayReload(reloads, 1000 + i)).toBe(true);
    expect(mayReload(reloads, 2000)).toBe(false);
    // A minute after the first, the budget has room again.
    expect(mayReload(reloads, 1000 + RELOAD_WINDOW_MS + 1)).toBe(true);
    expect(reloads).toHaveLength(MAX_RELOADS);
    expect(isCrash('crashed')).toBe(true);
    expect(isCrash('oom')).toBe(true);
    expect(isCrash('clean-exit')).toBe(false);
  });
});

describe('popup placement', () => {
  const work = { x: 0, y: 27, width: 1920, height: 1053 };
  const size = { width: 420, height: 560 };
  it('opens below an icon on a top panel and above one on a bottom panel, inside the screen', () => {
    expect(popupPlace({ x: 1800, y: 0, width: 24, height: 24 }, { x: 0, y: 0 }, work, size)).toEqual({ x: 1500, y: 28 });
    expect(popupPlace({ x: 900, y: 1050, width: 30, height: 30 }, { x: 0, y: 0 }, { x: 0, y: 0, width: 1920, height: 1040 }, size)).toEqual({ x: 705, y: 480 });
  });
  it('uses the cursor where the tray reports no bounds (Linux)', () => {
    expect(popupPlace({ x: 0, y: 0, width: 0, height: 0 }, { x: 1700, y: 10 }, work, size)).toEqual({ x: 1490, y: 27 });
    expect(popupPlace(null, { x: 10, y: 1000 }, work, size)).toEqual({ x: 0, y: 436 });
  });
});

describe('about and autostart', () => {
  it('names every version', () => {
    const t = aboutText({ app: '0.1.0', electron: '45.4.1', chrome: '142.0', node: '22.20.0', v8: '14.2', os: 'Linux 6.1', collector: null });
    expect(t.message).toBe('Procyon 0.1.0');
    for (const s of ['Electron 45.4.1', 'Chromium 142.0', 'Node.js 22.20.0', 'V8 14.2', 'Collector: not loaded', 'OS: Linux 6.1']) expect(t.detail).toContain(s);
  });
  it('writes an XDG autostart entry that survives spaces and quotes in the path', () => {
    expect(autostartEntry('/opt/Procyon/procyon')).toContain('\nExec=/opt/Procyon/procyon --hidden\n');
    expect(autostartEntry('/home/a b/Procyon "x".AppImage')).toContain('\nExec="/home/a b/Procyon \\"x\\".AppImage" --hidden\n');
    expect(autostartEntry('/x')).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Procyon\n/);
  });
});
