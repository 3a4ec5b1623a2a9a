import type { RgbaBitmap } from './png';

// The tray icon, drawn from numbers each tick: a badge with the recent CPU
// history as columns (newest on the right) and memory as one bar. Pure, so its
// pixels are tested without Electron. An opaque dark badge with a light rim
// reads on light and dark panels alike; nothing depends on the panel's colour.

export interface TrayIconInput {
  /** Icon edge in pixels (16, 22, 32, 44…). */
  size: number;
  /** Recent total CPU %, oldest first; null for a tick without a CPU reading. Only as many as there are columns are drawn. */
  cpuHistory: readonly (number | null)[];
  memoryPercent: number;
  /** Updates paused: the same shape in grey, so the frozen state is visible. */
  paused?: boolean;
}

type Rgba = readonly [number, number, number, number];

export const TRAY_COLORS = {
  badge: [0x10, 0x21, 0x3a, 0xff],
  rim: [0x8a, 0xa0, 0xbf, 0xff],
  track: [0x24, 0x3b, 0x5c, 0xff],
  cpu: [0x5e, 0xea, 0xd4, 0xff],
  memory: [0xfb, 0xbf, 0x24, 0xff],
  paused: [0x9c, 0xa3, 0xaf, 0xff],
} as const satisfies Record<string, Rgba>;

/** Where things go at a given size; exported so tests can check pixels by region. */
export interface TrayLayout {
  rim: number;
  radius: number;
  /** The plot area inside the rim: [x0, x1) × [y0, y1). */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** CPU columns [x0, cpuX1); memory bar [memX0, x1). */
  cpuX1: number;
  memX0: number;
}

export function trayLayout(size: number): TrayLayout {
  if (!Number.isInteger(size) || size < 12 || size > 512) throw new RangeError(`tray icon size must be an integer from 12 to 512, got ${size}`);
  const rim = Math.max(1, Math.floor(size / 16));
  // One pixel of badge between rim and plot from 22 px up, so the bars do not touch the rim.
  const pad = size >= 22 ? rim : 0;
  const x0 = rim + pad;
  const x1 = size - rim - pad;
  const inner = x1 - x0;
  const memW = Math.max(3, Math.round(inner * 0.3));
  const gap = Math.max(1, Math.floor(size / 16));
  return { rim, radius: Math.max(2, Math.round(size / 6)), x0, x1, y0: x0, y1: x1, cpuX1: x1 - memW - gap, memX0: x1 - memW };
}

/** Pixels a value fills in a column of `height`: any non-zero load shows at least one. */
export function fillHeight(percent: number | null, height: number): number {
  if (percent === null || !Number.isFinite(percent) || percent <= 0) return 0;
  return Math.min(height, Math.max(1, Math.round((Math.min(percent, 100) / 100) * height)));
}

function insideRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  // Pixel centres, so a 16 px badge loses exactly its corner pixels.
  const px = x + 0.5;
  const py = y + 0.5;
  if (px < left || px > right || py < top || py > bottom) return false;
  const cx = Math.min(Math.max(px, left + r), right - r);
  const cy = Math.min(Math.max(py, top + r), bottom - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

export function renderTrayIcon(input: TrayIconInput): RgbaBitmap {
  const { size } = input;
  const L = trayLayout(size);
  const data = new Uint8Array(size * size * 4);
  const put = (x: number, y: number, c: Rgba) => data.set(c, (y * size + x) * 4);

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!insideRoundedRect(x, y, 0, 0, size, size, L.radius)) continue; // transparent
      const inBadge = insideRoundedRect(x, y, L.rim, L.rim, size - L.rim, size - L.rim, Math.max(1, L.radius - L.rim));
      put(x, y, inBadge ? TRAY_COLORS.badge : TRAY_COLORS.rim);
    }
  }

  const plotH = L.y1 - L.y0;
  const cpuColor = input.paused ? TRAY_COLORS.paused : TRAY_COLORS.cpu;
  const memColor = input.paused ? TRAY_COLORS.paused : TRAY_COLORS.memory;

  // One column per tick, right-aligned: the newest reading is always at the edge next to memory.
  const columns = L.cpuX1 - L.x0;
  const recent = input.cpuHistory.slice(-columns);
  recent.forEach((v, i) => {
    const x = L.cpuX1 - recent.length + i;
    const h = fillHeight(v, plotH);
    for (let y = L.y1 - h; y < L.y1; y++) put(x, y, cpuColor);
  });

  const memH = fillHeight(input.memoryPercent, plotH);
  for (let x = L.memX0; x < L.x1; x++) {
    for (let y = L.y0; y < L.y1; y++) put(x, y, y >= L.y1 - memH ? memColor : TRAY_COLORS.track);
  }
  return { width: size, height: size, data };
}
