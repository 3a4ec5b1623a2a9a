import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(yml).toMatch(/^ {2}target: nsis$/m);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      // A real PNG of that size: the IHDR width and height.
      const png = readFileSync(path.join(REPO, 'build', 'icons', `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
