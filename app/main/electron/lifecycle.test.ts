import { describe, expect, it } from 'vitest';
import { aboutText, isCrash, MAX_RELOADS, mayReload, quitWhenAllClosed, RELOAD_WINDOW_MS } from './lifecycle';

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

describe('closing the last window', () => {
  it('quits without a tray, or when the main window closes with close-to-tray off', () => {
    expect(quitWhenAllClosed({ tray: false, closeToTray: true, lastClosed: 'main' })).toBe(true);
    expect(quitWhenAllClosed({ tray: true, closeToTray: false, lastClosed: 'main' })).toBe(true);
  });
  it('does not quit when the popup was the last window (a --hidden start), whatever close-to-tray says', () => {
    expect(quitWhenAllClosed({ tray: true, closeToTray: false, lastClosed: 'popup' })).toBe(false);
    expect(quitWhenAllClosed({ tray: true, closeToTray: true, lastClosed: 'popup' })).toBe(false);
  });
});

describe('about', () => {
  it('names every version', () => {
    const t = aboutText({ app: '0.1.0', electron: '45.4.1', chrome: '142.0', node: '22.20.0', v8: '14.2', os: 'Linux 6.1', collector: null });
    expect(t.message).toBe('Procyon 0.1.0');
    for (const s of ['Electron 45.4.1', 'Chromium 142.0', 'Node.js 22.20.0', 'V8 14.2', 'Collector: not loaded', 'OS: Linux 6.1']) expect(t.detail).toContain(s);
  });
});
