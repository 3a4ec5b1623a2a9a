import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, REPO } from '../security/cli-build';
import { FIXTURE_PROC, FIXTURE_SYS } from '../../app/main/core/fixture-root.test-util';

// The built command line (bin/procyon.js), as a user runs it.

const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-capabilities-'));
beforeAll(() => ensureCliBuilt(), 150_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function procyon(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), ...args], { cwd: REPO, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Entry {
  name: string;
  available: boolean;
  reason?: string;
  path?: string;
}

const byName = (stdout: string) => {
  const report = JSON.parse(stdout) as { platform: string; capabilities: Entry[] };
  return { platform: report.platform, entries: new Map(report.capabilities.map((c) => [c.name, c])) };
};

describe('procyon capabilities', () => {
  it('--json over a captured tree: what works, what the tree lacks (and which file), what only the live system answers', () => {
    const r = procyon(['capabilities', '--json', '--procfs', FIXTURE_PROC, '--sysfs', FIXTURE_SYS]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const { platform, entries } = byName(r.stdout);
    expect(platform).toBe('linux');
    expect(entries.get('cpuTimes')).toEqual({ name: 'cpuTimes', available: true });
    expect(entries.get('sensorsFans')).toEqual({ name: 'sensorsFans', available: false, reason: 'missing-file', path: `${FIXTURE_SYS}/class/hwmon` });
    expect(entries.get('netIfAddrs')).toEqual({ name: 'netIfAddrs', available: false, reason: 'captured-tree' });
  });

  it('honours PROCYON_PROCFS as --procfs does', () => {
    const { entries } = byName(procyon(['capabilities', '--json'], { PROCYON_PROCFS: FIXTURE_PROC, PROCYON_SYSFS: FIXTURE_SYS }).stdout);
    expect(entries.get('netIfAddrs')).toMatchObject({ available: false, reason: 'captured-tree' });
    expect(entries.get('sensorsFans')).toMatchObject({ available: false, path: `${FIXTURE_SYS}/class/hwmon` });
  });

  it('prints a table that says why not, one function a line', () => {
    const empty = mkdtempSync(path.join(scratch, 'proc-'));
    const r = procyon(['capabilities', '--procfs', empty, '--sysfs', FIXTURE_SYS]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Platform: linux$/m);
    expect(r.stdout).toMatch(new RegExp(`^cpuTimes +no +missing file: ${empty}/stat$`, 'm'));
    expect(r.stdout).toMatch(/^sensorsTemperatures +yes$/m);
    expect(r.stdout).toMatch(/^netIfAddrs +no +reads the live system, not a captured tree$/m);
    expect(r.stdout).toMatch(/^\d+ of \d+ available$/m);
  });

  it('refuses options that belong to other commands', () => {
    const r = procyon(['capabilities', '--tree']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--tree does not apply to capabilities');
  });
});
