import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { applyDelta, type ProcessRow, type Snapshot } from '../../shared';
import { LiveFeed, noteTableChanges } from './live-feed';

const row = (pid: number, cpuPercent = 0): ProcessRow => ({
  pid, createTime: 500 + pid, ppid: 1, name: `p${pid}`, username: 'root', status: 'sleeping', cpuPercent, cpuTimes: 1, rss: 1, vms: 1,
  memoryPercent: 0, numThreads: 1, nice: 0, cmdline: [], readBytesPerSec: 0, writeBytesPerSec: 0, terminal: null, cpuNum: 0,
});

function tick(seq: number, processes?: ProcessRow[]): Snapshot {
  return { seq, time: seq * 1000, intervalMs: 1000, cpu: null, memory: {} as Snapshot['memory'], swap: {} as Snapshot['swap'], ...(processes && { processes }) };
}

function setup() {
  const sampler = new EventEmitter();
  const feed = new LiveFeed(sampler);
  return { sampler, feed, emit: (s: Snapshot) => sampler.emit('snapshot', s) };
}

describe('LiveFeed', () => {
  it('never forwards `processes`; a receiver that does not show processes gets none', () => {
    const { feed, emit } = setup();
    emit(tick(1, [row(1)]));
    const form = feed.formFor(false, null)!;
    expect(form.seq).toBe(1);
    expect(form.processes).toBeUndefined();
    expect(form.processDelta).toBeUndefined();
  });

  it('the first form is the whole table, then change lists against the previous tick', () => {
    const { feed, emit } = setup();
    emit(tick(1, [row(1), row(2)]));
    const first = feed.formFor(true, null)!;
    expect(first.processDelta).toMatchObject({ base: null, count: 2 });
    expect(first.processDelta!.rows).toHaveLength(2);

    emit(tick(2, [row(1), row(2, 50), row(3)]));
    const second = feed.formFor(true, 1)!;
    expect(second.processDelta).toMatchObject({ base: 1, gone: [], count: 3 });
    expect(second.processDelta!.rows.map((r) => r.pid)).toEqual([2, 3]);
    expect(applyDelta(first.processDelta!.rows, second.processDelta!)!.map((r) => r.pid)).toEqual([1, 2, 3]);
  });

  it('a receiver that missed a tick gets the whole table again', () => {
    const { feed, emit } = setup();
    emit(tick(1, [row(1)]));
    emit(tick(2, [row(1)]));
    emit(tick(3, [row(1), row(2)]));
    expect(feed.formFor(true, 1)!.processDelta!.base).toBeNull();
    expect(feed.formFor(true, 2)!.processDelta!.base).toBe(2);
  });

  it('a tick without process rows breaks the chain', () => {
    const { feed, emit } = setup();
    emit(tick(1, [row(1)]));
    emit(tick(2));
    emit(tick(3, [row(1)]));
    expect(feed.formFor(true, 1)!.processDelta!.base).toBeNull();
  });

  it('builds each form once per tick, whatever the number of receivers', () => {
    const { feed, emit } = setup();
    emit(tick(1, [row(1)]));
    emit(tick(2, [row(1, 3)]));
    expect(feed.formFor(true, 1)).toBe(feed.formFor(true, 1));
    expect(feed.formFor(true, null)).toBe(feed.formFor(true, 7));
    expect(feed.formFor(false, 1)).toBe(feed.formFor(false, null));
  });

  it('takes the sampler’s change list when it is against the same base, and diffs the rows itself otherwise', () => {
    const { feed, emit } = setup();
    const r1 = row(1);
    emit(tick(1, [r1, row(2)]));
    const s2 = tick(2, [r1, row(3)]);
    // A change list the feed could not have found itself (r1 is the same object): proof that it was used.
    noteTableChanges(s2, { base: 1, rows: [r1, s2.processes![1]!], gone: ['2:502'] });
    emit(s2);
    expect(feed.formFor(true, 1)!.processDelta!.rows.map((r) => r.pid)).toEqual([1, 3]);
    const s3 = tick(3, [r1, row(4)]);
    noteTableChanges(s3, { base: 1, rows: [], gone: [] }); // against another tick: ignored
    emit(s3);
    const third = feed.formFor(true, 2)!.processDelta!;
    expect(third.rows.map((r) => r.pid)).toEqual([4]);
    expect(third.gone).toEqual(['3:503']);
  });
});
