// ProcessTableReader: processTable as a change list. Over a crafted tree the
// test edits files between reads and checks exactly those rows come back;
// over the live /proc, that spawned and killed children appear and go, and
// that the changes applied to the first read rebuild the table processTable reads.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { PACKAGE_DIR, collector, makeTree, settled } from './helpers';

const { ProcessTableReader, InvalidArgument } = collector;
type Row = Awaited<ReturnType<InstanceType<typeof ProcessTableReader>['read']>>['rows'][number];

function statLine(pid: number, comm: string, utime = 250): string {
  const fields: (string | number)[] = [pid, `(${comm})`, 'S', 1, pid, pid, 0, -1, 4194560, 10, 0, 2, 0, utime, 50, 7, 3, 20, 0, 1, 0, 4200 + pid, 123456789, 300];
  while (fields.length < 52) fields.push(0);
  return fields.join(' ') + '\n';
}

const tree = makeTree({
  stat: 'cpu  1 2 3 4\nbtime 1000000\n',
  '100/stat': statLine(100, 'alpha'),
  '100/cmdline': 'alpha\0-x\0',
  '200/stat': statLine(200, 'beta'),
  '200/cmdline': 'beta\0',
  '300/stat': statLine(300, 'gamma'),
  '300/cmdline': 'gamma\0',
});
afterAll(() => tree.cleanup());
const procfs = tree.dir;
const FIELDS = ['ppid', 'name', 'status', 'cpuTimes', 'memory', 'cmdline'] as const;
const pids = (rows: readonly { pid: number }[]) => rows.map((r) => r.pid).sort((a, b) => a - b);

describe('ProcessTableReader over a crafted tree', () => {
  it('reads whole first, then only what changed, then what is gone', async () => {
    const reader = new ProcessTableReader({ procfs, fields: [...FIELDS] });
    const first = await reader.read();
    expect(first).toMatchObject({ incremental: false, count: 3, gone: [] });
    expect(pids(first.rows)).toEqual([100, 200, 300]);

    const still = await reader.read();
    expect(still).toMatchObject({ incremental: true, rows: [], gone: [], count: 3 });

    writeFileSync(path.join(procfs, '200/stat'), statLine(200, 'beta', 999));
    const changed = await reader.read();
    expect(changed.incremental).toBe(true);
    expect(pids(changed.rows)).toEqual([200]);
    expect(changed.rows[0]!.cpuTimes).toBeGreaterThan(first.rows.find((r) => r.pid === 200)!.cpuTimes!);
    expect(changed.count).toBe(3);

    rmSync(path.join(procfs, '300'), { recursive: true });
    mkdirSync(path.join(procfs, '400'));
    writeFileSync(path.join(procfs, '400/stat'), statLine(400, 'delta'));
    const moved = await reader.read();
    expect(pids(moved.rows)).toEqual([400]);
    expect(moved.gone).toEqual([{ pid: 300, createTime: first.rows.find((r) => r.pid === 300)!.createTime }]);
    expect(moved.count).toBe(3);
  });

  it('a pid that now names another process (another start time) is gone and new', async () => {
    const dir = makeTree({ stat: 'cpu  1 2 3 4\nbtime 1000000\n', '500/stat': statLine(500, 'old') });
    try {
      const reader = new ProcessTableReader({ procfs: dir.dir, fields: ['name'] });
      const first = await reader.read();
      writeFileSync(path.join(dir.dir, '500/stat'), statLine(500, 'new').replace(' 4700 ', ' 9999 '));
      const next = await reader.read();
      expect(next.gone).toEqual([{ pid: 500, createTime: first.rows[0]!.createTime }]);
      expect(next.rows.map((r) => [r.pid, r.name])).toEqual([[500, 'new']]);
      expect(next.rows[0]!.createTime).not.toBe(first.rows[0]!.createTime);
    } finally {
      dir.cleanup();
    }
  });

  it('other fields, or reset(), make the next read whole', async () => {
    const reader = new ProcessTableReader({ procfs, fields: ['name'] });
    await reader.read();
    expect((await reader.read()).rows).toEqual([]);
    const wider = await reader.read(['name', 'ppid']);
    expect(wider.incremental).toBe(false);
    expect(wider.rows.every((r) => r.ppid === 1)).toBe(true);
    reader.reset();
    const again = await reader.read();
    expect(again).toMatchObject({ incremental: false, count: wider.count });
    expect(again.rows).toHaveLength(wider.count);
  });

  it('overlapping reads are queued: each is a diff against the one before', async () => {
    const reader = new ProcessTableReader({ procfs, fields: ['name'] });
    const [a, b, c] = await Promise.all([reader.read(), reader.read(), reader.read()]);
    expect(a.incremental).toBe(false);
    expect(b).toMatchObject({ incremental: true, rows: [] });
    expect(c).toMatchObject({ incremental: true, rows: [] });
  });

  it('bad fields are a typed error; a forged handle is refused by the addon', async () => {
    expect(() => new ProcessTableReader({ procfs, fields: ['bogus' as 'name'] })).toThrow(InvalidArgument);
    const reader = new ProcessTableReader({ procfs, fields: ['name'] });
    await expect(reader.read(['bogus' as 'name'])).rejects.toBeInstanceOf(InvalidArgument);
    const binding = createRequire(import.meta.url)(path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node')) as {
      processTable(o: object): Promise<unknown>;
      processTableReaderReset(h: unknown): void;
    };
    await expect(binding.processTable({ procfs, sysfs: '/sys', fields: 2, reader: {} })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // Through the one error funnel: the same typed error as every other call, not a bare TypeError.
    let thrown: unknown;
    try {
      binding.processTableReaderReset(42);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_ARGUMENT', message: 'reader must be a handle from processTableReader()' });
  });
});

describe('ProcessTableReader over /proc', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));
  const sleepers = async (n: number) => {
    const made = Array.from({ length: n }, () => spawn('sleep', ['60'], { stdio: 'ignore' }));
    children.push(...made);
    for (const c of made) await settled(c.pid, 'sleep');
    return made;
  };
  const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));

  it('children appear as new rows, sit still, and go with their createTime', async () => {
    const reader = new ProcessTableReader({ fields: ['ppid', 'name', 'cpuTimes', 'memory', 'cmdline'] });
    await reader.read();
    const kids = await sleepers(3);
    const added = await reader.read();
    const mine = added.rows.filter((r) => kids.some((k) => k.pid === r.pid));
    expect(mine).toHaveLength(3);
    for (const r of mine) expect(r).toMatchObject({ ppid: process.pid, name: 'sleep', cmdline: ['sleep', '60'] });

    // A sleeping process's row does not change: it is not handed back again.
    const quiet = await reader.read();
    expect(quiet.rows.filter((r) => kids.some((k) => k.pid === r.pid))).toEqual([]);

    kids[0]!.kill('SIGKILL');
    await exited(kids[0]!);
    const after = await reader.read();
    expect(after.gone).toContainEqual({ pid: kids[0]!.pid, createTime: mine.find((r) => r.pid === kids[0]!.pid)!.createTime });
  });

  it('the first read plus every change list is the table processTable reads', async () => {
    const fields = ['name', 'ppid'] as const;
    const reader = new ProcessTableReader({ fields: [...fields] });
    const table = new Map<number, Row>();
    for (const r of (await reader.read()).rows) table.set(r.pid, r);
    const kids = await sleepers(4);
    kids[1]!.kill('SIGKILL');
    await exited(kids[1]!);
    for (let i = 0; i < 3; i++) {
      const changes = await reader.read();
      for (const g of changes.gone) if (table.get(g.pid)?.createTime === g.createTime) table.delete(g.pid);
      for (const r of changes.rows) table.set(r.pid, r);
      expect(table.size).toBe(changes.count);
    }
    const direct = await collector.processTable({ fields: [...fields] });
    // Other processes may come and go between the two reads; ours must agree.
    const ours = new Set([process.pid, ...kids.map((k) => k.pid!)]);
    const pick = (rows: Iterable<Row>) => [...rows].filter((r) => ours.has(r.pid)).map((r) => ({ pid: r.pid, createTime: r.createTime, name: r.name, ppid: r.ppid })).sort((a, b) => a.pid - b.pid);
    expect(pick(table.values())).toEqual(pick(direct.rows));
    expect(pick(table.values()).map((r) => r.pid)).not.toContain(kids[1]!.pid);
  });
});
