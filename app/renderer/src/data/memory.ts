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

/**
 * Where the host's psutil has fewer virtual_memory fields (Windows: total,
 * available, percent, used, free: HostConstants.virtualMemoryFields), the
 * meanings that differ there; used is total − available and free is the
 * available memory, as psutil computes them from GlobalMemoryStatusEx.
 */
const WITHOUT_CACHES_MEANING: Partial<Record<MemoryFigureName, string>> = {
  used: 'used = total − available (psutil’s virtual_memory().used here)',
  available: 'available: memory that can be given to processes without paging out (GlobalMemoryStatusEx)',
  free: 'free: psutil reports the available memory as free here',
};

/** Whether the host reads the field (its collector's virtualMemoryFields; every field where it does not say). */
export const hostHasMemoryField = (fields: readonly string[] | undefined, name: string) => !fields || fields.includes(name);

/** What `name` means on a host with these virtual_memory fields. */
export function memoryFigureMeaning(name: MemoryFigureName, fields: readonly string[] | undefined): string {
  return (!hostHasMemoryField(fields, 'buffers') && WITHOUT_CACHES_MEANING[name]) || MEMORY_FIGURE_MEANING[name];
}

/** A memory chart's series (or a bar's segments) that the host has: no buffers, cached or shared where it reads none. */
export function hostMemorySeries<T extends { key: string }>(specs: readonly T[], fields: readonly string[] | undefined): T[] {
  return specs.filter((s) => hostHasMemoryField(fields, s.key));
}

export interface MemoryFigure {
  name: MemoryFigureName;
  bytes: number;
  text: string;
}

const figure = (m: MemorySample, name: Exclude<MemoryFigureName, 'percent'>): MemoryFigure => ({ name, bytes: m[name], text: formatBytes(m[name]) });

/** The Memory page's rows under its percent (those the host reads). */
export function memoryPageFigures(m: MemorySample, fields?: readonly string[]): MemoryFigure[] {
  return (['used', 'available', 'free', 'shared'] as const).filter((name) => hostHasMemoryField(fields, name)).map((name) => figure(m, name));
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
