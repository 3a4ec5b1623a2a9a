import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICO, ICO_SIZES, makeIco } from '../../../scripts/make-ico.mjs';
import { REPO } from '../core/fixture-root.test-util';

// The installers ship the addon built against Node's headers, with no
// electron-rebuild step (electron-builder.yml: npmRebuild false). That holds
// only while the addon speaks Node-API alone: this keeps it true.

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(cc|cpp|h|hpp)$/.test(name) ? [p] : [];
  });
}

describe('packaging', () => {
  it('the native addon uses Node-API only, at a pinned Node-API version', () => {
    const gyp = readFileSync(path.join(REPO, 'native', 'binding.gyp'), 'utf8');
    expect(gyp).toMatch(/NAPI_VERSION=\d+/);
    const files = sources(path.join(REPO, 'native', 'src'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /#include\s*[<"](node\.h|v8\.h|nan\.h|uv\.h)[>"]|\bv8::|\bNan::/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(REPO, f))).toEqual([]);
  });

  it('the installers config keeps the addon out of the asar and skips rebuilding it', () => {
    const yml = readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^asarUnpack:\n {2}- "\*\*\/\*\.node"$/m);
    expect(yml).toMatch(/^npmRebuild: false$/m);
    expect(yml).toMatch(/^ {2}target: \[AppImage, deb, rpm\]$/m);
    expect(yml).toMatch(/^ {2}target: dmg$/m);
    expect(yml).toMatch(/^ {2}target: \[nsis, portable\]\n {2}icon: build\/icon\.ico$/m);
    // Windows ships the cross-built addon (build-win/, which the collector loads there) and not the Linux build/:
    // its files are the common list with the two swapped, nothing else.
    const list = (indent: string, after: RegExp) => {
      const from = yml.slice(yml.search(after));
      const block = new RegExp(`^${indent}files:\\n((?:${indent}  - .*\\n)+)`, 'm').exec(from)![1]!;
      return block.split('\n').filter(Boolean).map((l) => l.trim().slice(2).replace(/^"|"$/g, ''));
    };
    const common = list('', /^files:/m);
    expect(common).toContain('dist/**');
    expect(common.join('\n')).not.toContain('build-win');
    const swapped = common.map((f) => f.replace('|dist|build)', '|dist|build-win)').replaceAll('collector/build/', 'collector/build-win/'));
    expect(list('  ', /^win:/m)).toEqual(swapped);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      // A real PNG of that size: the IHDR width and height.
      const png = readFileSync(path.join(REPO, 'build', 'icons', `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it("build/icon.ico is every size Windows asks for, each the build/icons PNG itself (regenerate: node scripts/make-ico.mjs)", () => {
    const ico = readFileSync(ICO);
    expect(ico.equals(makeIco()), 'build/icon.ico is stale').toBe(true);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    expect(ICO_SIZES).toEqual(expect.arrayContaining([16, 24, 32, 48, 256]));
    ICO_SIZES.forEach((size, i) => {
      const entry = 6 + 16 * i;
      const [length, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      const png = ico.subarray(offset, offset + length);
      // The entry's size (0 is 256), and the PNG it points at is that size.
      expect(ico.readUInt8(entry) || 256).toBe(size);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    });
  });
});
