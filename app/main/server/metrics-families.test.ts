import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared';
import { buildFamilies, type TickInputs } from './metrics-families';
import { wantsOpenMetrics } from './metrics-registry';
import { largest } from './metrics-top';

const MEMORY = { total: 8e9, available: 4e9, percent: 50, used: 3e9, free: 1e9, active: 2e9, inactive: 1e9, buffers: 1e8, cached: 2e9, shared: 1e7, slab: 3e8 };

function inputs(extra: Partial<Snapshot>): TickInputs {
  return {
    snapshot: { seq: 7, time: 0, intervalMs: 2000, cpu: null, memory: MEMORY, swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null }, ...extra },
    perCpu: null,
    cpuStats: null,
    disks: null,
    hwmon: null,
    powerSupplies: null,
    processes: null,
    bootTime: null,
    updateSeconds: 0.001,
  };
}

describe('snapshot → node_exporter series', () => {
  it('filesystems: psutil free is avail_bytes, total - used is free_bytes, ro from the mount options; unreadable mounts left out', () => {
    const f = buildFamilies(
      inputs({
        partitions: [
          { device: '/dev/sda1', mountpoint: '/', fstype: 'ext4', opts: 'rw,relatime', usage: { total: 1000, used: 600, free: 350, percent: 63.2 } },
          { device: '/dev/sr0', mountpoint: '/media/cd', fstype: 'iso9660', opts: 'ro,nosuid', usage: { total: 50, used: 50, free: 0, percent: 100 } },
          { device: 'nas:/x', mountpoint: '/mnt/nas', fstype: 'nfs4', opts: 'rw', usage: null },
        ],
      }),
    );
    const root = { device: '/dev/sda1', mountpoint: '/', fstype: 'ext4' };
    expect(f.node_filesystem_size_bytes).toEqual([
      { labels: root, value: 1000 },
      { labels: { device: '/dev/sr0', mountpoint: '/media/cd', fstype: 'iso9660' }, value: 50 },
    ]);
    expect(f.node_filesystem_avail_bytes![0]).toEqual({ labels: root, value: 350 });
    expect(f.node_filesystem_free_bytes![0]).toEqual({ labels: root, value: 400 }); // 50 reserved for root
    expect(f.node_filesystem_readonly!.map((s) => s.value)).toEqual([0, 1]);
  });

  it('pressure stall: each line the kernel reports under its node_exporter name; an absent resource or line publishes nothing', () => {
    const line = (total: number) => ({ avg10: 1, avg60: 2, avg300: 3, total, stalledPercent: null });
    const f = buildFamilies(
      inputs({ pressure: { cpu: { some: line(1.5), full: line(0) }, memory: { some: line(2), full: null }, io: null, irq: { some: null, full: line(0.25) } } }),
    );
    const names = Object.keys(f).filter((n) => n.startsWith('node_pressure_'));
    expect(names.sort()).toEqual(['node_pressure_cpu_waiting_seconds_total', 'node_pressure_irq_stalled_seconds_total', 'node_pressure_memory_waiting_seconds_total']);
    expect(f.node_pressure_cpu_waiting_seconds_total).toEqual([{ labels: {}, value: 1.5 }]);
    expect(f.node_pressure_memory_waiting_seconds_total).toEqual([{ labels: {}, value: 2 }]);
    expect(f.node_pressure_irq_stalled_seconds_total).toEqual([{ labels: {}, value: 0.25 }]);
    // A kernel without PSI: the topic was read (up 1), nothing published.
    const none = buildFamilies(inputs({ pressure: null }));
    expect(Object.keys(none).filter((n) => n.startsWith('node_pressure_'))).toEqual([]);
    expect(none.procyon_collector_topic_up).toContainEqual({ labels: { topic: 'pressure' }, value: 1 });
  });

  it("psutil's merged battery is procyon_battery_*: percent, AC plugged when known, seconds left only when known", () => {
    const f = buildFamilies(inputs({ battery: { percent: 87.5, secsleft: 5400, powerPlugged: false } }));
    expect(f.procyon_battery_percent).toEqual([{ labels: {}, value: 87.5 }]);
    expect(f.procyon_battery_power_plugged).toEqual([{ labels: {}, value: 0 }]);
    expect(f.procyon_battery_seconds_left).toEqual([{ labels: {}, value: 5400 }]);
    // Never under node_exporter's per-supply names: psutil's reading names no supply.
    expect(f.node_power_supply_capacity).toBeUndefined();
    const plugged = buildFamilies(inputs({ battery: { percent: 100, secsleft: -2, powerPlugged: null } }));
    expect(plugged.procyon_battery_power_plugged).toBeUndefined();
    expect(plugged.procyon_battery_seconds_left).toBeUndefined();
    expect(buildFamilies(inputs({ battery: null })).procyon_battery_percent).toBeUndefined();
  });

  it("hwmon: node_exporter's chip and sensor labels, units from milli-units, the two info series; psutil's sensors unused", () => {
    const f = buildFamilies({
      ...inputs({ sensors: { temperatures: { coretemp: [{ label: 'Core 0', current: 99, high: null, critical: null }] }, fans: {} } }),
      hwmon: [
        {
          chip: 'platform_coretemp_0',
          chipName: 'coretemp',
          sensors: [
            { sensor: 'temp2', type: 'temp', files: [['crit', '100000'], ['crit_alarm', '0'], ['input', '49500'], ['label', 'Core 0'], ['max', '84000']] },
            { sensor: 'temp3', type: 'temp', files: [['input', 'garbage'], ['label', 'Core 1']] },
          ],
        },
        { chip: 'nct6779', chipName: 'nct6779', sensors: [{ sensor: 'in1', type: 'in', files: [['input', '1024'], ['max', '1744']] }, { sensor: 'fan2', type: 'fan', files: [['input', '1098'], ['target', '27000']] }] },
        { chip: 'hwmon4', chipName: null, sensors: [{ sensor: 'power1', type: 'power', files: [['average', '5002000'], ['input', '12500000']] }, { sensor: 'curr1', type: 'curr', files: [['input', '1500']] }] },
      ],
    });
    const core0 = { chip: 'platform_coretemp_0', sensor: 'temp2' };
    expect(f.node_hwmon_temp_celsius).toEqual([{ labels: core0, value: 49.5 }]);
    expect(f.node_hwmon_temp_max_celsius).toEqual([{ labels: core0, value: 84 }]);
    expect(f.node_hwmon_temp_crit_celsius).toEqual([{ labels: core0, value: 100 }]);
    expect(f.node_hwmon_sensor_label).toEqual([
      { labels: { ...core0, label: 'Core 0' }, value: 1 },
      { labels: { chip: 'platform_coretemp_0', sensor: 'temp3', label: 'Core 1' }, value: 1 },
    ]);
    expect(f.node_hwmon_chip_names).toEqual([
      { labels: { chip: 'platform_coretemp_0', chip_name: 'coretemp' }, value: 1 },
      { labels: { chip: 'nct6779', chip_name: 'nct6779' }, value: 1 },
    ]);
    expect(f.node_hwmon_in_volts).toEqual([{ labels: { chip: 'nct6779', sensor: 'in1' }, value: 1.024 }]);
    expect(f.node_hwmon_in_max_volts![0]!.value).toBe(1.744);
    expect(f.node_hwmon_fan_rpm).toEqual([{ labels: { chip: 'nct6779', sensor: 'fan2' }, value: 1098 }]);
    expect(f.node_hwmon_fan_target_rpm![0]!.value).toBe(27000);
    expect(f.node_hwmon_power_watt).toEqual([{ labels: { chip: 'hwmon4', sensor: 'power1' }, value: 12.5 }]);
    expect(f.node_hwmon_power_average_watt![0]!.value).toBe(5.002);
    expect(f.node_hwmon_curr_amps![0]!.value).toBe(1.5);
    // node_exporter's odd name for crit_alarm is not in the catalogue: not published.
    expect(Object.keys(f).filter((k) => k.includes('alarm'))).toEqual([]);
  });

  it('power supplies: by sysfs name, node_exporter names and scales, info with the text attributes a supply has', () => {
    const f = buildFamilies({
      ...inputs({}),
      powerSupplies: [
        { name: 'AC', attributes: [['online', '1'], ['type', 'Mains']] },
        { name: 'BAT0', attributes: [['capacity', '81'], ['cycle_count', '12'], ['energy_now', '36580000'], ['power_now', '5002000'], ['status', 'Discharging'], ['type', 'Battery'], ['voltage_now', 'x']] },
      ],
    });
    expect(f.node_power_supply_online).toEqual([{ labels: { power_supply: 'AC' }, value: 1 }]);
    expect(f.node_power_supply_capacity).toEqual([{ labels: { power_supply: 'BAT0' }, value: 81 }]);
    expect(f.node_power_supply_cyclecount![0]!.value).toBe(12);
    expect(f.node_power_supply_energy_watthour![0]!.value).toBe(36.58);
    expect(f.node_power_supply_power_watt![0]!.value).toBe(5.002);
    expect(f.node_power_supply_voltage_volt).toBeUndefined();
    expect(f.node_power_supply_info).toEqual([
      { labels: { power_supply: 'AC', type: 'Mains' }, value: 1 },
      { labels: { power_supply: 'BAT0', status: 'Discharging', type: 'Battery' }, value: 1 },
    ]);
  });

  it('CPU frequency in hertz from psutil MHz; unknown min/max (0) left out; topic up/down from the snapshot', () => {
    const f = buildFamilies(inputs({ cpuDetails: { loadavg: [1, 2, 3], perCpuFreq: [{ current: 1200.5, min: 0, max: 3000 }] }, errors: { network: { code: 'IO_ERROR', message: 'x' } } }));
    expect(f.node_cpu_scaling_frequency_hertz).toEqual([{ labels: { cpu: '0' }, value: 1200.5e6 }]);
    expect(f.node_cpu_scaling_frequency_min_hertz).toEqual([]);
    expect(f.node_cpu_scaling_frequency_max_hertz).toEqual([{ labels: { cpu: '0' }, value: 3e9 }]);
    const up = Object.fromEntries(f.procyon_collector_topic_up!.map((s) => [s.labels.topic, s.value]));
    expect(up).toMatchObject({ cpu: 1, network: 0, cpu_times: 0, hwmon: 0, power_supply: 0 });
    expect(up.partitions).toBeUndefined(); // not sampled this tick: neither up nor down
    expect(f.procyon_sampler_interval_seconds).toEqual([{ labels: {}, value: 2 }]);
  });
});

describe('top-N and content negotiation', () => {
  it('largest: by value, ties to the lower pid, at most n', () => {
    const rows = [5, 9, 9, 1, 7].map((value, i) => ({ pid: 10 - i, name: `p${i}`, value }));
    expect(largest(rows, 3).map((r) => r.pid)).toEqual([8, 9, 6]);
    expect(largest(rows, 10)).toHaveLength(5);
  });

  it('largest: the same as sorting every row, over random tables with many ties', () => {
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const rows = Array.from({ length: Math.floor(rand() * 40) }, (_, i) => ({ pid: Math.floor(rand() * 1e6) + i, name: '', value: Math.floor(rand() * 6) }));
      const n = 1 + Math.floor(rand() * 12);
      const sorted = [...rows].sort((a, b) => b.value - a.value || a.pid - b.pid).slice(0, n);
      expect(largest(rows, n)).toEqual(sorted);
    }
  });

  it.each([
    ['application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1', true], // Prometheus 2.x
    ['application/openmetrics-text; version=1.0.0', true],
    ['text/plain;version=0.0.4;q=1,application/openmetrics-text;q=0.5', false],
    ['application/openmetrics-text;q=0', false],
    ['*/*', false],
    [undefined, false],
  ])('Accept %j → OpenMetrics %s', (accept, om) => {
    expect(wantsOpenMetrics(accept)).toBe(om);
  });
});
