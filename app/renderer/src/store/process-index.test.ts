// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import { applyDelta, diffRows, ProcessIndex, processKey } from '../../../shared/process-delta';
import { createMonitorStore } from './monitor';

const row = (pid: number, createTime = 100, cpuPercent = 0) => ({ pid, createTime, cpuPercent, cmdline: [] as string[] }) as unknown as ProcessRow;

describe('ProcessIndex', () => {
  it('gives applyDelta’s table, in its order, and names the row objects that came and went', () => {
    const index = new ProcessIndex();
    let held = [row(1), row(2), row(3), row(4)];
    for (let t = 0; t < 30; t++) {
      const next = held.filter((r) => (r.pid + t) % 7 !== 0).map((r) => ((r.pid + t) % 3 === 0 ? { ...r, cpuPercent: t } : r));
      next.push(row(100 + t, t), row(200 + t, t));
      const delta = { ...diffRows(held, next), count: next.length };
      const want = applyDelta(held, delta)!;
      const got = index.apply(held, delta)!;
      expect(got.rows).toEqual(want);
      got.rows.forEach((r, i) => expect(r).toBe(want[i]));
      expect(got.from).toBe(held);
      expect(new Set(got.added)).toEqual(new Set(got.rows.filter((r) => !held.includes(r))));
      expect(new Set(got.removed)).toEqual(new Set(held.filter((r) => !got.rows.includes(r))));
      held = got.rows;
    }
  });

  it('refuses what applyDelta refuses, and recovers on the next table it is given', () => {
    const index = new ProcessIndex();
    const held = [row(1), row(2), row(3)];
    const bad = [
      { rows: [], gone: ['9:100'], count: 2 }, // gone process it never had
      { rows: [], gone: ['2:999'], count: 2 }, // right pid, other process
      { rows: [row(2, 555)], gone: [], count: 3 }, // a "change" to another process
      { rows: [], gone: [], count: 4 }, // count out of step
    ];
    for (const delta of bad) {
      expect(applyDelta(held, delta)).toBeNull();
      expect(index.apply(held, delta)).toBeNull();
    }
    // The failed attempts mutated nothing the next apply depends on.
    const ok = { rows: [row(2, 100, 5)], gone: [processKey(held[0]!)], count: 2 };
    expect(index.apply(held, ok)!.rows).toEqual(applyDelta(held, ok));
  });

  it('a pid reused within one change list: the old process goes and the new one comes', () => {
    const index = new ProcessIndex();
    const held = [row(1), row(2)];
    const fresh = row(2, 300);
    const got = index.apply(held, { rows: [fresh], gone: ['2:100'], count: 2 })!;
    expect(got.rows).toEqual([held[0], fresh]);
    expect(got.removed).toEqual([held[1]]);
    expect(got.added).toEqual([fresh]);
  });
});

describe('store change info', () => {
  it('hands the page what a live change list did; a whole table carries none', () => {
    const store = createMonitorStore();
    const apply = (seq: number, processDelta: object) => store.getState().applySnapshot({ seq, time: seq * 1000, processDelta } as never);
    const first = [row(1), row(2)];
    expect(apply(1, { base: null, rows: first, gone: [], count: 2 })).toBe(true);
    expect(store.getState().processes?.change).toBeUndefined();
    const changed = row(2, 100, 50);
    expect(apply(2, { base: 1, rows: [changed], gone: [], count: 2 })).toBe(true);
    const set = store.getState().processes!;
    expect(set.change).toEqual({ from: first, added: [changed], removed: [first[1]] });
    // A tick already held: nothing changes, and it still says whether its list fitted the table.
    expect(apply(2, { base: 2, rows: [], gone: [], count: 2 })).toBe(true);
    expect(apply(2, { base: 2, rows: [], gone: [], count: 5 })).toBe(false);
    expect(apply(2, { base: 1, rows: [changed], gone: [], count: 2 })).toBe(false);
    expect(store.getState().processes).toBe(set);
    store.getState().setProcesses({ seq: 3, time: 3000, processes: first } as never);
    expect(store.getState().processes?.change).toBeUndefined();
    // After a whole table the index is rebuilt from it.
    expect(apply(4, { base: 3, rows: [], gone: ['1:100'], count: 1 })).toBe(true);
    expect(store.getState().processes?.rows).toEqual([first[1]]);
  });
});
