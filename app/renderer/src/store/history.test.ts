// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { HostInfo, Snapshot } from '../../../shared/payloads';
import { appendSnapshot, boundLong, capacityOf, extendLong, LONG_HISTORY_CAP, mergeHistory, recent, windowHistory } from './history';
import { createMonitorStore, selectHistory, selectLatest } from './monitor';

const snap = (seq: number, time = seq * 1000) => ({ seq, time }) as Snapshot;
const seqs = (list: Snapshot[]) => list.map((s) => s.seq);

describe('appendSnapshot', () => {
  it('appends newer ticks and bounds the length', () => {
    let h: Snapshot[] = [];
    for (let i = 1; i <= 5; i++) h = appendSnapshot(h, snap(i), 3);
    expect(seqs(h)).toEqual([3, 4, 5]);
  });
  it('ignores a tick whose seq is not newer, returning the same array', () => {
    const h = [snap(1), snap(2)];
    expect(appendSnapshot(h, snap(2), 10)).toBe(h);
    expect(appendSnapshot(h, snap(1), 10)).toBe(h);
  });
  it('starts over when the host restarted (seq back, time forward)', () => {
    const h = [snap(100, 1000), snap(101, 2000)];
    expect(seqs(appendSnapshot(h, snap(1, 5000), 10))).toEqual([1]);
  });
});

describe('mergeHistory', () => {
  it('keeps live ticks that arrived after the fetched range', () => {
    const current = [snap(9), snap(10), snap(11)];
    expect(seqs(mergeHistory(current, [snap(8), snap(7), snap(9), snap(10)], 100))).toEqual([7, 8, 9, 10, 11]);
  });
  it('drops ticks of a previous host session', () => {
    const current = [snap(500, 1000), snap(501, 2000)];
    expect(seqs(mergeHistory(current, [snap(1, 9000), snap(2, 10_000)], 100))).toEqual([1, 2]);
  });
  it('leaves the history alone when nothing was fetched', () => {
    const current = [snap(1)];
    expect(mergeHistory(current, [], 10)).toBe(current);
  });
  it('bounds the result', () => {
    expect(seqs(mergeHistory([], [snap(1), snap(2), snap(3)], 2))).toEqual([2, 3]);
  });
});

describe('recent', () => {
  it('keeps ticks within the span of the newest', () => {
    const h = [snap(1), snap(2), snap(3), snap(4), snap(5)];
    expect(seqs(recent(h, 2000))).toEqual([3, 4, 5]);
    expect(recent(h, 60_000)).toBe(h);
    expect(recent([], 1000)).toEqual([]);
  });
});

describe('capacityOf', () => {
  it('falls back to 3600', () => {
    expect(capacityOf(undefined)).toBe(3600);
    expect(capacityOf(0)).toBe(3600);
    expect(capacityOf(600)).toBe(600);
  });
});

describe('monitor store', () => {
  it('applies each snapshot once and tracks the latest', () => {
    const store = createMonitorStore();
    store.getState().applySnapshot(snap(1));
    store.getState().applySnapshot(snap(2));
    const before = store.getState();
    store.getState().applySnapshot(snap(2));
    expect(store.getState()).toBe(before);
    expect(store.getState().latest?.seq).toBe(2);
    store.getState().loadHistory([snap(0), snap(1)]);
    expect(seqs(store.getState().history)).toEqual([0, 1, 2]);
    expect(store.getState().latest?.seq).toBe(2);
  });
  it('toggles away from the effective theme', () => {
    const store = createMonitorStore({ systemTheme: 'dark' });
    store.getState().toggleTheme();
    expect(store.getState().themePreference).toBe('light');
    store.getState().toggleTheme();
    expect(store.getState().themePreference).toBe('dark');
  });
});

describe('long-range history', () => {
  it('boundLong sorts by time and keeps the newest LONG_HISTORY_CAP entries', () => {
    const many = Array.from({ length: LONG_HISTORY_CAP + 10 }, (_, i) => snap(i));
    const bounded = boundLong([...many].reverse());
    expect(bounded).toHaveLength(LONG_HISTORY_CAP);
    expect(bounded[0]!.seq).toBe(10);
    expect(bounded[bounded.length - 1]!.seq).toBe(LONG_HISTORY_CAP + 9);
  });
  it('windowHistory puts bucket averages before the live ticks, within the span', () => {
    const live = [snap(100), snap(101), snap(102)];
    const long = [snap(40), snap(60), snap(80), snap(100), snap(101)];
    expect(seqs(windowHistory(live, long, 50_000))).toEqual([60, 80, 100, 101, 102]);
    expect(seqs(windowHistory(live, [], 50_000))).toEqual([100, 101, 102]);
    expect(seqs(windowHistory(live, long, 1000))).toEqual([101, 102]);
    expect(seqs(windowHistory([], long, 30_000))).toEqual([80, 100, 101]);
  });
});

describe('monitor store: pause and bounds', () => {
  it('freezes the view while ticks keep arriving, and catches up on resume', () => {
    const store = createMonitorStore();
    store.getState().applySnapshot(snap(1));
    store.getState().togglePause();
    store.getState().applySnapshot(snap(2));
    store.getState().applySnapshot(snap(3));
    const s = store.getState();
    expect(seqs(selectHistory(s))).toEqual([1]);
    expect(selectLatest(s)?.seq).toBe(1);
    expect(seqs(s.history)).toEqual([1, 2, 3]);
    store.getState().togglePause();
    expect(seqs(selectHistory(store.getState()))).toEqual([1, 2, 3]);
    expect(selectLatest(store.getState())?.seq).toBe(3);
  });
  it('bounds live history by the host’s capacity and long history by its cap', () => {
    const store = createMonitorStore();
    store.getState().setInfo({ historyCapacity: 5 } as HostInfo);
    for (let i = 1; i <= 12; i++) store.getState().applySnapshot(snap(i));
    expect(seqs(store.getState().history)).toEqual([8, 9, 10, 11, 12]);
    store.getState().setLong(Array.from({ length: 3000 }, (_, i) => snap(i)));
    expect(store.getState().long).toHaveLength(LONG_HISTORY_CAP);
    store.getState().setLong([]);
    expect(store.getState().long).toEqual([]);
  });
  it('merges settings patches and ignores a same-page navigation', () => {
    const store = createMonitorStore();
    store.getState().updateSettings({ rateUnit: 'bits' });
    expect(store.getState().settings).toMatchObject({ rateUnit: 'bits', range: '5m' });
    const before = store.getState();
    store.getState().setPage('overview');
    expect(store.getState()).toBe(before);
    store.getState().setPage('cpu');
    expect(store.getState().page).toBe('cpu');
  });
});

describe('extendLong', () => {
  it('appends what was added, replaces an overlap, and lets go of what left the span', () => {
    const held = [snap(40), snap(60), snap(80)];
    expect(seqs(extendLong(held, [snap(100), snap(120)], 60_000))).toEqual([60, 80, 100, 120]);
    const redone = extendLong(held, [snap(81, 80_000), snap(100)], 60_000);
    expect(seqs(redone)).toEqual([40, 60, 81, 100]);
    expect(extendLong(held, [], 60_000)).toBe(held);
  });
});
