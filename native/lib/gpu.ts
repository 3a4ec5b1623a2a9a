// GPUs (beyond psutil): every DRM card under /sys/class/drm with what its
// driver exposes (amdgpu, i915, xe), NVIDIA's through NVML loaded at run time,
// and a process's share from its DRM fdinfo. The shapes are shared with the
// app (docs: /work/notes/gpu-api.md in the issue). Units: bytes, percent
// 0..100, °C, watts, MHz, RPM; null = not exposed by this device.

import { metric } from './metric';

export interface GpuEngine {
  name: string;
  busyPercent: number | null;
}

export interface GpuMemory {
  vramUsed: number | null;
  vramTotal: number | null;
  visVramUsed: number | null;
  visVramTotal: number | null;
  gttUsed: number | null;
  gttTotal: number | null;
}

export interface GpuTemperature {
  label: string;
  current: number;
  high: number | null;
  critical: number | null;
}

export interface GpuDevice {
  /** 'card0' (DRM) or 'nvml0'. */
  id: string;
  source: 'drm' | 'nvml';
  /** amdgpu, i915, xe, nvidia, … */
  driver: string;
  /** '0000:03:00.0' */
  pciSlot: string | null;
  vendorId: number | null;
  deviceId: number | null;
  /** From the PCI id database (pci.ids) or NVML's name. */
  vendor: string | null;
  model: string | null;
  /** amdgpu gpu_busy_percent, NVML utilization.gpu, i915/xe: the busiest engine. */
  busyPercent: number | null;
  memoryBusyPercent: number | null;
  /** i915/xe/amdgpu: the clients' fdinfo engine rates summed; NVML: encoder, decoder. */
  engines: GpuEngine[];
  memory: GpuMemory;
  temperatures: GpuTemperature[];
  powerWatts: number | null;
  powerLimitWatts: number | null;
  fanRpm: number | null;
  fanPercent: number | null;
  clockGraphicsMhz: number | null;
  clockMemoryMhz: number | null;
  clockGraphicsMaxMhz: number | null;
  /** amdgpu power_dpm_force_performance_level. */
  performanceLevel: string | null;
}

/** A process's share, from its DRM fdinfo (and NVML on NVIDIA), as a rate since the previous read. */
export interface ProcessGpu {
  /** The busiest of its engines (one % as nvtop and Mission Center show). */
  busyPercent: number;
  /** Engine name -> % busy over the interval. */
  engines: Record<string, number>;
  /** Resident bytes (drm-resident-* / drm-memory-*): a discrete card's VRAM; on an integrated GPU (amdgpu APU, Intel) its GTT / system memory too. */
  memoryBytes: number;
  /** pciSlot (drm-pdev) or NVML id. */
  devices: string[];
}

declare module './metric' {
  interface Metrics {
    /** gpus(); capability false where the machine has no DRM card and no NVML. */
    gpus: GpuDevice[];
  }
}

/** Every GPU: DRM cards under <sysfs>/class/drm, then NVML's devices. An empty array is never an error. */
export const gpus = metric('gpus');
