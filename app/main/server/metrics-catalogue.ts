import { isLabelled } from '../../shared/metrics/define';
import { METRIC_LIST, type MetricFamilyName } from '../../shared/metrics/registry';

// Every metric /metrics can expose, with its type, help and label names. Names,
// units and labels follow node_exporter wherever node_exporter has the metric,
// so existing dashboards (Grafana's "Node Exporter Full") work unchanged; what
// node_exporter lacks is prefixed procyon_.

export type MetricType = 'gauge' | 'counter';

export interface MetricDef {
  type: MetricType;
  help: string;
  labels: readonly string[];
}

const g = (help: string, ...labels: string[]): MetricDef => ({ type: 'gauge', help, labels });
const c = (help: string, ...labels: string[]): MetricDef => ({ type: 'counter', help, labels });

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
  node_cpu_seconds_total: c('Seconds the CPUs spent in each mode.', 'cpu', 'mode'),
  node_cpu_guest_seconds_total: c('Seconds the CPUs spent in guests (VMs) for each mode.', 'cpu', 'mode'),
  node_cpu_scaling_frequency_hertz: g('Current scaled CPU thread frequency in hertz.', 'cpu'),
  node_cpu_scaling_frequency_min_hertz: g('Minimum scaled CPU thread frequency in hertz.', 'cpu'),
  node_cpu_scaling_frequency_max_hertz: g('Maximum scaled CPU thread frequency in hertz.', 'cpu'),
  node_load1: g('1m load average.'),
  node_load5: g('5m load average.'),
  node_load15: g('15m load average.'),
  node_context_switches_total: c('Total number of context switches.'),
  node_intr_total: c('Total number of interrupts serviced.'),
  node_boot_time_seconds: g('Node boot time, in unixtime.'),
  node_time_seconds: g('System time in seconds since epoch (1970).'),
  // --- memory (psutil.virtual_memory / swap_memory fields that are plain /proc/meminfo lines) ---
  node_memory_MemTotal_bytes: g('Memory information field MemTotal_bytes.'),
  node_memory_MemFree_bytes: g('Memory information field MemFree_bytes.'),
  node_memory_MemAvailable_bytes: g('Memory information field MemAvailable_bytes.'),
  node_memory_Buffers_bytes: g('Memory information field Buffers_bytes.'),
  node_memory_Shmem_bytes: g('Memory information field Shmem_bytes.'),
  node_memory_Slab_bytes: g('Memory information field Slab_bytes.'),
  node_memory_Active_bytes: g('Memory information field Active_bytes.'),
  node_memory_Inactive_bytes: g('Memory information field Inactive_bytes.'),
  node_memory_SwapTotal_bytes: g('Memory information field SwapTotal_bytes.'),
  node_memory_SwapFree_bytes: g('Memory information field SwapFree_bytes.'),
  // --- filesystems ---
  node_filesystem_size_bytes: g('Filesystem size in bytes.', 'device', 'mountpoint', 'fstype'),
  node_filesystem_free_bytes: g('Filesystem free space in bytes.', 'device', 'mountpoint', 'fstype'),
  node_filesystem_avail_bytes: g('Filesystem space available to non-root users in bytes.', 'device', 'mountpoint', 'fstype'),
  node_filesystem_readonly: g('Filesystem read-only status.', 'device', 'mountpoint', 'fstype'),
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
  node_network_receive_bytes_total: c('Network device statistic receive_bytes.', 'device'),
  node_network_transmit_bytes_total: c('Network device statistic transmit_bytes.', 'device'),
  node_network_receive_packets_total: c('Network device statistic receive_packets.', 'device'),
  node_network_transmit_packets_total: c('Network device statistic transmit_packets.', 'device'),
  node_network_receive_errs_total: c('Network device statistic receive_errs.', 'device'),
  node_network_transmit_errs_total: c('Network device statistic transmit_errs.', 'device'),
  node_network_receive_drop_total: c('Network device statistic receive_drop.', 'device'),
  node_network_transmit_drop_total: c('Network device statistic transmit_drop.', 'device'),
  node_network_mtu_bytes: g('Network device property mtu_bytes.', 'device'),
  node_network_speed_bytes: g('Network device property speed_bytes.', 'device'),
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
  procyon_memory_used_bytes: g("psutil's virtual_memory().used: total - free - buffers - cached, the used figure the dashboard and `procyon snapshot` show."),
  procyon_swap_in_bytes_total: c('Bytes swapped in from disk since boot (psutil swap_memory().sin).'),
  procyon_swap_out_bytes_total: c('Bytes swapped out to disk since boot (psutil swap_memory().sout).'),
  procyon_battery_percent: g("psutil's sensors_battery().percent: the machine's batteries as one, in percent."),
  procyon_battery_power_plugged: g("psutil's sensors_battery().power_plugged: 1 on AC power, 0 on battery; absent when unknown."),
  procyon_battery_seconds_left: g('Estimated seconds until the battery is empty; absent when unknown or on AC.'),
  procyon_processes: g('Number of processes.'),
  procyon_process_cpu_percent: g('CPU use over the last tick, in percent of one CPU, of the top processes by CPU.', 'pid', 'name'),
  procyon_process_resident_memory_bytes: g('Resident set size of the top processes by memory.', 'pid', 'name'),
  procyon_process_gpu_busy_percent: g('GPU use over the last interval, in percent of its busiest GPU engine (DRM fdinfo, NVML), of the top processes by GPU.', 'pid', 'name'),
  procyon_process_gpu_memory_bytes: g('GPU memory (resident VRAM; GTT too on integrated GPUs) of the top processes by GPU memory.', 'pid', 'name'),
  procyon_collector_topic_up: g('1 when the topic was read successfully in the last tick, 0 when it failed.', 'topic'),
  procyon_sampler_ticks_total: c('Ticks the sampler has taken since start.'),
  procyon_sampler_interval_seconds: g('The sampler tick length.'),
  procyon_collector_tick_duration_seconds: g("Wall time of the sampler's collector reads in the last tick (one worker trip, two with processes)."),
  procyon_exporter_update_duration_seconds: g("Wall time of the exporter's last update (made by a scrape, at most once per sampler tick: its collector reads plus metric update)."),
  procyon_scrape_cache_age_seconds: g('Age of the data this scrape is served from (now minus the time of the last tick).'),
} as const satisfies Record<string, MetricDef>;

export type MetricName = keyof typeof CATALOGUE;

/** The top-N metrics show at most this many processes each, so label cardinality is bounded. */
export const TOP_N = 10;

/** node_exporter's default diskstats exclude: RAM and loop devices, floppies and partitions (their I/O is in the whole disk's). */
export const DISK_DEVICE_EXCLUDE = /^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\d+n\d+p)\d+$/;
