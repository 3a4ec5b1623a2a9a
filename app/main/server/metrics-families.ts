import type { Cgroup, CpuStats, CpuTimes, DiskIoCounters, HwmonChip, PowerSupply, WinService } from '@procyon/collector';
import type { Snapshot } from '../../shared';
import { isLabelled } from '../../shared/metrics/define';
import { METRIC_LIST, type MetricSamples, type MetricTopic } from '../../shared/metrics/registry';
import { DISK_DEVICE_EXCLUDE, type MetricName, type Series } from './metrics-catalogue';
import { hwmonFamilies, powerSupplyFamilies } from './metrics-node-sysfs';
import { serviceFamilies } from './metrics-windows-services';
import { cgroupFamilies } from './metrics-cgroups';
import type { ProcessTops, TopProcess } from './metrics-top';

export type { Series };

export type Families = Partial<Record<MetricName, Series[]>>;

/** What one tick gives the exporter: the sampler's snapshot plus the counters the snapshot does not carry. */
export interface TickInputs {
  snapshot: Snapshot;
  /** Cumulative per-CPU times (psutil.cpu_times(percpu=True)); null when the read failed. */
  perCpu: CpuTimes[] | null;
  cpuStats: CpuStats | null;
  /** Cumulative per-device counters (nowrap applied); null when the read failed. */
  disks: Record<string, DiskIoCounters> | null;
  /** hwmon chips under node_exporter's names; null when the read failed. */
  hwmon: HwmonChip[] | null;
  /** /sys/class/power_supply entries by sysfs name; null when the read failed. */
  powerSupplies: PowerSupply[] | null;
  processes: ProcessTops | null;
  /** Windows services (windows_service_*); null when the read failed; absent where the collector has none. */
  services?: WinService[] | null;
  /** The top control groups (metrics-cgroups.ts); null when the read failed; absent where the collector has none. */
  cgroups?: Cgroup[] | null;
  /** Seconds since the epoch. */
  bootTime: number | null;
  /** How long the exporter's own reads for this tick took. */
  updateSeconds: number;
}

const CPU_MODES = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal'] as const;
/** psutil's Windows cpu_times() fields beyond the Linux ones: published where the record has them (its catalogue entry names them on Windows). */
const WINDOWS_ONLY_CPU_FIELDS = ['interrupt', 'dpc'] as const;

/** One CPU's times by mode: each of the record's modes that it has (a Windows record lacks Linux's nice, iowait, …). */
function cpuModes(times: CpuTimes, cpu: string): Series[] {
  const out: Series[] = [];
  const record = times as unknown as Partial<Record<string, number>>;
  for (const mode of [...CPU_MODES, ...WINDOWS_ONLY_CPU_FIELDS]) {
    const value = record[mode];
    if (typeof value === 'number') out.push({ labels: { cpu, mode }, value });
  }
  return out;
}

/** The declared metrics that publish families (app/shared/metrics). */
const EXPORTED_METRICS = METRIC_LIST.filter((m) => Object.keys(m.exporter).length > 0);

/**
 * The Snapshot topics the exporter asks the sampler for, and reports up/down.
 * Not `sensors`: psutil's sensors merge chips and name sensors by label, and
 * the exporter reads hwmon itself under node_exporter's names.
 */
export const EXPORTER_TOPICS: readonly ('cpu' | 'partitions' | 'network' | 'battery' | MetricTopic)[] = [
  'cpu',
  'partitions',
  'network',
  'battery',
  ...EXPORTED_METRICS.map((m) => m.topic as MetricTopic),
];

const one = (value: number): Series[] => [{ labels: {}, value }];

function tops(list: TopProcess[]): Series[] {
  return list.map((p) => ({ labels: { pid: String(p.pid), name: p.name }, value: p.value }));
}

/** Pure: one tick's inputs → every series to publish. A topic that was not read or failed simply has no series. */
export function buildFamilies(t: TickInputs): Families {
  const s = t.snapshot;
  const f: Families = {};

  if (t.perCpu) {
    f.node_cpu_seconds_total = t.perCpu.flatMap((times, i) => cpuModes(times, String(i)));
    f.node_cpu_guest_seconds_total = t.perCpu.flatMap((times, i) => [
      { labels: { cpu: String(i), mode: 'user' }, value: times.guest },
      { labels: { cpu: String(i), mode: 'nice' }, value: times.guestNice },
    ]);
  }
  if (t.cpuStats) {
    f.node_context_switches_total = one(t.cpuStats.ctxSwitches);
    f.node_intr_total = one(t.cpuStats.interrupts);
    f.windows_system_system_calls_total = one(t.cpuStats.syscalls);
  }
  if (s.cpuDetails) {
    if (s.cpuDetails.loadavg) {
      const [l1, l5, l15] = s.cpuDetails.loadavg;
      f.node_load1 = one(l1);
      f.node_load5 = one(l5);
      f.node_load15 = one(l15);
    }
    const freq = s.cpuDetails.perCpuFreq.map((fr, i) => ({ cpu: String(i), ...fr }));
    // psutil reports MHz, and 0 for an unknown min/max.
    f.node_cpu_scaling_frequency_hertz = freq.map((fr) => ({ labels: { cpu: fr.cpu }, value: fr.current * 1e6 }));
    f.node_cpu_scaling_frequency_min_hertz = freq.filter((fr) => fr.min > 0).map((fr) => ({ labels: { cpu: fr.cpu }, value: fr.min * 1e6 }));
    f.node_cpu_scaling_frequency_max_hertz = freq.filter((fr) => fr.max > 0).map((fr) => ({ labels: { cpu: fr.cpu }, value: fr.max * 1e6 }));
  }
  if (t.bootTime !== null) f.node_boot_time_seconds = one(t.bootTime);

  const m = s.memory;
  f.node_memory_MemTotal_bytes = one(m.total);
  f.node_memory_MemFree_bytes = one(m.free);
  f.node_memory_MemAvailable_bytes = one(m.available);
  f.node_memory_Buffers_bytes = one(m.buffers);
  f.node_memory_Shmem_bytes = one(m.shared);
  f.node_memory_Slab_bytes = one(m.slab);
  f.node_memory_Active_bytes = one(m.active);
  f.node_memory_Inactive_bytes = one(m.inactive);
  f.procyon_memory_cached_bytes = one(m.cached);
  f.procyon_memory_used_bytes = one(m.used);
  // A tick that could not read swap publishes none of it (rather than zeros a dashboard would believe).
  if (s.swap) {
    f.node_memory_SwapTotal_bytes = one(s.swap.total);
    f.node_memory_SwapFree_bytes = one(s.swap.free);
    f.procyon_swap_in_bytes_total = one(s.swap.sin);
    f.procyon_swap_out_bytes_total = one(s.swap.sout);
    f.windows_memory_commit_limit = one(s.swap.total + m.total);
  }

  if (s.partitions) {
    const mounted = s.partitions.filter((p) => p.usage !== null);
    const fs = (value: (u: NonNullable<(typeof mounted)[number]['usage']>, opts: string) => number): Series[] =>
      mounted.map((p) => ({ labels: { device: p.device, mountpoint: p.mountpoint, fstype: p.fstype }, value: value(p.usage!, p.opts) }));
    f.node_filesystem_size_bytes = fs((u) => u.total);
    // psutil's free is f_bavail (what non-root may use); node_exporter's free_bytes is f_bfree = total - used.
    f.node_filesystem_avail_bytes = fs((u) => u.free);
    f.node_filesystem_free_bytes = fs((u) => u.total - u.used);
    f.node_filesystem_readonly = fs((_u, opts) => (opts.split(',').includes('ro') ? 1 : 0));
  }

  if (t.disks) {
    const devices = Object.entries(t.disks).filter(([name]) => !DISK_DEVICE_EXCLUDE.test(name));
    const disk = (value: (d: DiskIoCounters) => number): Series[] => devices.map(([device, d]) => ({ labels: { device }, value: value(d) }));
    f.node_disk_read_bytes_total = disk((d) => d.readBytes);
    f.node_disk_written_bytes_total = disk((d) => d.writeBytes);
    f.node_disk_reads_completed_total = disk((d) => d.readCount);
    f.node_disk_writes_completed_total = disk((d) => d.writeCount);
    f.node_disk_reads_merged_total = disk((d) => d.readMergedCount);
    f.node_disk_writes_merged_total = disk((d) => d.writeMergedCount);
    // psutil's times are milliseconds.
    f.node_disk_read_time_seconds_total = disk((d) => d.readTime / 1000);
    f.node_disk_write_time_seconds_total = disk((d) => d.writeTime / 1000);
    f.node_disk_io_time_seconds_total = disk((d) => d.busyTime / 1000);
  }

  if (s.network) {
    const nics = s.network;
    const nic = (value: (n: (typeof nics)[number]) => number): Series[] => nics.map((n) => ({ labels: { device: n.name }, value: value(n) }));
    f.node_network_receive_bytes_total = nic((n) => n.bytesRecv);
    f.node_network_transmit_bytes_total = nic((n) => n.bytesSent);
    f.node_network_receive_packets_total = nic((n) => n.packetsRecv);
    f.node_network_transmit_packets_total = nic((n) => n.packetsSent);
    f.node_network_receive_errs_total = nic((n) => n.errin);
    f.node_network_transmit_errs_total = nic((n) => n.errout);
    f.node_network_receive_drop_total = nic((n) => n.dropin);
    f.node_network_transmit_drop_total = nic((n) => n.dropout);
    // Families only windows_exporter has are built in its labels.
    f.windows_net_bytes_total = nics.map((n) => ({ labels: { nic: n.name }, value: n.bytesRecv + n.bytesSent }));
    f.windows_net_packets_total = nics.map((n) => ({ labels: { nic: n.name }, value: n.packetsRecv + n.packetsSent }));
    const withStats = nics.filter((n) => n.stats !== null);
    f.node_network_mtu_bytes = withStats.map((n) => ({ labels: { device: n.name }, value: n.stats!.mtu }));
    // psutil's speed is Mbit/s, 0 when unknown; node_exporter leaves unknown speeds out.
    f.node_network_speed_bytes = withStats.filter((n) => n.stats!.speed > 0).map((n) => ({ labels: { device: n.name }, value: (n.stats!.speed * 1e6) / 8 }));
  }

  const samples: Record<string, unknown> = s as MetricSamples;
  for (const m of EXPORTED_METRICS) {
    // null: the machine has none of it (a kernel without PSI); then, as a line the kernel lacks, nothing is published.
    const sample = samples[m.topic];
    if (sample === null || sample === undefined) continue;
    for (const [name, family] of Object.entries(m.exporter)) {
      // A declaration's sample keeps its reading's fields (MetricDeclaration): the family reads those.
      if (isLabelled(family)) {
        const series = family.series(sample as Parameters<typeof family.series>[0]);
        if (series.length > 0) f[name as MetricName] = series;
        continue;
      }
      const value = family.value(sample as Parameters<typeof family.value>[0]);
      if (value !== null && value !== undefined) f[name as MetricName] = one(value);
    }
  }

  if (t.hwmon) Object.assign(f, hwmonFamilies(t.hwmon));
  if (t.services) Object.assign(f, serviceFamilies(t.services));
  if (t.cgroups) Object.assign(f, cgroupFamilies(t.cgroups));
  if (t.powerSupplies) Object.assign(f, powerSupplyFamilies(t.powerSupplies));
  if (s.battery) {
    // psutil's reading: every battery merged into one, so it cannot carry node_exporter's per-supply names.
    f.procyon_battery_percent = one(s.battery.percent);
    if (s.battery.powerPlugged !== null) f.procyon_battery_power_plugged = one(s.battery.powerPlugged ? 1 : 0);
    if (s.battery.secsleft >= 0) f.procyon_battery_seconds_left = one(s.battery.secsleft);
  }

  if (t.processes) {
    f.procyon_processes = one(t.processes.count);
    f.procyon_process_cpu_percent = tops(t.processes.byCpu);
    f.procyon_process_resident_memory_bytes = tops(t.processes.byMemory);
    f.procyon_process_gpu_busy_percent = tops(t.processes.byGpu);
    f.procyon_process_gpu_memory_bytes = tops(t.processes.byGpuMemory);
    if (t.processes.byNetReceive) f.procyon_process_network_receive_bytes_total = tops(t.processes.byNetReceive);
    if (t.processes.byNetTransmit) f.procyon_process_network_transmit_bytes_total = tops(t.processes.byNetTransmit);
  }

  const up: Series[] = [];
  for (const topic of EXPORTER_TOPICS) {
    const present = topic === 'cpu' ? s.cpuDetails !== undefined : s[topic] !== undefined;
    if (s.errors?.[topic]) up.push({ labels: { topic }, value: 0 });
    else if (present) up.push({ labels: { topic }, value: 1 });
  }
  up.push({ labels: { topic: 'cpu_times' }, value: t.perCpu && t.cpuStats ? 1 : 0 });
  up.push({ labels: { topic: 'disks' }, value: t.disks ? 1 : 0 });
  up.push({ labels: { topic: 'hwmon' }, value: t.hwmon ? 1 : 0 });
  up.push({ labels: { topic: 'power_supply' }, value: t.powerSupplies ? 1 : 0 });
  up.push({ labels: { topic: 'processes' }, value: t.processes ? 1 : 0 });
  if (t.services !== undefined) up.push({ labels: { topic: 'services' }, value: t.services ? 1 : 0 });
  if (t.cgroups !== undefined) up.push({ labels: { topic: 'cgroups' }, value: t.cgroups ? 1 : 0 });
  f.procyon_collector_topic_up = up;

  f.procyon_sampler_ticks_total = one(s.seq);
  f.procyon_sampler_interval_seconds = one(s.intervalMs / 1000);
  if (s.readMs !== undefined) f.procyon_collector_tick_duration_seconds = one(s.readMs / 1000);
  f.procyon_exporter_update_duration_seconds = one(t.updateSeconds);
  return f;
}
