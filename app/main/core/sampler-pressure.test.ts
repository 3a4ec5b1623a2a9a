import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Topic } from '../../shared';
import { Collector } from './collector';
import { FIXTURE_PROC, FIXTURE_SYS, writableProcRoot } from './fixture-root.test-util';
import { Sampler } from './sampler';

// Pressure-stall information through the real collector and the captured tree's
// /proc/pressure (cpu: some only; io and memory: some total=15 µs, full total=25 µs).

const PRESSURE = new Set<Topic>(['pressure']);

/** A sampler on `procfs` with a clock the test moves. */
function sampler(procfs: string, topics: ReadonlySet<Topic> = PRESSURE) {
  const clock = { now: 1_000_000 };
  return { clock, sampler: new Sampler(new Collector({ procfs, sysfs: FIXTURE_SYS }), { topics: () => topics, now: () => clock.now }) };
}

/** Adds `deltaUs` to the total of `kind`'s line in a /proc/pressure file. */
const bumpTotal = (kind: 'some' | 'full', deltaUs: number) => (text: string) =>
  text.replace(new RegExp(`^(${kind} .*total=)(\\d+)$`, 'm'), (_m, head: string, total: string) => `${head}${Number(total) + deltaUs}`);

describe('Sampler: pressure stall', () => {
  it('reads /proc/pressure only while the topic is asked for, each line as the kernel reports it, no share on the first reading', async () => {
    const off = sampler(FIXTURE_PROC, new Set());
    expect((await off.sampler.tick())?.pressure).toBeUndefined();

    const { sampler: s } = sampler(FIXTURE_PROC);
    const first = await s.tick();
    expect(first?.errors).toBeUndefined();
    expect(first?.pressure).toEqual({
      cpu: { some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6, stalledPercent: null }, full: null },
      memory: {
        some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6, stalledPercent: null },
        full: { avg10: 0.2, avg60: 3, avg300: 4.95, total: 25e-6, stalledPercent: null },
      },
      io: {
        some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6, stalledPercent: null },
        full: { avg10: 0.2, avg60: 3, avg300: 4.95, total: 25e-6, stalledPercent: null },
      },
      // The capture predates irq pressure (Linux 6.1).
      irq: null,
    });
  });

  it('charts the share of each tick stalled, from the change in total over the elapsed time, and keeps it in history', async () => {
    const root = writableProcRoot();
    cpSync(path.join(FIXTURE_PROC, 'pressure'), path.join(root.dir, 'pressure'), { recursive: true });
    const { clock, sampler: s } = sampler(root.dir);
    await s.tick();
    // Over 2 s: some task waited on I/O for 0.5 s (25%), every task for 0.1 s (5%); memory for 1.9 s; the CPU not at all.
    root.edit('pressure/io', (t) => bumpTotal('full', 100_000)(bumpTotal('some', 500_000)(t)));
    root.edit('pressure/memory', bumpTotal('some', 1_900_000));
    clock.now += 2000;
    const second = (await s.tick())!;
    expect(second.pressure?.io?.some?.stalledPercent).toBeCloseTo(25, 9);
    expect(second.pressure?.io?.full?.stalledPercent).toBeCloseTo(5, 9);
    expect(second.pressure?.memory?.some?.stalledPercent).toBeCloseTo(95, 9);
    expect(second.pressure?.memory?.full?.stalledPercent).toBe(0);
    expect(second.pressure?.cpu?.some?.stalledPercent).toBe(0);
    expect(second.pressure?.io?.some?.total).toBeCloseTo(0.500015, 12);

    const kept = s.historySince(60).at(-1);
    expect(kept?.seq).toBe(second.seq);
    expect(kept?.pressure?.io?.some?.stalledPercent).toBeCloseTo(25, 9);
  });

  it('a tree without /proc/pressure (a kernel without PSI) gives null, not an error', async () => {
    const root = writableProcRoot();
    const { sampler: s } = sampler(root.dir);
    const snap = await s.tick();
    expect(snap?.errors).toBeUndefined();
    expect(snap?.pressure).toBeNull();
  });
});
