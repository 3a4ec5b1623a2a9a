import type { Cgroup, CgroupList } from '@procyon/collector';
import { group } from './cgroup-fixture.test-util';
import { describe, expect, it } from 'vitest';
import { MESSAGE_BUDGET_BYTES } from '../limits';
import { CGROUP_HISTORY_GROUPS, CGROUP_HISTORY_POINTS, CGROUP_PATH_MAX, CGROUP_PIDS_MAX, CGROUP_TEXT_MAX, CGROUP_TOP_N, CGROUPS_MAX, cgroupRates, sampleCgroups, type CgroupsSample } from './cgroups';

// The cgroups topic's sample: rates tick over tick, the bounds on what a
// group's owner controls, the carried CPU history and the top groups.

const cpu = (usageUsec: number, throttledUsec: number | null = null) => ({ usageUsec, userUsec: usageUsec, systemUsec: 0, nrThrottled: throttledUsec === null ? null : 1, throttledUsec });
const list = (groups: Cgroup[]): CgroupList => ({ mount: '/sys/fs/cgroup', groups });

describe('cgroupRates', () => {
  it('gives CPU in percent of one core, I/O in bytes per second and the throttled share, from two readings', () => {
    const prev = group('/a', { cpu: cpu(1_000_000, 0), io: { readBytes: 1000, writeBytes: 0, readOps: 1, writeOps: 0, source: 'v2' } });
    const cur = group('/a', { cpu: cpu(3_000_000, 500_000), io: { readBytes: 5000, writeBytes: 2048, readOps: 3, writeOps: 1, source: 'v2' } });
    // 2 s of CPU in 2 s: one whole core; 0.5 s throttled of 2 s.
    expect(cgroupRates(cur, prev, 2)).toEqual({ cpuPercent: 100, readBytesPerSec: 2000, writeBytesPerSec: 1024, throttledPercent: 25 });
  });

  it('has no rate on a first reading, for a counter that went back (a group made anew) or across a change of I/O source', () => {
    const cur = group('/a', { cpu: cpu(10), io: { readBytes: 10, writeBytes: 10, readOps: 0, writeOps: 0, source: 'v2' } });
    expect(cgroupRates(cur, undefined, 1)).toEqual({ cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null, throttledPercent: null });
    const before = group('/a', { cpu: cpu(5_000_000), io: { readBytes: 0, writeBytes: 0, readOps: 0, writeOps: 0, source: 'v1' } });
    expect(cgroupRates(cur, before, 1)).toMatchObject({ cpuPercent: null, readBytesPerSec: null, writeBytesPerSec: null });
  });
});

describe('sampleCgroups', () => {
  it('bounds what a group’s owner controls: names, ids, pids, over-long paths and the number of groups', () => {
    const many = Array.from({ length: CGROUPS_MAX + 5 }, (_, i) => group(`/g${i}`));
    const long = group(`/${'x'.repeat(CGROUP_PATH_MAX)}`);
    const named = group('/named', { name: 'N'.repeat(10_000), id: 'I'.repeat(10_000), pids: Array.from({ length: CGROUP_PIDS_MAX + 7 }, (_, i) => i + 1) });
    const s = sampleCgroups(list([named, long, ...many]), undefined, 1);
    expect(s.groups).toHaveLength(CGROUPS_MAX);
    expect(s.groups.some((g) => g.path === long.path)).toBe(false);
    expect(s.omitted).toBe(CGROUPS_MAX + 7 - CGROUPS_MAX);
    const n = s.groups.find((g) => g.path === '/named')!;
    expect(n.name).toHaveLength(CGROUP_TEXT_MAX);
    expect(n.id).toHaveLength(CGROUP_TEXT_MAX);
    expect(n.pids).toHaveLength(CGROUP_PIDS_MAX);
    expect(n.pidsTotal).toBe(CGROUP_PIDS_MAX + 7);
  });

  it('carries each group’s CPU history on from the previous sample, at most CGROUP_HISTORY_POINTS', () => {
    let reading = list([group('/busy', { cpu: cpu(0) }), group('/idle', { cpu: cpu(0) })]);
    let sample: CgroupsSample = sampleCgroups(reading, undefined, 1);
    expect(sample.groups.every((g) => g.cpuHistory.length === 0)).toBe(true);
    for (let t = 1; t <= CGROUP_HISTORY_POINTS + 10; t++) {
      const next = list([group('/busy', { cpu: cpu(t * 500_000) }), group('/idle', { cpu: cpu(0) })]);
      sample = sampleCgroups(next, reading, 1, sample);
      reading = next;
    }
    const busy = sample.groups.find((g) => g.path === '/busy')!;
    expect(busy.cpuHistory).toHaveLength(CGROUP_HISTORY_POINTS);
    expect(busy.cpuHistory.every((v) => v === 50)).toBe(true);
    expect(sample.groups.find((g) => g.path === '/idle')!.cpuHistory).toHaveLength(CGROUP_HISTORY_POINTS);
  });

  it('keeps a history for the CGROUP_HISTORY_GROUPS busiest groups only', () => {
    const n = CGROUP_HISTORY_GROUPS + 20;
    const first = list(Array.from({ length: n }, (_, i) => group(`/g${i}`, { cpu: cpu(0) })));
    const second = list(Array.from({ length: n }, (_, i) => group(`/g${i}`, { cpu: cpu(i * 1000) })));
    const s = sampleCgroups(second, first, 1, sampleCgroups(first, undefined, 1));
    const withHistory = s.groups.filter((g) => g.cpuHistory.length > 0);
    expect(withHistory).toHaveLength(CGROUP_HISTORY_GROUPS);
    // The busiest (highest i) keep one; the quietest do not.
    expect(s.groups.find((g) => g.path === `/g${n - 1}`)!.cpuHistory).toEqual([(n - 1) / 10]);
    expect(s.groups.find((g) => g.path === '/g0')!.cpuHistory).toEqual([]);
  });

  it('names the top groups by CPU and by memory, largest first, at most CGROUP_TOP_N', () => {
    const n = CGROUP_TOP_N + 5;
    const mem = (current: number) => ({ current, max: null, anon: null, file: null, source: 'v1' as const });
    const first = list(Array.from({ length: n }, (_, i) => group(`/g${i}`, { cpu: cpu(0), memory: mem(i) })));
    const second = list(Array.from({ length: n }, (_, i) => group(`/g${i}`, { cpu: cpu((n - i) * 1000), memory: mem(i) })));
    const s = sampleCgroups(second, first, 1);
    expect(s.top.cpu).toHaveLength(CGROUP_TOP_N);
    expect(s.top.cpu[0]).toBe('/g0');
    expect(s.top.memory[0]).toBe(`/g${n - 1}`);
    expect(s.top.memory).toHaveLength(CGROUP_TOP_N);
  });
});

describe('the bounds together', () => {
  it('keep the largest tick a host can be made to send inside the message budget', () => {
    const line = { avg10: 99.99, avg60: 99.99, avg300: 99.99, total: 2 ** 53 - 1 };
    const pressure = { some: line, full: line };
    const big = (i: number, usageUsec: number): Cgroup =>
      group(`/${String(i).padStart(6, '0')}${'p'.repeat(CGROUP_PATH_MAX - 7)}`, {
        name: 'N'.repeat(10_000),
        id: 'I'.repeat(10_000),
        engine: 'kubepods',
        uid: 2 ** 32 - 2,
        pids: Array.from({ length: 5_000 }, (_, k) => 4_000_000 + k),
        pidsCurrent: 2 ** 31,
        cpu: { usageUsec, userUsec: usageUsec, systemUsec: usageUsec, nrThrottled: 2 ** 53 - 1, throttledUsec: 2 ** 53 - 1 },
        memory: { current: 2 ** 53 - 1, max: 2 ** 53 - 1, anon: 2 ** 53 - 1, file: 2 ** 53 - 1, source: 'v1' },
        io: { readBytes: 2 ** 53 - 1, writeBytes: 2 ** 53 - 1, readOps: 2 ** 53 - 1, writeOps: 2 ** 53 - 1, source: 'v1' },
        pressure: { cpu: pressure, memory: pressure, io: pressure },
      });
    let reading = list(Array.from({ length: CGROUPS_MAX * 2 }, (_, i) => big(i, 0)));
    let sample = sampleCgroups(reading, undefined, 1);
    for (let t = 1; t <= CGROUP_HISTORY_POINTS; t++) {
      const next = list(reading.groups.map((g) => ({ ...g, cpu: { ...g.cpu, usageUsec: g.cpu.usageUsec + 123_457 } })));
      sample = sampleCgroups(next, reading, 1, sample);
      reading = next;
    }
    expect(sample.groups.filter((g) => g.cpuHistory.length === CGROUP_HISTORY_POINTS)).toHaveLength(CGROUP_HISTORY_GROUPS);
    expect(new TextEncoder().encode(JSON.stringify(sample)).length).toBeLessThan(MESSAGE_BUDGET_BYTES * 0.9);
  });
});
