import { processTableRates, type ProcessTableChanges, type ProcessTableResult, type ProcessTableRow } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import { applyDelta, type ProcessRow } from '../../shared';
import { LiveTable } from './live-table';

const MEM = 1 << 30;
const raw = (pid: number, over: Partial<ProcessTableRow> = {}): ProcessTableRow => ({
  pid,
  createTime: 100 + pid,
  ppid: 1,
  name: `p${pid}`,
  username: 'root',
  status: 'sleeping',
  cpuTimes: 1,
  rss: 4096,
  vms: 8192,
  numThreads: 1,
  nice: 0,
  cmdline: [`p${pid}`, '-x'],
  readBytes: 0,
  writeBytes: 0,
  terminal: null,
  cpuNum: 0,
  ...over,
});
const whole = (timestamp: number, rows: ProcessTableRow[]): ProcessTableChanges => ({ timestamp, incremental: false, rows, gone: [], count: rows.length });
const changes = (timestamp: number, rows: ProcessTableRow[], gone: { pid: number; createTime: number }[], count: number): ProcessTableChanges => ({ timestamp, incremental: true, rows, gone, count });

describe('LiveTable', () => {
  it('a first table has no rates; the next tick gives them even if nothing moved, then rows sit still', () => {
    const t = new LiveTable();
    const first = t.apply(whole(1, [raw(1), raw(2)]), MEM);
    expect(first.rows.map((r) => r.cpuPercent)).toEqual([null, null]);
    expect(first.changed).toHaveLength(2);
    const second = t.apply(changes(2, [], [], 2), MEM);
    expect(second.rows.map((r) => [r.cpuPercent, r.readBytesPerSec])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(second.changed).toEqual(second.rows);
    const third = t.apply(changes(3, [], [], 2), MEM);
    expect(third.changed).toEqual([]);
    expect(third.rows[0]).toBe(second.rows[0]);
    expect(third.rows).not.toBe(second.rows);
  });

  it('a process that ran has a rate, and drops back to 0 the tick after it stops', () => {
    const t = new LiveTable();
    t.apply(whole(1, [raw(1), raw(2)]), MEM);
    t.apply(changes(2, [], [], 2), MEM);
    const ran = t.apply(changes(3, [raw(2, { cpuTimes: 1.5, readBytes: 4096 })], [], 2), MEM);
    expect(ran.changed.map((r) => [r.pid, r.cpuPercent, r.readBytesPerSec])).toEqual([[2, 50, 4096]]);
    const stopped = t.apply(changes(5, [], [], 2), MEM);
    expect(stopped.changed.map((r) => [r.pid, r.cpuPercent, r.readBytesPerSec])).toEqual([[2, 0, 0]]);
    expect(t.apply(changes(6, [], [], 2), MEM).changed).toEqual([]);
  });

  it('another user’s io stays null without keeping the row moving', () => {
    const t = new LiveTable();
    t.apply(whole(1, [raw(1, { readBytes: null, writeBytes: null })]), MEM);
    const next = t.apply(changes(2, [], [], 1), MEM);
    expect(next.changed.map((r) => [r.cpuPercent, r.readBytesPerSec])).toEqual([[0, null]]);
    expect(t.apply(changes(3, [], [], 1), MEM).changed).toEqual([]);
  });

  it('gone rows leave by key; a gone entry for another process of that pid is ignored', () => {
    const t = new LiveTable();
    t.apply(whole(1, [raw(1), raw(2), raw(3)]), MEM);
    const tick = t.apply(changes(2, [], [{ pid: 2, createTime: 102 }, { pid: 3, createTime: 999 }], 2), MEM);
    expect(tick.gone).toEqual(['2:102']);
    expect(tick.rows.map((r) => r.pid)).toEqual([1, 3]);
  });

  it('a reused pid is the old process gone and a new one with no rate, in pid order', () => {
    const t = new LiveTable();
    t.apply(whole(1, [raw(1), raw(5)]), MEM);
    t.apply(changes(2, [], [], 2), MEM);
    const tick = t.apply(changes(3, [raw(5, { createTime: 999, cpuTimes: 7 }), raw(3)], [{ pid: 5, createTime: 105 }], 3), MEM);
    expect(tick.gone).toEqual(['5:105']);
    expect(tick.rows.map((r) => [r.pid, r.createTime, r.cpuPercent])).toEqual([
      [1, 101, 0],
      [3, 103, null],
      [5, 999, null],
    ]);
  });

  it('a whole table again (other fields) keeps unchanged rows and drops what it lacks', () => {
    const t = new LiveTable();
    t.apply(whole(1, [raw(1), raw(2)]), MEM);
    const settled = t.apply(changes(2, [], [], 2), MEM);
    const again = t.apply(whole(3, [raw(1)]), MEM);
    expect(again.gone).toEqual(['2:102']);
    expect(again.changed).toEqual([]);
    expect(again.rows[0]).toBe(settled.rows[0]);
    const wider = t.apply(whole(4, [raw(1, { numFds: 7 })]), MEM);
    expect(wider.changed.map((r) => [r.numFds, r.cpuPercent])).toEqual([[7, 0]]);
  });

  it('keeps the arguments array of a row whose arguments did not change', () => {
    const t = new LiveTable();
    const first = t.apply(whole(1, [raw(1)]), MEM);
    const next = t.apply(changes(2, [raw(1, { cpuTimes: 2, cmdline: ['p1', '-x'] })], [], 1), MEM);
    expect(next.rows[0]).not.toBe(first.rows[0]);
    expect(next.rows[0]!.cmdline).toBe(first.rows[0]!.cmdline);
  });

  it('redoes memory percentages when the machine’s total changes', () => {
    const t = new LiveTable();
    t.apply(whole(1, [raw(1, { rss: MEM / 4 })]), MEM);
    t.apply(changes(2, [], [], 1), MEM);
    const tick = t.apply(changes(3, [], [], 1), MEM * 2);
    expect(tick.changed.map((r) => r.memoryPercent)).toEqual([12.5]);
  });

  it('a change list that does not add up to the collector’s count clears the table and throws', () => {
    const t = new LiveTable();
    t.apply(whole(1, [raw(1), raw(2)]), MEM);
    expect(() => t.apply(changes(2, [], [], 3), MEM)).toThrow(/out of step/);
    expect(t.primed).toBe(false);
  });

  it('refuses a change list before a whole table; clear() starts over', () => {
    const t = new LiveTable();
    expect(() => t.apply(changes(1, [], [], 0), MEM)).toThrow(/whole/);
    t.apply(whole(1, [raw(1)]), MEM);
    t.clear();
    expect(t.primed).toBe(false);
    expect(t.size).toBe(0);
  });

  it('over random ticks, equals rating each whole table against the one before (processTableRates)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let tables: ProcessTableResult[] = [{ timestamp: 0, rows: Array.from({ length: 30 }, (_, i) => raw(i + 1)) }];
    for (let tick = 1; tick < 40; tick++) {
      const prev = tables[tables.length - 1]!;
      const rows: ProcessTableRow[] = [];
      for (const r of prev.rows) {
        const dice = rand();
        if (dice < 0.05) continue; // exits
        if (dice < 0.08) rows.push(raw(r.pid, { createTime: r.createTime + 1000 })); // pid reused
        else if (dice < 0.3) rows.push({ ...r, cpuTimes: r.cpuTimes! + Math.round(rand() * 100) / 100, readBytes: r.readBytes! + Math.floor(rand() * 3) * 512 });
        else rows.push(r);
      }
      if (rand() < 0.3) rows.push(raw(100 + tick));
      tables = [...tables, { timestamp: tick + rand() * 0.01, rows }];
    }
    const t = new LiveTable();
    let shown: ProcessRow[] = [];
    tables.forEach((table, i) => {
      let input: ProcessTableChanges;
      if (i === 0) input = whole(table.timestamp, table.rows);
      else {
        // What the native reader hands over: rows not identical to last time's, and processes gone.
        const before = new Map(tables[i - 1]!.rows.map((r) => [r.pid, r]));
        const changed = table.rows.filter((r) => before.get(r.pid) !== r);
        const now = new Map(table.rows.map((r) => [r.pid, r]));
        const gone = [...before.values()].filter((r) => now.get(r.pid)?.createTime !== r.createTime).map((r) => ({ pid: r.pid, createTime: r.createTime }));
        input = changes(table.timestamp, changed, gone, table.rows.length);
      }
      const tick = t.apply(input, MEM);
      // The change list, applied to the last tick's rows, is this tick's table: what the live feed relies on.
      const patched = applyDelta(shown, { rows: tick.changed, gone: tick.gone, count: tick.rows.length });
      expect(patched && [...patched].sort((a, b) => a.pid - b.pid), `tick ${i}`).toEqual(tick.rows);
      shown = tick.rows;
      const rates = i === 0 ? table.rows.map(() => ({ cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null })) : processTableRates(tables[i - 1]!, table);
      const expected = table.rows.map((r, j) => ({ pid: r.pid, createTime: r.createTime, cpuTimes: r.cpuTimes, cpuPercent: rates[j]!.cpuPercent, readBytesPerSec: rates[j]!.readBytesPerSec, writeBytesPerSec: rates[j]!.writeBytesPerSec }));
      expect(tick.rows.map((r) => ({ pid: r.pid, createTime: r.createTime, cpuTimes: r.cpuTimes, cpuPercent: r.cpuPercent, readBytesPerSec: r.readBytesPerSec, writeBytesPerSec: r.writeBytesPerSec })), `tick ${i}`).toEqual(expected);
    });
  });
});

describe('LiveTable: GPU shares', () => {
  const share = (busyPercent: number, memoryBytes = 4096) => ({ busyPercent, engines: { gfx: busyPercent }, memoryBytes, devices: ['0000:09:00.0'] });
  type GpuChanges = ProcessTableChanges & { gpu?: { pid: number; gpu: ReturnType<typeof share> }[] };

  it('a share that changed with nothing else of the process reaches its row; a process no longer listed holds none', () => {
    const t = new LiveTable();
    const first: GpuChanges = { ...whole(1, [raw(1, { gpu: share(10) } as Partial<ProcessTableRow>), raw(2, { gpu: null } as Partial<ProcessTableRow>)]), gpu: [{ pid: 1, gpu: share(10) }] };
    t.apply(first, MEM);
    t.apply({ ...changes(2, [], [], 2), gpu: [{ pid: 1, gpu: share(10) }] } as GpuChanges, MEM);
    // Only the share moved: the reader sends no row for it, but lists it.
    const moved = t.apply({ ...changes(3, [], [], 2), gpu: [{ pid: 1, gpu: share(55) }] } as GpuChanges, MEM);
    expect(moved.changed.map((r) => [r.pid, r.gpu?.busyPercent])).toEqual([[1, 55]]);
    expect(t.get(1)!.gpu!.busyPercent).toBe(55);
    const same = t.apply({ ...changes(4, [], [], 2), gpu: [{ pid: 1, gpu: share(55) }] } as GpuChanges, MEM);
    expect(same.changed).toEqual([]);
    const released = t.apply({ ...changes(5, [], [], 2), gpu: [] } as GpuChanges, MEM);
    expect(released.changed.map((r) => [r.pid, r.gpu])).toEqual([[1, null]]);
    expect(t.get(2)!.gpu).toBeNull();
  });
});

describe('LiveTable: network use', () => {
  const use = (receiveRate: number, receiveBytes = 1000) => ({ receiveBytes, transmitBytes: 10, receiveRate, transmitRate: 0, sockets: 1, uncounted: 0 });
  type NetChanges = ProcessTableChanges & { net?: { pid: number; net: ReturnType<typeof use> }[] };

  it('a rate that changed with nothing else of the process reaches its row; a process no longer listed holds none', () => {
    const t = new LiveTable();
    t.apply({ ...whole(1, [raw(1, { net: use(5) } as Partial<ProcessTableRow>), raw(2, { net: null } as Partial<ProcessTableRow>)]), net: [{ pid: 1, net: use(5) }] } as NetChanges, MEM);
    t.apply({ ...changes(2, [], [], 2), net: [{ pid: 1, net: use(5) }] } as NetChanges, MEM);
    // Only the traffic moved: the reader sends no row for it, but lists it.
    const moved = t.apply({ ...changes(3, [], [], 2), net: [{ pid: 1, net: use(900, 2000) }] } as NetChanges, MEM);
    expect(moved.changed.map((r) => [r.pid, r.net?.receiveRate, r.net?.receiveBytes])).toEqual([[1, 900, 2000]]);
    const same = t.apply({ ...changes(4, [], [], 2), net: [{ pid: 1, net: use(900, 2000) }] } as NetChanges, MEM);
    expect(same.changed).toEqual([]);
    const closed = t.apply({ ...changes(5, [], [], 2), net: [] } as NetChanges, MEM);
    expect(closed.changed.map((r) => [r.pid, r.net])).toEqual([[1, null]]);
    expect(t.get(2)!.net).toBeNull();
  });
});
