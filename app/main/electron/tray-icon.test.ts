import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { encodePng, type RgbaBitmap } from './png';
import { fillHeight, renderTrayIcon, TRAY_COLORS, trayLayout } from './tray-icon';

const px = (b: RgbaBitmap, x: number, y: number) => [...b.data.subarray((y * b.width + x) * 4, (y * b.width + x) * 4 + 4)];

/** Decodes what encodePng writes (8-bit RGBA, filter None) back to pixels, checking every CRC on the way. */
function decodePng(png: Buffer): RgbaBitmap {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const types: string[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    const body = png.subarray(off + 8, off + 8 + len);
    types.push(type);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect([body[8], body[9], body[12]]).toEqual([8, 6, 0]);
    }
    if (type === 'IDAT') idat.push(body);
    off += 12 + len;
  }
  expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  const raw = inflateSync(Buffer.concat(idat));
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    data.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, data };
}

describe('tray icon', () => {
  it.each([16, 22, 32])('at %i px: transparent corners, rim, CPU columns and memory bar where the numbers say', (size) => {
    const L = trayLayout(size);
    const plotH = L.y1 - L.y0;
    const columns = L.cpuX1 - L.x0;
    // Oldest first: the newest (100 %) lands in the rightmost CPU column, 0 % just before it.
    const icon = renderTrayIcon({ size, cpuHistory: [50, 0, 100], memoryPercent: 50 });
    expect(icon.data.length).toBe(size * size * 4);
    expect(px(icon, 0, 0)[3]).toBe(0);
    expect(px(icon, size - 1, size - 1)[3]).toBe(0);
    expect(px(icon, Math.floor(size / 2), 0)).toEqual([...TRAY_COLORS.rim]);

    const newest = L.cpuX1 - 1;
    expect(px(icon, newest, L.y0)).toEqual([...TRAY_COLORS.cpu]); // 100 %: top of the plot
    expect(px(icon, newest - 1, L.y1 - 1)).toEqual([...TRAY_COLORS.badge]); // 0 %: nothing
    expect(px(icon, newest - 2, L.y1 - 1)).toEqual([...TRAY_COLORS.cpu]); // 50 %: bottom half…
    expect(px(icon, newest - 2, L.y1 - fillHeight(50, plotH) - 1)).toEqual([...TRAY_COLORS.badge]); // …and no higher
    expect(px(icon, newest - 3, L.y1 - 1)).toEqual([...TRAY_COLORS.badge]); // no reading that far back
    expect(columns).toBeGreaterThanOrEqual(8);

    const memH = fillHeight(50, plotH);
    expect(px(icon, L.memX0, L.y1 - 1)).toEqual([...TRAY_COLORS.memory]);
    expect(px(icon, L.x1 - 1, L.y1 - memH)).toEqual([...TRAY_COLORS.memory]);
    expect(px(icon, L.x1 - 1, L.y1 - memH - 1)).toEqual([...TRAY_COLORS.track]);
    // The gap between CPU and memory stays badge-coloured, so the two never merge.
    for (let x = L.cpuX1; x < L.memX0; x++) expect(px(icon, x, L.y1 - 1)).toEqual([...TRAY_COLORS.badge]);
  });

  it('keeps only as many ticks as it has columns, and shows any load as at least one pixel', () => {
    const size = 16;
    const L = trayLayout(size);
    const history = Array.from({ length: 40 }, (_, i) => (i === 39 - (L.cpuX1 - L.x0) ? 100 : 0.2));
    const icon = renderTrayIcon({ size, cpuHistory: history, memoryPercent: 0 });
    // The 100 % tick is one column too old to be drawn; the 0.2 % ones show as one pixel each.
    for (let x = L.x0; x < L.cpuX1; x++) {
      expect(px(icon, x, L.y1 - 1)).toEqual([...TRAY_COLORS.cpu]);
      expect(px(icon, x, L.y1 - 2)).toEqual([...TRAY_COLORS.badge]);
    }
    expect(px(icon, L.memX0, L.y1 - 1)).toEqual([...TRAY_COLORS.track]);
  });

  it('draws paused updates in grey and treats missing or absurd readings as empty or full', () => {
    const L = trayLayout(22);
    const icon = renderTrayIcon({ size: 22, cpuHistory: [null, Number.NaN, 250], memoryPercent: 100, paused: true });
    expect(px(icon, L.cpuX1 - 1, L.y0)).toEqual([...TRAY_COLORS.paused]);
    expect(px(icon, L.cpuX1 - 2, L.y1 - 1)).toEqual([...TRAY_COLORS.badge]);
    expect(px(icon, L.memX0, L.y0)).toEqual([...TRAY_COLORS.paused]);
    expect(fillHeight(-5, 10)).toBe(0);
    expect(() => renderTrayIcon({ size: 8, cpuHistory: [], memoryPercent: 0 })).toThrow(RangeError);
  });

  it('encodes to a PNG that decodes to the same pixels', () => {
    for (const size of [16, 22, 32]) {
      const icon = renderTrayIcon({ size, cpuHistory: [10, 40, 70, 95], memoryPercent: 63 });
      const back = decodePng(encodePng(icon));
      expect([back.width, back.height]).toEqual([size, size]);
      expect(Buffer.from(back.data).equals(Buffer.from(icon.data))).toBe(true);
    }
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(3) })).toThrow(RangeError);
  });
});

// The icons as files, plus a sheet of them on light and dark panels, magnified,
// to look at: into a temporary folder that is checked and removed, or kept in
// the folder PROCYON_TRAY_PNGS names (PROCYON_TRAY_PNGS=docs/tray npx vitest run app/main/electron/tray-icon.test.ts).
const outDir = process.env.PROCYON_TRAY_PNGS;
describe('tray icon images', () => {
  const dir = outDir ? path.resolve(outDir) : mkdtempSync(path.join(os.tmpdir(), 'procyon-tray-'));
  afterAll(() => {
    if (!outDir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the icons and a preview sheet that decode to what was drawn', () => {
    mkdirSync(dir, { recursive: true });
    const history = [3, 8, 12, 30, 22, 18, 45, 60, 52, 38, 70, 88, 64, 41, 35, 57, 72, 90, 66, 48];
    const sizes = [16, 22, 32];
    const icons = sizes.map((size) => renderTrayIcon({ size, cpuHistory: history, memoryPercent: 58 }));
    icons.forEach((icon, i) => writeFileSync(path.join(dir, `tray-${sizes[i]}.png`), encodePng(icon)));
    writeFileSync(path.join(dir, 'tray-22-paused.png'), encodePng(renderTrayIcon({ size: 22, cpuHistory: history, memoryPercent: 58, paused: true })));

    // Each icon at 1× and 6× on a light (#f3f4f6) and a dark (#2b2b2b) panel.
    const zoom = 6;
    const cell = 32 * zoom + 16;
    const sheet = { width: cell * sizes.length * 2, height: cell + 48, data: new Uint8Array(0) };
    sheet.data = new Uint8Array(sheet.width * sheet.height * 4);
    const panels = [[0xf3, 0xf4, 0xf6], [0x2b, 0x2b, 0x2b]];
    for (let y = 0; y < sheet.height; y++) {
      for (let x = 0; x < sheet.width; x++) sheet.data.set([...panels[Math.floor(x / (sheet.width / 2))]!, 255], (y * sheet.width + x) * 4);
    }
    const blit = (icon: RgbaBitmap, ox: number, oy: number, k: number) => {
      for (let y = 0; y < icon.height * k; y++) {
        for (let x = 0; x < icon.width * k; x++) {
          const [r = 0, g = 0, b = 0, a = 0] = px(icon, Math.floor(x / k), Math.floor(y / k));
          const o = ((oy + y) * sheet.width + ox + x) * 4;
          const bg = sheet.data.subarray(o, o + 3);
          sheet.data.set([0, 1, 2].map((c) => Math.round(([r, g, b][c]! * a + bg[c]! * (255 - a)) / 255)), o);
        }
      }
    };
    panels.forEach((_, p) => {
      icons.forEach((icon, i) => {
        const ox = (p * sizes.length + i) * cell + 8;
        blit(icon, ox, 12, 1);
        blit(icon, ox, 48, zoom);
      });
    });
    writeFileSync(path.join(dir, 'tray-preview.png'), encodePng(sheet));

    // What was written decodes to the sizes and pixels that were drawn.
    const read = (name: string) => decodePng(readFileSync(path.join(dir, name)));
    sizes.forEach((size, i) => {
      const back = read(`tray-${size}.png`);
      expect([back.width, back.height]).toEqual([size, size]);
      expect(Buffer.from(back.data).equals(Buffer.from(icons[i]!.data))).toBe(true);
      // Not blank: the rim, and the newest CPU reading (48 %) filling the plot's bottom row.
      const L = trayLayout(size);
      expect(px(back, Math.floor(size / 2), 0)).toEqual([...TRAY_COLORS.rim]);
      expect(px(back, L.cpuX1 - 1, L.y1 - 1)).toEqual([...TRAY_COLORS.cpu]);
    });
    const paused = read('tray-22-paused.png');
    const L22 = trayLayout(22);
    expect(px(paused, L22.cpuX1 - 1, L22.y1 - 1)).toEqual([...TRAY_COLORS.paused]);
    const preview = read('tray-preview.png');
    expect([preview.width, preview.height]).toEqual([sheet.width, sheet.height]);
    // The panels' corners, and the 6× copy of the 16 px icon's rim on the light panel (opaque, so unblended).
    expect(px(preview, 0, 0)).toEqual([0xf3, 0xf4, 0xf6, 255]);
    expect(px(preview, sheet.width - 1, sheet.height - 1)).toEqual([0x2b, 0x2b, 0x2b, 255]);
    expect(TRAY_COLORS.rim[3]).toBe(255);
    expect(px(preview, 8 + 8 * zoom, 48)).toEqual([...TRAY_COLORS.rim.slice(0, 3), 255]);
  });
});
