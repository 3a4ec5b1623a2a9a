import type { GpuDevice } from '@procyon/collector';
import { defineMetric, type LabelledFamilyDeclaration, type LabelledSeries } from './define';

// GPUs (the collector's gpus(): DRM cards from sysfs and fdinfo, NVIDIA's
// through NVML). The GPU page draws each device itself (a section per card,
// not the generic cards), so this declares the topic, its history and its
// /metrics families: node_exporter's drm collector names where it has them
// (collector/drm_linux.go: amdgpu's busy percent and memory), procyon_gpu_*
// for what it lacks and for the other drivers' figures.

type Devices = GpuDevice[];

/** node_exporter's `vendor` label: it says "amd" for the amdgpu cards it reads; the other vendors by their PCI id, else the driver. */
const VENDOR_BY_PCI_ID: Readonly<Record<number, string>> = { 0x1002: 'amd', 0x8086: 'intel', 0x10de: 'nvidia' };
export function vendorLabel(d: GpuDevice): string {
  return (d.vendorId !== null ? VENDOR_BY_PCI_ID[d.vendorId] : undefined) ?? (d.driver === 'amdgpu' ? 'amd' : d.driver);
}

/** A per-device family (label `card`, node_exporter's name for the DRM card): one series per device that exposes the figure. */
function perCard(help: string, value: (d: GpuDevice) => number | null, scale = 1): LabelledFamilyDeclaration<Devices> {
  return {
    type: 'gauge',
    help,
    labels: ['card'],
    series: (devices) =>
      devices.flatMap((d) => {
        const v = value(d);
        return v === null ? [] : [{ labels: { card: d.id }, value: v * scale }];
      }),
  };
}

/** A family with one series per item of a device (its engines, its temperature sensors). */
function perItem<Item>(help: string, label: string, items: (d: GpuDevice) => readonly Item[], pick: (item: Item) => [string, number | null]): LabelledFamilyDeclaration<Devices> {
  return {
    type: 'gauge',
    help,
    labels: ['card', label],
    series: (devices) =>
      devices.flatMap((d) =>
        items(d).flatMap((item): LabelledSeries[] => {
          const [name, v] = pick(item);
          return v === null ? [] : [{ labels: { card: d.id, [label]: name }, value: v }];
        }),
      ),
  };
}

const MHZ = 1e6;

export default defineMetric({
  topic: 'gpus',
  source: 'gpus',
  // No noneWhen: a machine without a GPU reads as an empty list, and one whose platform has no GPU reader as lacked (null).
  sample: (reading) => reading,
  history: true,
  // The GPU page draws its devices itself (pages/GpuPage.tsx): one section per card, with its engines.
  cards: [],
  exporter: {
    // node_exporter's drm collector (amdgpu only there; here every card that has the figure). The collector reads no
    // mem_info_vram_vendor nor unique_id: those labels are empty, as node_exporter leaves them where the files are missing.
    node_drm_card_info: {
      type: 'gauge',
      help: 'Card information',
      labels: ['card', 'memory_vendor', 'power_performance_level', 'unique_id', 'vendor'],
      series: (devices) =>
        devices.map((d) => ({ labels: { card: d.id, memory_vendor: '', power_performance_level: d.performanceLevel ?? '', unique_id: '', vendor: vendorLabel(d) }, value: 1 })),
    },
    node_drm_gpu_busy_percent: perCard('How busy the GPU is as a percentage.', (d) => d.busyPercent),
    node_drm_memory_gtt_size_bytes: perCard('The size of the graphics translation table (GTT) block in bytes.', (d) => d.memory.gttTotal),
    node_drm_memory_gtt_used_bytes: perCard('The used amount of the graphics translation table (GTT) block in bytes.', (d) => d.memory.gttUsed),
    node_drm_memory_vis_vram_size_bytes: perCard('The size of visible VRAM in bytes.', (d) => d.memory.visVramTotal),
    node_drm_memory_vis_vram_used_bytes: perCard('The used amount of visible VRAM in bytes.', (d) => d.memory.visVramUsed),
    node_drm_memory_vram_size_bytes: perCard('The size of VRAM in bytes.', (d) => d.memory.vramTotal),
    node_drm_memory_vram_used_bytes: perCard('The used amount of VRAM in bytes.', (d) => d.memory.vramUsed),
    // What node_exporter lacks.
    procyon_gpu_info: {
      type: 'gauge',
      help: 'GPU identity: its driver, PCI slot, and vendor and model names (from the PCI id database or NVML).',
      labels: ['card', 'source', 'driver', 'pci_slot', 'vendor', 'model'],
      series: (devices) =>
        devices.map((d) => ({ labels: { card: d.id, source: d.source, driver: d.driver, pci_slot: d.pciSlot ?? '', vendor: d.vendor ?? '', model: d.model ?? '' }, value: 1 })),
    },
    procyon_gpu_memory_busy_percent: perCard('How busy the GPU memory controller is as a percentage (amdgpu mem_busy_percent, NVML utilization.memory).', (d) => d.memoryBusyPercent),
    procyon_gpu_engine_busy_percent: perItem(
      'How busy each GPU engine is as a percentage: the clients’ DRM fdinfo engine time over the tick, summed (NVML: encoder, decoder).',
      'engine',
      (d) => d.engines,
      (e) => [e.name, e.busyPercent],
    ),
    procyon_gpu_temperature_celsius: perItem('GPU temperature by sensor (hwmon label: edge, junction, mem; NVML: gpu).', 'sensor', (d) => d.temperatures, (t) => [t.label, t.current]),
    procyon_gpu_power_watts: perCard('GPU power draw in watts (hwmon power1_average or power1_input; NVML power usage).', (d) => d.powerWatts),
    procyon_gpu_power_limit_watts: perCard('GPU power limit in watts (hwmon power1_cap; NVML enforced limit).', (d) => d.powerLimitWatts),
    procyon_gpu_fan_rpm: perCard('GPU fan speed in revolutions per minute.', (d) => d.fanRpm),
    procyon_gpu_fan_percent: perCard('GPU fan speed as a percentage of its maximum.', (d) => d.fanPercent),
    procyon_gpu_graphics_clock_hertz: perCard('Current GPU graphics (shader) clock in hertz.', (d) => d.clockGraphicsMhz, MHZ),
    procyon_gpu_graphics_clock_max_hertz: perCard('Maximum GPU graphics clock in hertz.', (d) => d.clockGraphicsMaxMhz, MHZ),
    procyon_gpu_memory_clock_hertz: perCard('Current GPU memory clock in hertz.', (d) => d.clockMemoryMhz, MHZ),
  },
});
