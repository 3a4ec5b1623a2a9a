import type { MemorySample } from '../../../shared/payloads';
import { formatBytes, formatPercent } from '../format';

// psutil.virtual_memory()'s figures as the Overview tile (and the tray popup,
// which shows the same tile) and the Memory page show them: each under the
// name psutil gives it, so "used" is psutil's used everywhere (the CLI's
// snapshot and the exporter's procyon_memory_used_bytes show the same field),
// and total − available is only ever shown as `percent`, which is how psutil
// defines it. free(1) from procps 4 prints total − available as its "used":
// that is why the two differ.

export type MemoryFigureName = 'percent' | 'used' | 'available' | 'free' | 'shared' | 'buffers' | 'cached';

/** What each name means, from psutil's documentation (Linux). Shown as a tooltip wherever the name is. */
export const MEMORY_FIGURE_MEANING: Record<MemoryFigureName, string> = {
  percent: 'percent = (total − available) / total',
  used: 'used = total − free − buffers − cached (psutil’s virtual_memory().used)',
  available: 'available: memory that can be given to processes without swapping (MemAvailable)',
  free: 'free: memory not used at all (MemFree); most of the rest is cache that can be reclaimed',
  shared: 'shared: tmpfs and shared memory (Shmem), counted within cached',
  buffers: 'buffers: block-device cache (Buffers)',
  cached: 'cached: page cache plus reclaimable slab (Cached + SReclaimable)',
};

export interface MemoryFigure {
  name: MemoryFigureName;
  bytes: number;
  text: string;
}

const figure = (m: MemorySample, name: Exclude<MemoryFigureName, 'percent'>): MemoryFigure => ({ name, bytes: m[name], text: formatBytes(m[name]) });

/** The Memory page's rows under its percent. */
export function memoryPageFigures(m: MemorySample): MemoryFigure[] {
  return (['used', 'available', 'free', 'shared'] as const).map((name) => figure(m, name));
}

/**
 * The Overview tile: psutil's percent as the value, used of total beside it
 * (a tile's line has room for no more), and as its tooltip what percent is
 * and the available it is computed from.
 */
export function memoryTileText(m: MemorySample): { value: string; detail: string; title: string } {
  const used = figure(m, 'used');
  const available = figure(m, 'available');
  return {
    value: formatPercent(m.percent),
    detail: `${used.name} ${used.text} of ${formatBytes(m.total)}`,
    title: `${MEMORY_FIGURE_MEANING.percent}; ${available.name} ${available.text}`,
  };
}
