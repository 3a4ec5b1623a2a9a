import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState, stateFromWindow } from './window-state';

const LAPTOP = { x: 0, y: 0, width: 1920, height: 1050 };
const RIGHT = { x: 1920, y: 0, width: 2560, height: 1410 };

describe('fitToDisplays', () => {
  it('keeps a window that is on a display as it was', () => {
    const s = { x: 2100, y: 100, width: 1400, height: 900, maximized: false };
    expect(fitToDisplays(s, [LAPTOP, RIGHT])).toEqual(s);
  });

  it('lets the system place a window whose display was unplugged', () => {
    expect(fitToDisplays({ x: 2100, y: 100, width: 1400, height: 900, maximized: true }, [LAPTOP])).toEqual({ width: 1400, height: 900, maximized: true });
  });

  it('shrinks a window bigger than its display and pulls it wholly onto it', () => {
    expect(fitToDisplays({ x: 1700, y: 10, width: 3000, height: 2000, maximized: false }, [LAPTOP])).toEqual({ x: 0, y: 0, width: 1920, height: 1050, maximized: false });
    expect(fitToDisplays({ x: 1500, y: 600, width: 800, height: 600, maximized: false }, [LAPTOP])).toEqual({ x: 1120, y: 450, width: 800, height: 600, maximized: false });
  });

  it('counts a window as lost when only a sliver of its title bar shows', () => {
    expect(fitToDisplays({ x: 1900, y: 100, width: 800, height: 600, maximized: false }, [LAPTOP])).toEqual({ width: 800, height: 600, maximized: false });
    expect(fitToDisplays({ x: 100, y: 1040, width: 800, height: 600, maximized: false }, [LAPTOP])).toEqual({ width: 800, height: 600, maximized: false });
  });

  it('picks the display showing most of the title bar', () => {
    const s = fitToDisplays({ x: 1800, y: 50, width: 1000, height: 700, maximized: false }, [LAPTOP, RIGHT]);
    expect(s).toEqual({ x: 1920, y: 50, width: 1000, height: 700, maximized: false });
  });

  it('never goes below the minimum size unless the display itself is smaller', () => {
    expect(fitToDisplays({ width: 300, height: 200, maximized: false }, [LAPTOP])).toEqual({ width: 720, height: 480, maximized: false });
    expect(fitToDisplays({ width: 1280, height: 820, maximized: false }, [{ x: 0, y: 0, width: 640, height: 400 }])).toEqual({ width: 640, height: 400, maximized: false });
  });
});

describe('window state file', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('round-trips, and writes no temporary file beside it', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'procyon-ws-'));
    const file = path.join(dir, 'nested', 'window-state.json');
    const s = stateFromWindow({ x: 10.4, y: 20.6, width: 1000.2, height: 700 }, true);
    expect(s).toEqual({ x: 10, y: 21, width: 1000, height: 700, maximized: true });
    await saveWindowState(file, s);
    expect(await loadWindowState(file)).toEqual(s);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.dirname(file))).toEqual(['window-state.json']);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(s);
  });

  it('falls back to the default for a missing, truncated or foreign file', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'procyon-ws-'));
    const file = path.join(dir, 'window-state.json');
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(file, '{"x": 1, "width": 8');
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(file, JSON.stringify({ width: -5, height: 'tall', maximized: false }));
    expect(await loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('refuses to save a state that is not one', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'procyon-ws-'));
    await expect(saveWindowState(path.join(dir, 'w.json'), { width: Number.NaN, height: 1, maximized: false })).rejects.toThrow();
  });
});
