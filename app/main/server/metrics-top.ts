import { processTableRates, type ProcessGpu, type ProcessNet, type ProcessTableResult, type ProcessTableRow } from '@procyon/collector';
import { TOP_N } from './metrics-catalogue';

/** One process in a top-N list. */
export interface TopProcess {
  pid: number;
  name: string;
  value: number;
}

export interface ProcessTops {
  count: number;
  /** By CPU percent over the last tick (empty on the first table: a rate needs two). */
  byCpu: TopProcess[];
  /** By resident set size, bytes. */
  byMemory: TopProcess[];
  /** By GPU busy percent (its busiest engine) over the last interval: only processes that use a GPU, and only where rows carry `gpu`. */
  byGpu: TopProcess[];
  /** By GPU memory, bytes (resident VRAM, and GTT on APUs). */
  byGpuMemory: TopProcess[];
  /**
   * The top processes by network rate (TCP received + sent over the last interval), each with its bytes received
   * and sent since watched (counters): one set of processes, so both lists name the same pids in the same order.
   */
  byNetReceive?: TopProcess[];
  byNetTransmit?: TopProcess[];
}

const before = (a: TopProcess, b: TopProcess): boolean => a.value > b.value || (a.value === b.value && a.pid < b.pid);

/**
 * The n largest by value, largest first; ties go to the lower pid so the set
 * is stable between scrapes. One pass keeping the n best (n is 10, the rows
 * thousands): not a sort of every process twice an update.
 */
export function largest(rows: readonly TopProcess[], n: number = TOP_N): TopProcess[] {
  const top: TopProcess[] = [];
  for (const r of rows) {
    if (top.length === n && !before(r, top[n - 1]!)) continue;
    let i = top.length < n ? top.length : n - 1;
    while (i > 0 && before(r, top[i - 1]!)) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = r;
  }
  return top;
}

/** What ranking needs of a process; both the sampler's ProcessRow and a rated table row fit. */
export interface RankedRow {
  pid: number;
  name: string;
  rss: number | null;
  cpuPercent: number | null;
  /** Its GPU share, where the table was asked for it; null or absent: it uses no GPU (or it was not read). */
  gpu?: ProcessGpu | null;
  /** Its TCP traffic, where the table was asked for it; null or absent: no inet socket (or not read). */
  net?: ProcessNet | null;
}

/** Pure: rows → the top-N lists the exporter publishes (computed once per tick, not per scrape). */
export function topsOf(rows: readonly RankedRow[], n: number = TOP_N): ProcessTops {
  const cpu: TopProcess[] = [];
  const memory: TopProcess[] = [];
  const gpu: TopProcess[] = [];
  const gpuMemory: TopProcess[] = [];
  const netRate: TopProcess[] = [];
  const nets = new Map<number, ProcessNet>();
  for (const r of rows) {
    if (r.cpuPercent !== null) cpu.push({ pid: r.pid, name: r.name, value: r.cpuPercent });
    if (r.rss !== null) memory.push({ pid: r.pid, name: r.name, value: r.rss });
    // Only processes that hold a GPU: the thousands that do not would fill a top-10 of zeros.
    if (r.gpu) {
      gpu.push({ pid: r.pid, name: r.name, value: r.gpu.busyPercent });
      gpuMemory.push({ pid: r.pid, name: r.name, value: r.gpu.memoryBytes });
    }
    // Only processes with a counted (TCP) socket, as for GPUs.
    if (r.net && r.net.sockets > 0) {
      netRate.push({ pid: r.pid, name: r.name, value: (r.net.receiveRate ?? 0) + (r.net.transmitRate ?? 0) });
      nets.set(r.pid, r.net);
    }
  }
  const topNet = largest(netRate, n);
  return {
    count: rows.length,
    byCpu: largest(cpu, n),
    byMemory: largest(memory, n),
    byGpu: largest(gpu, n),
    byGpuMemory: largest(gpuMemory, n),
    byNetReceive: topNet.map((t) => ({ ...t, value: nets.get(t.pid)!.receiveBytes })),
    byNetTransmit: topNet.map((t) => ({ ...t, value: nets.get(t.pid)!.transmitBytes })),
  };
}

/** Two successive process tables → ranked rows (no CPU rate without a previous table). */
export function rankedRows(prev: ProcessTableResult | null, next: ProcessTableResult): RankedRow[] {
  const rates = prev ? processTableRates(prev, next) : null;
  return next.rows.map((row, i) => {
    // The collector's row has `gpu` when the table was read with its gpu option.
    const gpu = (row as ProcessTableRow & { gpu?: ProcessGpu | null }).gpu;
    const net = row.net;
    return { pid: row.pid, name: row.name ?? '', rss: row.rss ?? null, cpuPercent: rates?.[i]?.cpuPercent ?? null, ...(gpu !== undefined && { gpu }), ...(net !== undefined && { net }) };
  });
}
