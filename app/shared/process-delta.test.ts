import { describe, expect, it } from 'vitest';
import type { ProcessRow } from './payloads';
import { applyDelta, diffRows, processKey, ROW_FIELDS, sameRow } from './process-delta';

function row(pid: number, patch: Partial<ProcessRow> = {}): ProcessRow {
  return {
    pid, createTime: 1000 + pid, ppid: 1, name: `p${pid}`, username: 'root', status: 'sleeping', cpuPercent: 0, cpuTimes: 1, rss: 4096, vms: 8192,
    memoryPercent: 0.1, numThreads: 1, nice: 0, cmdline: [`/bin/p${pid}`, '--flag'], readBytesPerSec: 0, writeBytesPerSec: 0, terminal: null, cpuNum: 0, ...patch,
  };
}

// A small deterministic generator, so a failure reproduces.
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('process change lists', () => {
  it('sends only rows that changed, and the keys of rows that went', () => {
    const prev = [row(1), row(2), row(3)];
    const next = [row(1), { ...row(2), cpuPercent: 12.5 }, row(4)];
    const d = diffRows(prev, next);
    expect(d.rows.map((r) => r.pid)).toEqual([2, 4]);
    expect(d.gone).toEqual([processKey(row(3))]);
  });

  it('sees a change in any field, including one argument of the command line', () => {
    const base = row(7);
    for (const [field, value] of Object.entries({ status: 'stopped', rss: 1, nice: 5, username: null, terminal: 'pts/0', cpuNum: 1, readBytesPerSec: null, ppid: 9 })) {
      expect(sameRow(base, { ...base, [field]: value }), field).toBe(false);
    }
    for (const field of ROW_FIELDS) {
      const v = base[field];
      const other = typeof v === 'number' ? v + 1 : typeof v === 'string' ? `${v}x` : 3;
      expect(sameRow(base, { ...base, [field]: other }), field).toBe(false);
    }
    expect(sameRow(base, { ...base, cmdline: ['/bin/p7', '--other'] })).toBe(false);
    expect(sameRow(base, { ...base, cmdline: ['/bin/p7'] })).toBe(false);
    expect(sameRow(base, { ...base, cmdline: [...base.cmdline] })).toBe(true);
  });

  it('a reused pid is a different process: the old key goes, the new row comes', () => {
    const d = diffRows([row(5)], [row(5, { createTime: 9999 })]);
    expect(d.gone).toEqual(['5:1005']);
    expect(d.rows.map(processKey)).toEqual(['5:9999']);
  });

  it('applying the change list gives the next table, keeping unchanged rows as the same objects', () => {
    const rand = lcg(42);
    let table = Array.from({ length: 300 }, (_, i) => row(i + 1));
    let nextPid = 400;
    for (let tick = 0; tick < 50; tick++) {
      const next: ProcessRow[] = [];
      for (const r of table) {
        const x = rand();
        if (x < 0.05) continue; // exited
        next.push(x < 0.2 ? { ...r, cpuPercent: Math.round(rand() * 1000) / 10, cpuTimes: r.cpuTimes + 0.01 } : r);
      }
      while (rand() < 0.6) next.push(row(nextPid++));
      const delta = diffRows(table, next);
      const applied = applyDelta(table, { ...delta, count: next.length });
      expect(applied).not.toBeNull();
      const byKey = new Map(applied!.map((r) => [processKey(r), r]));
      expect(byKey.size).toBe(next.length);
      for (const r of next) expect(byKey.get(processKey(r))).toEqual(r);
      const unchanged = table.filter((r) => next.includes(r));
      for (const r of unchanged) expect(byKey.get(processKey(r))).toBe(r);
      table = applied!;
    }
  });

  it('a change list that does not fit the table held says so (null), instead of a wrong table', () => {
    const prev = [row(1), row(2)];
    const d = diffRows(prev, [row(1), row(3)]);
    expect(applyDelta(prev, { ...d, count: 2 })).toEqual([row(1), row(3)]);
    // Applied to a table that never had pid 2, or that has an extra row: out of step.
    expect(applyDelta([row(1)], { ...d, count: 2 })).toBeNull();
    expect(applyDelta([row(1), row(2), row(9)], { ...d, count: 2 })).toBeNull();
    // A gone key must name the process held under that pid, not another one.
    expect(applyDelta([row(1), row(2, { createTime: 77 })], { ...d, count: 2 })).toBeNull();
  });

  it('with no previous table everything is new', () => {
    expect(diffRows(null, [row(1), row(2)]).rows).toHaveLength(2);
  });
});

describe('GPU shares in change lists', () => {
  const share = (gfx: number, memoryBytes = 10) => ({ busyPercent: gfx, engines: { gfx, compute: 1 }, memoryBytes, devices: ['0000:09:00.0'] });
  it('a row whose GPU share moved (an engine, its memory, its devices) is a changed row; an equal share in a new object is not', () => {
    const base = row(3, { gpu: share(20) });
    expect(sameRow(base, { ...base, gpu: share(20) })).toBe(true);
    expect(sameRow(base, { ...base, gpu: { ...share(20), engines: { gfx: 20, compute: 2 } } })).toBe(false);
    expect(sameRow(base, { ...base, gpu: { ...share(20), engines: { gfx: 20 } } })).toBe(false);
    expect(sameRow(base, { ...base, gpu: share(20, 11) })).toBe(false);
    expect(sameRow(base, { ...base, gpu: { ...share(20), devices: [] } })).toBe(false);
    expect(sameRow(base, { ...base, gpu: null })).toBe(false);
    expect(sameRow(row(3, { gpu: null }), row(3, { gpu: null }))).toBe(true);
  });
});
