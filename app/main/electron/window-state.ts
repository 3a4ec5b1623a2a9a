import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

// The main window's size and place, kept across runs in userData. A monitor
// unplugged since last time must not leave the window off every screen, so a
// saved place is checked against the displays there are now.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_WINDOW = { width: 720, height: 480 };
/** How much of the window's top must be on a display for it to count as reachable (a title bar to grab). */
const GRAB = { width: 120, height: 32 };

function overlap(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const r = Math.min(a.x + a.width, b.x + b.width);
  const btm = Math.min(a.y + a.height, b.y + b.height);
  return r > x && btm > y ? { x, y, width: r - x, height: btm - y } : null;
}

/**
 * A state that fits the displays there are now (their work areas, primary
 * first): no bigger than the display it is on, wholly on it, and placed by the
 * system (no x, y) when no display shows its top edge any more.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const size = (area: Rect) => ({
    width: Math.max(Math.min(state.width, area.width), Math.min(MIN_WINDOW.width, area.width)),
    height: Math.max(Math.min(state.height, area.height), Math.min(MIN_WINDOW.height, area.height)),
  });
  if (state.x === undefined || state.y === undefined) return { maximized: state.maximized, ...size(primary) };
  const top: Rect = { x: state.x, y: state.y, width: state.width, height: Math.min(GRAB.height, state.height) };
  let best: { area: Rect; shown: number } | null = null;
  for (const area of workAreas) {
    const o = overlap(top, area);
    const shown = o ? o.width * o.height : 0;
    if (o && o.width >= Math.min(GRAB.width, state.width) && o.height >= Math.min(GRAB.height, state.height) && (!best || shown > best.shown)) best = { area, shown };
  }
  if (!best) return { maximized: state.maximized, ...size(primary) };
  const { area } = best;
  const s = size(area);
  const x = Math.min(Math.max(state.x, area.x), area.x + area.width - s.width);
  const y = Math.min(Math.max(state.y, area.y), area.y + area.height - s.height);
  return { x, y, ...s, maximized: state.maximized };
}

/** The saved state, or the default when there is none or it is not ours (a hand-edited or truncated file). */
export async function loadWindowState(file: string): Promise<WindowState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Written whole to a temporary file and renamed over the old one, so a crash mid-write leaves the old state, not half a file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const valid = WindowStateSchema.parse(state);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(valid)}\n`);
  await rename(tmp, file);
}

/** What to save from a window: its normal (unmaximised) bounds, so un-maximising next run restores the real size. */
export function stateFromWindow(normalBounds: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.max(1, Math.round(normalBounds.width)),
    height: Math.max(1, Math.round(normalBounds.height)),
    maximized,
  };
}
