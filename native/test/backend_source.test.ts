// Roots are a property of a backend, chosen once: whether a backend reads
// the running machine (isLive) is decided in one place, for procfs and sysfs
// together, and a path that later names another tree gets another backend.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { FIXTURE_ROOTS, PACKAGE_DIR, collector, settled } from './helpers';

const { Process, NotLive } = collector;
// The addon lib/ loads (PROCYON_ADDON_PATH names another build, as lib/native.ts honours).
const binding = createRequire(import.meta.url)(process.env.PROCYON_ADDON_PATH ?? path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node'));
const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-source-'));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A `sleep` that has finished exec'ing. */
async function sleeper(): Promise<ChildProcess> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  await settled(child.pid, 'sleep');
  return child;
}

function niceOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

describe('isLive: the running machine is its /proc and its /sys', () => {
  it('a live procfs with a captured sysfs is not live: actions are refused (NOT_LIVE) and the process is untouched', async () => {
    const child = await sleeper();
    const sysfs = mkdtempSync(path.join(scratch, 'sys-'));
    const proc = await Process.create(child.pid!, { procfs: '/proc', sysfs });
    const err = await proc.nice(5).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotLive);
    expect(niceOf(child.pid!)).toBe(getPriority());
  });

  it('a path once a symlink to /proc, then a captured tree, is judged again: the tree cannot act', async () => {
    const child = await sleeper();
    const root = path.join(scratch, 'swapped');
    symlinkSync('/proc', root);
    const live = await Process.create(child.pid!, { procfs: root });
    await live.nice(1);
    expect(niceOf(child.pid!)).toBe(1);
    // The same path now names a copy holding the same identity.
    renameSync(root, `${root}.old`);
    mkdirSync(path.join(root, String(child.pid)), { recursive: true });
    writeFileSync(path.join(root, 'stat'), readFileSync('/proc/stat'));
    for (const file of ['stat', 'status']) writeFileSync(path.join(root, String(child.pid), file), readFileSync(`/proc/${child.pid}/${file}`));
    const captured = await Process.create(child.pid!, { procfs: root });
    expect(await captured.nice(5).catch((e: unknown) => e)).toBeInstanceOf(NotLive);
    expect(niceOf(child.pid!)).toBe(1);
  });

  it('lib isLive() is the backend\'s answer: the live paths however named are live, a tree or PROCYON_PROCFS is not', () => {
    const link = path.join(scratch, 'proc-link');
    symlinkSync('/proc', link);
    expect(collector.isLive()).toBe(true);
    expect(collector.isLive({ procfs: '/proc/', sysfs: '/sys/' })).toBe(true);
    expect(collector.isLive({ procfs: link })).toBe(true);
    expect(collector.isLive(FIXTURE_ROOTS)).toBe(false);
    expect(collector.isLive({ sysfs: FIXTURE_ROOTS.sysfs })).toBe(false);
    const saved = process.env.PROCYON_PROCFS;
    process.env.PROCYON_PROCFS = FIXTURE_ROOTS.procfs;
    try {
      expect(collector.isLive()).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.PROCYON_PROCFS;
      else process.env.PROCYON_PROCFS = saved;
    }
  });

  it("a captured tree's backend has no network interfaces to report (getifaddrs is this machine's)", async () => {
    expect(await binding.netIfAddrs(FIXTURE_ROOTS)).toEqual({});
    expect(Object.keys(await binding.netIfAddrs({})).length).toBeGreaterThan(0);
  });

  it('netIfAddrs() under PROCYON_PROCFS answers for the tree ({}), not with this machine’s NICs', async () => {
    expect(Object.keys(await collector.netIfAddrs()).length).toBeGreaterThan(0);
    const saved = process.env.PROCYON_PROCFS;
    process.env.PROCYON_PROCFS = FIXTURE_ROOTS.procfs;
    try {
      expect(await collector.netIfAddrs()).toEqual({});
      expect(await collector.netIfAddrs({ procfs: '/proc' })).not.toEqual({});
    } finally {
      if (saved === undefined) delete process.env.PROCYON_PROCFS;
      else process.env.PROCYON_PROCFS = saved;
    }
  });
});
