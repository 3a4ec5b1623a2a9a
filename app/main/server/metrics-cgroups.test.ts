import type { Cgroup, CgroupList } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import { group } from '../../shared/metrics/cgroup-fixture.test-util';
import { CGROUP_TOP_N } from '../../shared/metrics/cgroups';
import { createMonitorApi } from '../core/api';
import { Collector } from '../core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { Sampler } from '../core/sampler';
import { TopicRegistry } from '../core/topics';
import { cgroupFamilies, topCgroups } from './metrics-cgroups';
import { parseExposition } from './metrics-exposition.test-util';
import { MetricsExporter, TABLE_EVERY_MS, type ExtraReading } from './metrics-exporter';

// procyon_cgroup_*: the top groups by CPU (over the time since the exporter's
// last read) and by memory, one set for every family, bounded.

const cpu = (usageUsec: number) => ({ usageUsec, userUsec: usageUsec, systemUsec: 0, nrThrottled: null, throttledUsec: null });
const mem = (current: number) => ({ current, max: null, anon: null, file: null, source: 'v1' as const });
const list = (groups: Cgroup[]): CgroupList => ({ mount: '/sys/fs/cgroup', groups });

describe('topCgroups', () => {
  it('ranks by CPU since the last read (CPU time since made on the first), adds the largest by memory, at most 2 × N', () => {
    const n = 3 * CGROUP_TOP_N;
    // CPU time since made rises with i; over the last second it falls with i; memory is largest in the middle.
    const first = list(Array.from({ length: n }, (_, i) => group(`/g${i}`, { cpu: cpu(i * 1e6), memory: mem(i === 15 ? 1e9 : i) })));
    const second = list(first.groups.map((g, i) => ({ ...g, cpu: cpu(g.cpu.usageUsec + (n - i) * 1000) })));
    const once = topCgroups({ list: first, time: 0 }, null).map((g) => g.path);
    expect(once.slice(0, CGROUP_TOP_N)).toEqual(Array.from({ length: CGROUP_TOP_N }, (_, i) => `/g${n - 1 - i}`));
    const twice = topCgroups({ list: second, time: 1000 }, { list: first, time: 0 }).map((g) => g.path);
    expect(twice.slice(0, CGROUP_TOP_N)).toEqual(Array.from({ length: CGROUP_TOP_N }, (_, i) => `/g${i}`));
    expect(twice).toContain('/g15');
    expect(twice.length).toBeLessThanOrEqual(2 * CGROUP_TOP_N);
    expect(new Set(twice).size).toBe(twice.length);
  });

  it('gives each chosen group its CPU seconds, memory, processes and I/O bytes, labelled path, name and kind', () => {
    const g = group('/system.slice/docker-0123456789ab.scope', {
      kind: 'container',
      name: 'web',
      pids: [1, 2, 3],
      pidsCurrent: 4,
      cpu: cpu(2_500_000),
      memory: mem(1 << 20),
      io: { readBytes: 10, writeBytes: 20, readOps: 1, writeOps: 2, source: 'v2' },
    });
    const labels = { path: g.path, name: 'web', kind: 'container' };
    expect(cgroupFamilies([g, group('/bare')])).toEqual({
      procyon_cgroup_cpu_seconds_total: [{ labels, value: 2.5 }, { labels: { path: '/bare', name: 'bare', kind: 'service' }, value: 0 }],
      procyon_cgroup_memory_bytes: [{ labels, value: 1 << 20 }],
      procyon_cgroup_pids: [{ labels, value: 4 }, { labels: { path: '/bare', name: 'bare', kind: 'service' }, value: 1 }],
      procyon_cgroup_io_read_bytes_total: [{ labels, value: 10 }],
      procyon_cgroup_io_write_bytes_total: [{ labels, value: 20 }],
    });
  });
});

describe('the exporter', () => {
  it('publishes the top groups from its own read, and the cgroups topic down when that read fails', async () => {
    const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
    const topics = new TopicRegistry();
    const clock = { now: Date.now() };
    const sampler = new Sampler(new Collector(roots), { topics: () => topics.union(), now: () => clock.now });
    const facts = { cpuCountLogical: 8, cpuCountPhysical: 4, bootTime: 0 };
    const connect = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots, topics });
    let groups: CgroupList | null = list(Array.from({ length: 40 }, (_, i) => group(`/g${i}`, { cpu: cpu(i), memory: mem(i) })));
    const extra = async (): Promise<ExtraReading> => ({ perCpu: null, cpuStats: null, disks: null, hwmon: null, powerSupplies: null, cgroups: groups });
    const exporter = new MetricsExporter({ sampler, connect, roots, readers: { extra, processes: async () => ({ timestamp: 1, rows: [] }) }, now: () => clock.now, cgroups: true });
    await exporter.start();
    const scrape = async () => {
      clock.now += TABLE_EVERY_MS;
      await sampler.tick();
      return parseExposition((await exporter.scrape(undefined)).body);
    };
    const x = await scrape();
    expect(x.types.get('procyon_cgroup_cpu_seconds_total')).toBe('counter');
    expect(x.values('procyon_cgroup_cpu_seconds_total')).toHaveLength(CGROUP_TOP_N);
    expect(x.value('procyon_cgroup_memory_bytes', { path: '/g39', kind: 'service' })).toBe(39);
    expect(x.value('procyon_collector_topic_up', { topic: 'cgroups' })).toBe(1);
    groups = null;
    const down = await scrape();
    expect(down.values('procyon_cgroup_cpu_seconds_total')).toHaveLength(0);
    expect(down.value('procyon_collector_topic_up', { topic: 'cgroups' })).toBe(0);
    exporter.stop();
  });
});
