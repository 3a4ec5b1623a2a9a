import { describe, expect, it } from 'vitest';
import type { ProcessRow } from '../../../shared/payloads';
import type { Snapshot } from '../../../shared/payloads';
import { createMonitorStore } from './monitor';

// A whole table too big for one WebSocket message comes in parts
// (ProcessDelta.part; the host's side: app/main/server/ws-budget.test.ts). The
// store holds the parts and shows the table once, at the last.

const row = (pid: number) => ({ pid, createTime: 1000 + pid, cmdline: ['p'] }) as ProcessRow;
const rows = [1, 2, 3, 4, 5].map(row);
const part = (seq: number, index: number, of: number, slice: ProcessRow[]) =>
  ({ seq, time: seq * 1000, processDelta: { base: null, rows: slice, gone: [], count: rows.length, part: { index, of } } }) as unknown as Snapshot;

describe('a table in parts', () => {
  it('is held until its last part, then shown whole', () => {
    const store = createMonitorStore();
    expect(store.getState().applySnapshot(part(7, 0, 3, rows.slice(0, 2)))).toBe(true);
    expect(store.getState().applySnapshot(part(7, 1, 3, rows.slice(2, 4)))).toBe(true);
    expect(store.getState().processes).toBeNull();
    expect(store.getState().applySnapshot(part(7, 2, 3, rows.slice(4)))).toBe(true);
    expect(store.getState().processes!.rows).toEqual(rows);
    expect(store.getState().history.map((s) => s.seq)).toEqual([7]);
  });

  it('says it is out of step when a part is missing', () => {
    const store = createMonitorStore();
    expect(store.getState().applySnapshot(part(7, 0, 3, rows.slice(0, 2)))).toBe(true);
    expect(store.getState().applySnapshot(part(7, 2, 3, rows.slice(4)))).toBe(false);
    expect(store.getState().processes).toBeNull();
  });
});
