import type { GpuSample as GpuDevice, ProcessGpuSample as ProcessGpu, Snapshot } from '../../../shared/payloads';

// What the pages say about a GPU: its name, its memory as one figure, and the
// device of the same id in each tick (charts follow a card by its id).

/** "Radeon RX Vega 56/64" where the PCI id database or NVML names it, else the driver and slot. */
export function gpuModel(d: GpuDevice): string {
  return d.model ?? `${d.driver} GPU${d.pciSlot ? ` at ${d.pciSlot}` : ''}`;
}

/** The memory a GPU works from: its VRAM, or on an integrated GPU (no VRAM of its own) the GTT it maps system memory through. */
export function gpuMemory(d: GpuDevice): { kind: 'VRAM' | 'GTT'; used: number; total: number } | null {
  const m = d.memory;
  if (m.vramUsed !== null && m.vramTotal !== null && m.vramTotal > 0) return { kind: 'VRAM', used: m.vramUsed, total: m.vramTotal };
  if (m.gttUsed !== null && m.gttTotal !== null && m.gttTotal > 0) return { kind: 'GTT', used: m.gttUsed, total: m.gttTotal };
  return null;
}

/** The device `id` in a tick, if the tick read GPUs and has it. */
export function deviceIn(s: Snapshot, id: string): GpuDevice | undefined {
  return s.gpus?.find((d) => d.id === id);
}

/** The hottest of a GPU's sensors (junction, when it has one, is usually it). */
export function hottestGpuSensor(d: GpuDevice): GpuDevice['temperatures'][number] | null {
  let best: GpuDevice['temperatures'][number] | null = null;
  for (const t of d.temperatures) if (Number.isFinite(t.current) && (!best || t.current > best.current)) best = t;
  return best;
}

/** A process's engines, busiest first, as "gfx 41 % · compute 3 %". */
export function engineList(g: ProcessGpu): [string, number][] {
  return Object.entries(g.engines).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
