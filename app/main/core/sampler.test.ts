import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDelta } from '../../shared';
import { Collector } from './collector';
import { FIXTURE_PROC, FIXTURE_SYS, writableProcRoot } from './fixture-root.test-util';
import { feedOf } from './live-feed';
import { Sampler } from './sampler';

// Real collector, real files: the fixture tree, copied so the test can advance /proc/stat.

function bumpCpuLine(stat: string, cpu: string, userDelta: number, idleDelta: number): string {
  return stat
    .split('\n')
    .map((line) => {
      const f = line.split(/\s+/);
      if (f[0] !== cpu) return line;
      f[1] = String(Number(f[1]) + userDelta);
      f[4] = String(Number(f[4]) + idleDelta);
      return f.join(' ');
    })
    .join('\n');
}

describe('Sampler', () => {
  it('has no CPU rate on the first tick, then computes it from the counter deltas', async () => {
    const root = writableProcRoot();
    const sampler = new Sampler(new Collector({ procfs: root.dir, sysfs: FIXTURE_SYS }), { intervalMs: 1000 });
    const first = await sampler.tick();
    expect(first?.cpu).toBeNull();
    expect(first?.memory.total).toBeGreaterThan(0);

    // 30 jiffies busy, 70 idle on the total line; cpu0 fully busy, cpu1 untouched.
    root.setStat((s) => bumpCpuLine(bumpCpuLine(s, 'cpu', 30, 70), 'cpu0', 50, 0));
    const second = await sampler.tick();
    expect(second?.seq).toBe(2);
    expect(second?.cpu?.percent).toBe(30);
    expect(second?.cpu?.perCpu[0]).toBe(100);
    expect(second?.cpu?.perCpu[1]).toBe(0);
    expect(second?.cpu?.timesPercent.user).toBe(30);
    expect(second?.cpu?.timesPercent.idle).toBe(70);
  });

  it('answers historySince by time', async () => {
    let now = 1_000_000;
    const sampler = new Sampler(new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS }), { now: () => now });
    for (let i = 0; i < 5; i++) {
      await sampler.tick();
      now += 1000;
    }
    expect(sampler.historySince(300).map((s) => s.seq)).toEqual([1, 2, 3, 4, 5]);
    // now is 1000 ms past the last tick: the last 2 s hold ticks 4 and 5.
    expect(sampler.historySince(2).map((s) => s.seq)).toEqual([4, 5]);
  });

  it('reports a failed read as an error event and keeps going', async () => {
    const sampler = new Sampler(new Collector({ procfs: '/nonexistent/procyon', sysfs: FIXTURE_SYS }));
    const errors: unknown[] = [];
    sampler.on('error', (e) => errors.push(e));
    expect(await sampler.tick()).toBeNull();
    expect(errors).toHaveLength(1);
    expect((errors[0] as { code?: string }).code).toBe('NOT_FOUND');
    expect(sampler.latest).toBeNull();
  });

  it('refuses an interval outside the contract', () => {
    const sampler = new Sampler(new Collector({ procfs: FIXTURE_PROC }));
    expect(() => sampler.setIntervalMs(10)).toThrow(RangeError);
    expect(() => sampler.setIntervalMs(1000.5)).toThrow(RangeError);
    sampler.setIntervalMs(2000);
    expect(sampler.intervalMs).toBe(2000);
  });

  it('after a failed tick, the live feed gets the processes gone since the table it last sent', async () => {
    const root = writableProcRoot();
    for (const pid of ['26231', '584']) cpSync(path.join(FIXTURE_PROC, pid), path.join(root.dir, pid), { recursive: true });
    const collector = new Collector({ procfs: root.dir, sysfs: FIXTURE_SYS });
    const sampler = new Sampler(collector, { topics: () => new Set(['processes']) });
    const feed = feedOf(sampler);
    const errors: unknown[] = [];
    sampler.on('error', (e) => errors.push(e));
    const first = (await sampler.tick())!;
    expect(first.processes!.map((r) => r.pid).sort((a, b) => a - b)).toEqual([584, 26231]);

    const readTick = collector.readTick.bind(collector);
    collector.readTick = () => Promise.reject(new Error('boom'));
    expect(await sampler.tick()).toBeNull();
    expect(errors).toHaveLength(1);
    collector.readTick = readTick;
    rmSync(path.join(root.dir, '584'), { recursive: true });

    await sampler.tick();
    // A receiver that has the first tick's table: what it is sent must turn that table into this one.
    const delta = feed.formFor(true, first.seq)!.processDelta!;
    const gone = first.processes!.find((r) => r.pid === 584)!;
    expect(delta.gone).toEqual([`584:${gone.createTime}`]);
    expect(applyDelta(first.processes!, delta)?.map((r) => r.pid)).toEqual([26231]);
  });
});
