// How the package finds its addon: build/Release by default, exactly the file
// PROCYON_ADDON_PATH names otherwise (the sanitizer build), and a clear
// Unsupported error, raised on first use rather than at import, when it cannot.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { collector, makeTree, PACKAGE_DIR, REPO_ROOT } from './helpers';

function node(script: string, env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const PROBE = `
  const c = require('@procyon/collector');
  const imported = true;
  c.cpuTimes().then(
    () => console.log(JSON.stringify({ imported, ok: true, loadError: c.addonLoadError() })),
    (e) => console.log(JSON.stringify({ imported, ok: false, name: e.name, code: e.code, message: e.message, loadError: c.addonLoadError()?.message })),
  );`;

describe('addon loading', () => {
  it('this process runs the addon named by PROCYON_ADDON_PATH, or build/Release', async () => {
    await collector.cpuTimes();
    const expected = process.env.PROCYON_ADDON_PATH ?? path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node');
    const mapped = readFileSync('/proc/self/maps', 'utf8');
    expect(mapped).toContain(path.resolve(expected));
    // Under `npm run test:sanitize` the ASan runtime must really be in the process, or a clean run proves nothing.
    if (process.env.PROCYON_ADDON_PATH?.includes('build-asan')) expect(mapped).toMatch(/libasan\.so/);
    expect(collector.addonLoadError()).toBeNull();
  });

  it('a missing addon still imports, and every call rejects with Unsupported naming the path', () => {
    const missing = '/nonexistent/procyon_collector.node';
    const r = node(PROBE, { PROCYON_ADDON_PATH: missing });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      imported: true,
      ok: false,
      name: 'Unsupported',
      code: 'UNSUPPORTED',
      message: `there is no native addon at ${missing} (named by PROCYON_ADDON_PATH)`,
      loadError: `there is no native addon at ${missing} (named by PROCYON_ADDON_PATH)`,
    });
  });

  it('a file that is not a loadable addon (wrong platform, truncated) gives the loader’s own reason', () => {
    const tree = makeTree({});
    try {
      const bogus = path.join(tree.dir, 'procyon_collector.node');
      writeFileSync(bogus, 'not an ELF object');
      const r = node(PROBE, { PROCYON_ADDON_PATH: bogus });
      const out = JSON.parse(r.stdout) as { ok: boolean; code: string; message: string };
      expect(out.ok).toBe(false);
      expect(out.code).toBe('UNSUPPORTED');
      expect(out.message).toMatch(new RegExp(`^the native addon ${bogus} cannot be loaded: .*(invalid ELF header|file too short)`));
    } finally {
      tree.cleanup();
    }
  });
});
