import type { GpuDevice } from '@procyon/collector';
import { readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { FIXTURE_SYS } from './fixture-root.test-util';

// The captured amdgpu card (test/fixtures/prometheus-procfs: sys/class/drm/card0)
// as gpus() gives it (the shared API's GpuDevice): its figures read here from
// the tree's own files, so a test's expectations are the capture's numbers.
// The tree has no PCI id database (no vendor or model name), no hwmon, fdinfo
// clients or mem_busy_percent, so those are null or empty; its clocks are the
// current (*) and highest levels of pp_dpm_sclk and pp_dpm_mclk.

const DEVICE = path.join(FIXTURE_SYS, 'class/drm/card0/device');
const file = (name: string) => readFileSync(path.join(DEVICE, name), 'utf8').trim();
const int = (name: string) => Number(file(name));
/** A pp_dpm_* table ("0: 852Mhz *"): its current level and its highest, MHz. */
function levels(name: string): { current: number | null; max: number | null } {
  const rows = file(name)
    .split('\n')
    .map((l) => /^\d+:\s*(\d+)Mhz\s*(\*)?/i.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  const mhz = rows.map((m) => Number(m[1]));
  return { current: Number(rows.find((m) => m[2])?.[1] ?? Number.NaN) || null, max: mhz.length > 0 ? Math.max(...mhz) : null };
}

export function amdgpuCard0(): GpuDevice {
  const uevent = new Map(file('uevent').split('\n').map((l) => l.split('=') as [string, string]));
  return {
    id: 'card0',
    source: 'drm',
    driver: path.basename(readlinkSync(path.join(DEVICE, 'driver'))),
    pciSlot: uevent.get('PCI_SLOT_NAME') ?? null,
    vendorId: Number.parseInt(file('vendor'), 16),
    deviceId: Number.parseInt(file('device'), 16),
    vendor: null,
    model: null,
    busyPercent: int('gpu_busy_percent'),
    memoryBusyPercent: null,
    engines: [],
    memory: {
      vramUsed: int('mem_info_vram_used'),
      vramTotal: int('mem_info_vram_total'),
      visVramUsed: int('mem_info_vis_vram_used'),
      visVramTotal: int('mem_info_vis_vram_total'),
      gttUsed: int('mem_info_gtt_used'),
      gttTotal: int('mem_info_gtt_total'),
    },
    temperatures: [],
    powerWatts: null,
    powerLimitWatts: null,
    fanRpm: null,
    fanPercent: null,
    clockGraphicsMhz: levels('pp_dpm_sclk').current,
    clockMemoryMhz: levels('pp_dpm_mclk').current,
    clockGraphicsMaxMhz: levels('pp_dpm_sclk').max,
    performanceLevel: file('power_dpm_force_performance_level'),
  };
}

/** The same card on a machine with pci.ids, and what a desktop amdgpu's hwmon and fdinfo clients add (edge and junction sensors, power, clocks, fan, engines). */
export function amdgpuCard0WithHwmon(): GpuDevice {
  return {
    ...amdgpuCard0(),
    vendor: 'Advanced Micro Devices, Inc. [AMD/ATI]',
    model: 'Vega 10 XL/XT [Radeon RX Vega 56/64]',
    engines: [
      { name: 'gfx', busyPercent: 3.5 },
      { name: 'compute', busyPercent: 0.5 },
    ],
    temperatures: [
      { label: 'edge', current: 47, high: null, critical: 85 },
      { label: 'junction', current: 52, high: null, critical: 105 },
    ],
    powerWatts: 31,
    powerLimitWatts: 220,
    fanRpm: 1020,
    fanPercent: 22,
  };
}
