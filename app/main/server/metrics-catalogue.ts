import { isLabelled } from '../../shared/metrics/define';
import { METRIC_LIST, type MetricFamilyName } from '../../shared/metrics/registry';

// Every metric /metrics can expose, with its type, help and label names, one
// declaration per family, keyed by its Linux name. Names, units and labels
// follow node_exporter wherever node_exporter has the metric, so existing
// dashboards (Grafana's "Node Exporter Full") work unchanged; what
// node_exporter lacks is prefixed procyon_. Where the collector's platform is
// Windows, a family that windows_exporter has is published under
// windows_exporter's name, labels and unit instead (its `windows`), so its
// dashboards work; a node_* family without one is not published there.
//
// windows_exporter's names, help, labels and units are its own: each is from
// prometheus-community/windows_exporter at commit 589ec15 (August 2026),
// docs/collector.<name>.md's Metrics table and internal/collector/<name>/<name>.go,
// named beside each declaration (windows-exporter-docs.test-util.ts holds those
// tables and the tests check every Windows family against them).

export type MetricType = 'gauge' | 'counter';

/** One series as the exporter builds it: labels by name, and its value. */
export interface Series {
  labels: Record<string, string>;
  value: number;
}

/** A family under windows_exporter's name on a Windows host. */
export interface WindowsFamily {
  name: string;
  help: string;
  labels: readonly string[];
  /** One series in the catalogue's labels and unit → windows_exporter's; null: this series has no Windows counterpart. Absent: as it is. */
  series?: (s: Series) => Series | null;
}

export interface MetricDef {
  type: MetricType;
  help: string;
  labels: readonly string[];
  /** Published on Linux (and every platform but Windows) under its key: false for a family only windows_exporter has. */
  linux: boolean;
  /** On Windows: windows_exporter's family, or 'same' (a procyon_* family, or a windows_* one keyed by its own name); absent: not published there. */
  windows?: WindowsFamily | 'same';
}

const g = (help: string, ...labels: string[]): MetricDef => ({ type: 'gauge', help, labels, linux: true });
const c = (help: string, ...labels: string[]): MetricDef => ({ type: 'counter', help, labels, linux: true });
/** `def` under windows_exporter's `family` on Windows. */
const win = (def: MetricDef, family: WindowsFamily): MetricDef => ({ ...def, windows: family });
/** A procyon_* family: the same name on every platform. */
const both = (def: MetricDef): MetricDef => ({ ...def, windows: 'same' });
/** A family only windows_exporter has, keyed by its name: computed on every platform, published on Windows only. */
const windowsOnly = (type: MetricType, help: string, ...labels: string[]): MetricDef => ({ type, help, labels, linux: false, windows: 'same' });

/** psutil's Windows CPU times (cpu_times(): user, system, idle, interrupt, dpc) → windows_exporter's modes. */
const WINDOWS_CPU_MODES: Readonly<Record<string, string>> = {
  user: 'user',
  // psutil's system is kernel time minus idle, as Processor Information's "% Privileged Time", which includes interrupts and DPCs.
  system: 'privileged',
  idle: 'idle',
  interrupt: 'interrupt',
  dpc: 'dpc',
};

/**
 * windows_exporter's `core` label: the "Processor Information" instance,
 * "<group>,<number>". Windows fills processor groups of up to 64 in order and
 * psutil lists CPUs in that order; a machine whose groups are uneven would be
 * labelled differently (psutil does not say the group).
 */
const core = (cpu: string) => `${Math.floor(Number(cpu) / 64)},${Number(cpu) % 64}`;

/** node_exporter's {device} NIC label → windows_exporter's {nic}. psutil names a NIC by its friendly name ("Ethernet"), windows_exporter by its perflib instance (the adapter's description). */
const nic = (s: Series): Series => ({ labels: { nic: s.labels.device! }, value: s.value });

/** A mounted filesystem's labels → windows_exporter's {volume}: the drive ("C:"), psutil's mountpoint ("C:\\") without its backslash. */
const volume = (s: Series): Series => ({ labels: { volume: s.labels.mountpoint!.replace(/\\$/, '') }, value: s.value });

/**
 * The numeric /sys/class/power_supply attributes exported, as node_exporter
 * names and scales them: [attribute file, metric suffix, divisor]. Energy,
 * charge, current, voltage and power are micro-units in sysfs; temperatures
 * tenths of a degree.
 */
export const POWER_SUPPLY_VALUES = [
  ['capacity', 'capacity', 1],
  ['cycle_count', 'cyclecount', 1],
  ['online', 'online', 1],
  ['present', 'present', 1],
  ['time_to_empty_now', 'time_to_empty_seconds', 1],
  ['time_to_full_now', 'time_to_full_seconds', 1],
  ['current_now', 'current_ampere', 1e6],
  ['charge_now', 'charge_ampere', 1e6],
  ['charge_full', 'charge_full', 1e6],
  ['charge_full_design', 'charge_full_design', 1e6],
  ['energy_now', 'energy_watthour', 1e6],
  ['energy_full', 'energy_full', 1e6],
  ['energy_full_design', 'energy_full_design', 1e6],
  ['power_now', 'power_watt', 1e6],
  ['voltage_now', 'voltage_volt', 1e6],
  ['voltage_min_design', 'voltage_min_design', 1e6],
  ['voltage_max_design', 'voltage_max_design', 1e6],
  ['temp', 'temp_celsius', 10],
] as const;

/** The text attributes node_power_supply_info carries as labels (those a supply has). */
export const POWER_SUPPLY_INFO = [
  'capacity_level',
  'charge_type',
  'health',
  'manufacturer',
  'model_name',
  'serial_number',
  'status',
  'technology',
  'type',
  'usb_type',
  'scope',
] as const;

export type PowerSupplyMetric = `node_power_supply_${(typeof POWER_SUPPLY_VALUES)[number][1]}`;

function powerSupplyDefs(): Record<PowerSupplyMetric, MetricDef> {
  return Object.fromEntries(
    POWER_SUPPLY_VALUES.map(([, suffix]) => [`node_power_supply_${suffix}`, g(`${suffix} value of /sys/class/power_supply/<power_supply>.`, 'power_supply')]),
  ) as Record<PowerSupplyMetric, MetricDef>;
}

/** The declared metrics' families (app/shared/metrics), in registry order, then each declaration's. */
function declaredDefs(): Record<MetricFamilyName, MetricDef> {
  return Object.fromEntries(
    METRIC_LIST.flatMap((m) =>
      Object.entries(m.exporter).map(([name, f]) => {
        const labels = isLabelled(f) ? f.labels : [];
        return [name, f.type === 'counter' ? c(f.help, ...labels) : g(f.help, ...labels)];
      }),
    ),
  ) as Record<MetricFamilyName, MetricDef>;
}

export const CATALOGUE = {
  // --- cpu ---
  // windows_exporter: collector.cpu.md, cpu.go (per core and mode, seconds).
  node_cpu_seconds_total: win(c('Seconds the CPUs spent in each mode.', 'cpu', 'mode'), {
    name: 'windows_cpu_time_total',
    help: 'Time that processor spent in different modes (dpc, idle, interrupt, privileged, user)',
    labels: ['core', 'mode'],
    series: (s) => {
      const mode = WINDOWS_CPU_MODES[s.labels.mode!];
      return mode === undefined ? null : { labels: { core: core(s.labels.cpu!), mode }, value: s.value };
    },
  }),
  node_cpu_guest_seconds_total: c('Seconds the CPUs spent in guests (VMs) for each mode.', 'cpu', 'mode'),
  // windows_exporter: collector.cpu.md, cpu.go: megahertz, per core (psutil's Windows cpu_freq is the first CPU's).
  node_cpu_scaling_frequency_hertz: win(g('Current scaled CPU thread frequency in hertz.', 'cpu'), {
    name: 'windows_cpu_core_frequency_mhz',
    help: 'Core frequency in megahertz',
    labels: ['core'],
    series: (s) => ({ labels: { core: core(s.labels.cpu!) }, value: s.value / 1e6 }),
  }),
  node_cpu_scaling_frequency_min_hertz: g('Minimum scaled CPU thread frequency in hertz.', 'cpu'),
  node_cpu_scaling_frequency_max_hertz: g('Maximum scaled CPU thread frequency in hertz.', 'cpu'),
  node_load1: g('1m load average.'),
  node_load5: g('5m load average.'),
  node_load15: g('15m load average.'),
  // windows_exporter: collector.system.md, system.go.
  node_context_switches_total: win(c('Total number of context switches.'), {
    name: 'windows_system_context_switches_total',
    help: 'Total number of context switches (WMI source: PerfOS_System.ContextSwitchesPersec)',
    labels: [],
  }),
  // windows_exporter: collector.system.md, system.go. psutil's cpu_stats().syscalls (0 on Linux, which has no such count).
  windows_system_system_calls_total: windowsOnly('counter', 'Total number of system calls (WMI source: PerfOS_System.SystemCallsPersec)'),
  node_intr_total: c('Total number of interrupts serviced.'),
  // windows_exporter: collector.system.md, system.go (unix seconds, as there: now minus GetTickCount64).
  node_boot_time_seconds: win(g('Node boot time, in unixtime.'), { name: 'windows_system_boot_time_timestamp', help: 'Unix timestamp of system boot time', labels: [] }),
  // windows_exporter: collector.time.md, time.go.
  node_time_seconds: win(g('System time in seconds since epoch (1970).'), {
    name: 'windows_time_current_timestamp_seconds',
    help: 'Current time as reported by the operating system, in unix time.',
    labels: [],
  }),
  // --- memory (psutil.virtual_memory / swap_memory fields that are plain /proc/meminfo lines) ---
  // windows_exporter: collector.memory.md, memory.go: GlobalMemoryStatusEx's TotalPhys, as psutil's Windows total.
  node_memory_MemTotal_bytes: win(g('Memory information field MemTotal_bytes.'), {
    name: 'windows_memory_physical_total_bytes',
    help: 'The amount of actual physical memory, in bytes.',
    labels: [],
  }),
  // windows_exporter: collector.memory.md, memory.go: GlobalMemoryStatusEx's AvailPhys, which is psutil's Windows free (and available).
  node_memory_MemFree_bytes: win(g('Memory information field MemFree_bytes.'), {
    name: 'windows_memory_physical_free_bytes',
    help: 'The amount of physical memory currently available, in bytes. This is the amount of physical memory that can be immediately reused without having to write its contents to disk first. It is the sum of the size of the standby, free, and zero lists.',
    labels: [],
  }),
  // windows_exporter: collector.memory.md, memory.go (perflib's Memory, Available Bytes: standby, free and zero lists, as AvailPhys).
  node_memory_MemAvailable_bytes: win(g('Memory information field MemAvailable_bytes.'), {
    name: 'windows_memory_available_bytes',
    help: 'The amount of physical memory immediately available for allocation to a process or for system use. It is equal to the sum of memory assigned to the standby (cached), free and zero page lists (AvailableBytes)',
    labels: [],
  }),
  node_memory_Buffers_bytes: g('Memory information field Buffers_bytes.'),
  node_memory_Shmem_bytes: g('Memory information field Shmem_bytes.'),
  node_memory_Slab_bytes: g('Memory information field Slab_bytes.'),
  node_memory_Active_bytes: g('Memory information field Active_bytes.'),
  node_memory_Inactive_bytes: g('Memory information field Inactive_bytes.'),
  node_memory_SwapTotal_bytes: g('Memory information field SwapTotal_bytes.'),
  node_memory_SwapFree_bytes: g('Memory information field SwapFree_bytes.'),
  // windows_exporter: collector.memory.md, memory.go. psutil's Windows swap total is the commit limit minus physical memory: this adds them back.
  windows_memory_commit_limit: windowsOnly('gauge', '(CommitLimit)'),
  // --- filesystems ---
  // windows_exporter: collector.logical_disk.md, logical_disk.go, by volume ("C:").
  node_filesystem_size_bytes: win(g('Filesystem size in bytes.', 'device', 'mountpoint', 'fstype'), {
    name: 'windows_logical_disk_size_bytes',
    help: 'Total space in bytes, updates every 10-15 min (LogicalDisk.PercentFreeSpace_Base)',
    labels: ['volume'],
    series: volume,
  }),
  // windows_exporter: collector.logical_disk.md, logical_disk.go: the volume's free space (total - used here, as GetDiskFreeSpaceExW's total free), not the caller's share.
  node_filesystem_free_bytes: win(g('Filesystem free space in bytes.', 'device', 'mountpoint', 'fstype'), {
    name: 'windows_logical_disk_free_bytes',
    help: 'Free space in bytes, updates every 10-15 min (LogicalDisk.PercentFreeSpace)',
    labels: ['volume'],
    series: volume,
  }),
  node_filesystem_avail_bytes: g('Filesystem space available to non-root users in bytes.', 'device', 'mountpoint', 'fstype'),
  // windows_exporter: collector.logical_disk.md, logical_disk.go. It publishes the FILE_READ_ONLY_VOLUME bit's value (0x80000) where this says 1: both read as > 0.
  node_filesystem_readonly: win(g('Filesystem read-only status.', 'device', 'mountpoint', 'fstype'), {
    name: 'windows_logical_disk_readonly',
    help: 'Whether the logical disk is read-only',
    labels: ['volume'],
    series: volume,
  }),
  // --- disks ---
  node_disk_read_bytes_total: c('The total number of bytes read successfully.', 'device'),
  node_disk_written_bytes_total: c('The total number of bytes written successfully.', 'device'),
  node_disk_reads_completed_total: c('The total number of reads completed successfully.', 'device'),
  node_disk_writes_completed_total: c('The total number of writes completed successfully.', 'device'),
  node_disk_reads_merged_total: c('The total number of reads merged.', 'device'),
  node_disk_writes_merged_total: c('The number of writes merged.', 'device'),
  node_disk_read_time_seconds_total: c('The total number of seconds spent by all reads.', 'device'),
  node_disk_write_time_seconds_total: c('This is the total number of seconds spent by all writes.', 'device'),
  node_disk_io_time_seconds_total: c('Total seconds spent doing I/Os.', 'device'),
  // --- network ---
  // windows_exporter: collector.net.md, net.go, each by nic; psutil's errin/errout and dropin/dropout are GetIfEntry2's errors and discards, as perflib's.
  node_network_receive_bytes_total: win(c('Network device statistic receive_bytes.', 'device'), { name: 'windows_net_bytes_received_total', help: '(Network.BytesReceivedPerSec)', labels: ['nic'], series: nic }),
  node_network_transmit_bytes_total: win(c('Network device statistic transmit_bytes.', 'device'), { name: 'windows_net_bytes_sent_total', help: '(Network.BytesSentPerSec)', labels: ['nic'], series: nic }),
  node_network_receive_packets_total: win(c('Network device statistic receive_packets.', 'device'), { name: 'windows_net_packets_received_total', help: '(Network.PacketsReceivedPerSec)', labels: ['nic'], series: nic }),
  node_network_transmit_packets_total: win(c('Network device statistic transmit_packets.', 'device'), { name: 'windows_net_packets_sent_total', help: '(Network.PacketsSentPerSec)', labels: ['nic'], series: nic }),
  node_network_receive_errs_total: win(c('Network device statistic receive_errs.', 'device'), { name: 'windows_net_packets_received_errors_total', help: '(Network.PacketsReceivedErrors)', labels: ['nic'], series: nic }),
  node_network_transmit_errs_total: win(c('Network device statistic transmit_errs.', 'device'), { name: 'windows_net_packets_outbound_errors_total', help: '(Network.PacketsOutboundErrors)', labels: ['nic'], series: nic }),
  node_network_receive_drop_total: win(c('Network device statistic receive_drop.', 'device'), { name: 'windows_net_packets_received_discarded_total', help: '(Network.PacketsReceivedDiscarded)', labels: ['nic'], series: nic }),
  node_network_transmit_drop_total: win(c('Network device statistic transmit_drop.', 'device'), { name: 'windows_net_packets_outbound_discarded_total', help: '(Network.PacketsOutboundDiscarded)', labels: ['nic'], series: nic }),
  // windows_exporter: collector.net.md, net.go: the sums it also publishes.
  windows_net_bytes_total: windowsOnly('counter', '(Network.BytesTotalPerSec)', 'nic'),
  windows_net_packets_total: windowsOnly('counter', '(Network.PacketsPerSec)', 'nic'),
  node_network_mtu_bytes: g('Network device property mtu_bytes.', 'device'),
  // windows_exporter: collector.net.md, net.go: CurrentBandwidth (bit/s) / 8, as node_exporter's speed from psutil's Mbit/s.
  node_network_speed_bytes: win(g('Network device property speed_bytes.', 'device'), { name: 'windows_net_current_bandwidth_bytes', help: '(Network.CurrentBandwidth)', labels: ['nic'], series: nic }),
  // --- the declared metrics (app/shared/metrics: pressure stall's node_pressure_*) ---
  ...declaredDefs(),
  // --- hwmon (node_exporter's hwmon collector: chip from the device path, sensor the file prefix; see metrics-node-sysfs.ts) ---
  node_hwmon_chip_names: g('Annotation metric for human-readable chip names', 'chip', 'chip_name'),
  node_hwmon_sensor_label: g('Label for given chip and sensor', 'chip', 'sensor', 'label'),
  node_hwmon_temp_celsius: g('Hardware monitor for temperature (input)', 'chip', 'sensor'),
  node_hwmon_temp_min_celsius: g('Hardware monitor for temperature (min)', 'chip', 'sensor'),
  node_hwmon_temp_max_celsius: g('Hardware monitor for temperature (max)', 'chip', 'sensor'),
  node_hwmon_temp_crit_celsius: g('Hardware monitor for temperature (crit)', 'chip', 'sensor'),
  node_hwmon_fan_rpm: g('Hardware monitor for fan revolutions per minute (input)', 'chip', 'sensor'),
  node_hwmon_fan_min_rpm: g('Hardware monitor for fan revolutions per minute (min)', 'chip', 'sensor'),
  node_hwmon_fan_max_rpm: g('Hardware monitor for fan revolutions per minute (max)', 'chip', 'sensor'),
  node_hwmon_fan_target_rpm: g('Hardware monitor for fan revolutions per minute (target)', 'chip', 'sensor'),
  node_hwmon_in_volts: g('Hardware monitor for voltage (input)', 'chip', 'sensor'),
  node_hwmon_in_min_volts: g('Hardware monitor for voltage (min)', 'chip', 'sensor'),
  node_hwmon_in_max_volts: g('Hardware monitor for voltage (max)', 'chip', 'sensor'),
  node_hwmon_curr_amps: g('Hardware monitor for current (input)', 'chip', 'sensor'),
  node_hwmon_power_watt: g('Hardware monitor for power usage in watts (input)', 'chip', 'sensor'),
  node_hwmon_power_average_watt: g('Hardware monitor for power usage in watts (average)', 'chip', 'sensor'),
  // --- power supplies (node_exporter's powersupplyclass collector, by sysfs name) ---
  ...powerSupplyDefs(),
  node_power_supply_info: g('info of /sys/class/power_supply/<power_supply>.', 'power_supply', ...POWER_SUPPLY_INFO),
  // --- what node_exporter lacks ---
  procyon_memory_cached_bytes: g("psutil's virtual_memory().cached: page cache plus reclaimable slab (Cached + SReclaimable)."),
  procyon_memory_used_bytes: both(g("psutil's virtual_memory().used: total - free - buffers - cached, the used figure the dashboard and `procyon snapshot` show.")),
  procyon_swap_in_bytes_total: c('Bytes swapped in from disk since boot (psutil swap_memory().sin).'),
  procyon_swap_out_bytes_total: c('Bytes swapped out to disk since boot (psutil swap_memory().sout).'),
  procyon_battery_percent: both(g("psutil's sensors_battery().percent: the machine's batteries as one, in percent.")),
  procyon_battery_power_plugged: both(g("psutil's sensors_battery().power_plugged: 1 on AC power, 0 on battery; absent when unknown.")),
  procyon_battery_seconds_left: both(g('Estimated seconds until the battery is empty; absent when unknown or on AC.')),
  // windows_exporter: collector.system.md, system.go: the system's process count, as this.
  procyon_processes: win(g('Number of processes.'), { name: 'windows_system_processes', help: 'Current number of processes (WMI source: PerfOS_System.Processes)', labels: [] }),
  procyon_process_cpu_percent: both(g('CPU use over the last tick, in percent of one CPU, of the top processes by CPU.', 'pid', 'name')),
  procyon_process_resident_memory_bytes: both(g('Resident set size of the top processes by memory.', 'pid', 'name')),
  procyon_process_gpu_busy_percent: both(g('GPU use over the last interval, in percent of its busiest GPU engine (DRM fdinfo, NVML), of the top processes by GPU.', 'pid', 'name')),
  procyon_process_gpu_memory_bytes: both(g('GPU memory (resident VRAM; GTT too on integrated GPUs) of the top processes by GPU memory.', 'pid', 'name')),
  procyon_process_network_receive_bytes_total: c(
    'TCP bytes received since the exporter first saw the process, of the top processes by network rate (the kernel socket dump; UDP and QUIC not counted).',
    'pid',
    'name',
  ),
  procyon_process_network_transmit_bytes_total: c(
    'TCP bytes sent (and acknowledged) since the exporter first saw the process, of the top processes by network rate (UDP and QUIC not counted).',
    'pid',
    'name',
  ),
  // The top control groups by CPU and by memory (metrics-cgroups.ts): Linux's cgroup v2 apps, services and containers.
  procyon_cgroup_cpu_seconds_total: c('CPU time used by the processes of the control group (cpu.stat usage_usec), of the top groups by CPU and by memory.', 'path', 'name', 'kind'),
  procyon_cgroup_memory_bytes: g('Memory used by the control group (memory.current; memory.usage_in_bytes on hybrid hosts), of the top groups by CPU and by memory.', 'path', 'name', 'kind'),
  procyon_cgroup_pids: g('Processes in the control group (pids.current, else its cgroup.procs), of the top groups by CPU and by memory.', 'path', 'name', 'kind'),
  procyon_cgroup_io_read_bytes_total: c('Bytes read by the control group (io.stat rbytes summed over devices, or blkio on hybrid hosts), of the top groups by CPU and by memory.', 'path', 'name', 'kind'),
  procyon_cgroup_io_write_bytes_total: c('Bytes written by the control group (io.stat wbytes summed over devices, or blkio on hybrid hosts), of the top groups by CPU and by memory.', 'path', 'name', 'kind'),
  procyon_collector_topic_up: both(g('1 when the topic was read successfully in the last tick, 0 when it failed.', 'topic')),
  procyon_sampler_ticks_total: both(c('Ticks the sampler has taken since start.')),
  procyon_sampler_interval_seconds: both(g('The sampler tick length.')),
  procyon_collector_tick_duration_seconds: both(g("Wall time of the sampler's collector reads in the last tick (one worker trip, two with processes).")),
  procyon_exporter_update_duration_seconds: both(g("Wall time of the exporter's last update (made by a scrape, at most once per sampler tick: its collector reads plus metric update).")),
  procyon_scrape_cache_age_seconds: both(g('Age of the data this scrape is served from (now minus the time of the last tick).')),
  // windows_exporter's service collector (its API mode, docs/collector.service.md: the families, their labels
  // and label values); built from the exporter's own read where the collector has services (metrics-windows-services.ts).
  windows_service_info: windowsOnly('gauge', 'Contains service information in labels, constant 1', 'name', 'display_name', 'process_id', 'run_as'),
  windows_service_state: windowsOnly('gauge', 'The state of the service, 1 if the current state, 0 otherwise', 'name', 'state'),
  windows_service_start_mode: windowsOnly('gauge', 'The start mode of the service, 1 if the current start mode, 0 otherwise', 'name', 'start_mode'),
} as const satisfies Record<string, MetricDef>;

export type MetricName = keyof typeof CATALOGUE;

/** The top-N metrics show at most this many processes each, so label cardinality is bounded. */
export const TOP_N = 10;

/** node_exporter's default diskstats exclude: RAM and loop devices, floppies and partitions (their I/O is in the whole disk's). */
export const DISK_DEVICE_EXCLUDE = /^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$/;

/** The collector's platform as describe() spells it; every platform but Windows gets the Linux names. */
export type ExporterPlatform = string;

/** One family as a platform publishes it: the catalogue's key its series are built under, the name, help and labels it goes out with. */
export interface PublishedFamily {
  key: MetricName;
  name: string;
  type: MetricType;
  help: string;
  labels: readonly string[];
  /** The built series → the published ones (windows_exporter's labels and unit); absent: as built. */
  series?: (s: Series) => Series | null;
}

/** The families `platform` publishes, in catalogue order: node_exporter's names, or on Windows windows_exporter's and procyon_*. */
export function publishedFamilies(platform: ExporterPlatform): PublishedFamily[] {
  const out: PublishedFamily[] = [];
  for (const [key, def] of Object.entries(CATALOGUE) as [MetricName, MetricDef][]) {
    if (platform !== 'win32') {
      if (def.linux) out.push({ key, name: key, type: def.type, help: def.help, labels: def.labels });
    } else if (def.windows === 'same') out.push({ key, name: key, type: def.type, help: def.help, labels: def.labels });
    else if (def.windows) out.push({ key, name: def.windows.name, type: def.type, help: def.windows.help, labels: def.windows.labels, ...(def.windows.series && { series: def.windows.series }) });
  }
  return out;
}
