// `node scripts/make-ico.mjs`: writes build/icon.ico, the Windows icon (the
// installer, the executable, the window), from build/icons/NxN.png. An .ico
// holds one image per size and Windows picks the one it needs (16 px in the
// title bar at 100 %, 24 at 150 %, 32 and 48 in Explorer, 256 for large
// tiles); since Vista each may be a whole PNG, so the PNGs go in unchanged.
// packaging.test.ts fails while the committed file is not what this makes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICO = path.join(REPO, 'build', 'icon.ico');
/** The sizes Windows asks an application icon for, all in build/icons. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** The .ico file's bytes: ICONDIR, one ICONDIRENTRY per size, then each PNG. */
export function makeIco() {
  const images = ICO_SIZES.map((size) => readFileSync(path.join(REPO, 'build', 'icons', `${size}x${size}.png`)));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach((png, i) => {
    const entry = 6 + 16 * i;
    const size = ICO_SIZES[i];
    header.writeUInt8(size >= 256 ? 0 : size, entry); // width; 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1); // height
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3); // reserved
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel (RGBA)
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeFileSync(ICO, makeIco());
