import type { Cgroup, CgroupList } from '@procyon/collector';
import { cgroupRates, CGROUP_TOP_N, topPaths } from '../../shared/metrics/cgroups';
import type { MetricName, Series } from './metrics-catalogue';

// The top control groups (apps, services, containers) as procyon_cgroup_*
// families, from the exporter's own read of the groups (the Apps page's topic
// is sampled only while the page is shown). One set of groups per update, the
// top CGROUP_TOP_N by CPU and the top CGROUP_TOP_N by memory, so every family
// names the same groups and label cardinality stays bounded.

type CgroupFamilyName = Extract<MetricName, `procyon_cgroup_${string}`>;

/** A reading of the groups and when it was taken (ms), the base of the next one's CPU ranking. */
export interface CgroupReading {
  list: CgroupList;
  time: number;
}

/**
 * The groups to publish: the busiest by CPU over the time since `prev` (by
 * CPU time since each was made on the first reading, when there is no
 * rate yet), then the largest by memory; at most 2 × n, busiest first.
 */
export function topCgroups(cur: CgroupReading, prev: CgroupReading | null, n: number = CGROUP_TOP_N): Cgroup[] {
  const groups = cur.list.groups;
  const before = new Map(prev?.list.groups.map((g) => [g.path, g]));
  const seconds = prev ? (cur.time - prev.time) / 1000 : 0;
  const cpu = prev ? (g: Cgroup) => cgroupRates(g, before.get(g.path), seconds).cpuPercent : (g: Cgroup) => g.cpu.usageUsec;
  const chosen = new Set([...topPaths(groups, cpu, n), ...topPaths(groups, (g) => g.memory?.current ?? null, n)]);
  const byPath = new Map(groups.map((g) => [g.path, g]));
  return [...chosen].map((path) => byPath.get(path)!);
}

/** One update's procyon_cgroup_* series for the chosen groups. */
export function cgroupFamilies(groups: readonly Cgroup[]): Record<CgroupFamilyName, Series[]> {
  const out: Record<CgroupFamilyName, Series[]> = {
    procyon_cgroup_cpu_seconds_total: [],
    procyon_cgroup_memory_bytes: [],
    procyon_cgroup_pids: [],
    procyon_cgroup_io_read_bytes_total: [],
    procyon_cgroup_io_write_bytes_total: [],
  };
  for (const g of groups) {
    const labels = { path: g.path, name: g.name, kind: g.kind };
    out.procyon_cgroup_cpu_seconds_total.push({ labels, value: g.cpu.usageUsec / 1e6 });
    if (g.memory) out.procyon_cgroup_memory_bytes.push({ labels, value: g.memory.current });
    out.procyon_cgroup_pids.push({ labels, value: g.pidsCurrent ?? g.pids.length });
    if (g.io) {
      out.procyon_cgroup_io_read_bytes_total.push({ labels, value: g.io.readBytes });
      out.procyon_cgroup_io_write_bytes_total.push({ labels, value: g.io.writeBytes });
    }
  }
  return out;
}
