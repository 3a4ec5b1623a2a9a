// The process table's resident memory is psutil's memory_info().rss (statm's
// resident × page size), the figure Process#memoryInfo (the details panel,
// `procyon proc`) gives too. /proc/<pid>/stat's rss is the kernel's approximate
// per-CPU counter on Linux ≥ 6.2 and can differ from statm by tens of pages.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';

import { collector, PAGE_SIZE } from './helpers';

const PYTHON = '/usr/bin/python3';
const psutilRss = (pid: number): number | null => {
  const r = spawnSync(PYTHON, ['-W', 'ignore', '-c', 'import psutil, sys; print(psutil.Process(int(sys.argv[1])).memory_info().rss)', String(pid)], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
};
const hasPsutil = spawnSync(PYTHON, ['-c', 'import psutil'], { encoding: 'utf8' }).status === 0;

const statmResident = (pid: number): number => Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

describe('processTable memory', () => {
  it('rss and vms are statm’s, as Process#memoryInfo and psutil give them, on the first read and on later (held-file) reads', async () => {
    child = spawn('sleep', ['600'], { stdio: 'ignore' });
    const pid = child.pid!;
    // Once it has exec'd and settled, an idle sleep's memory stands still.
    await until(async () => {
      const row = (await collector.processTable({ fields: ['name'] })).rows.find((r) => r.pid === pid);
      if (row?.name !== 'sleep') return undefined;
      const a = statmResident(pid);
      await new Promise((r) => setTimeout(r, 100));
      return a === statmResident(pid) ? true : undefined;
    }, 'sleep to settle');

    collector.processTable.cacheClear();
    const info = await collector.Process.create(pid).then((p) => p.memoryInfo());
    for (let read = 0; read < 3; read++) {
      const row = (await collector.processTable({ fields: ['memory'] })).rows.find((r) => r.pid === pid)!;
      expect(row.rss).toBe(info.rss);
      expect(row.vms).toBe(info.vms);
      expect(row.rss).toBe(statmResident(pid));
    }
    if (hasPsutil) expect(psutilRss(pid)).toBe(info.rss);
  });
});
