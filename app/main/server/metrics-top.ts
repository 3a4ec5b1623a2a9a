import { processTableRates, type ProcessTableResult } from '@procyon/collector';
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
}

/** The n largest by value, largest first; ties go to the lower pid so the set is stable between scrapes. */
export function largest(rows: readonly TopProcess[], n: number = TOP_N): TopProcess[] {
  return [...rows].sort((a, b) => b.value - a.value || a.pid - b.pid).slice(0, n);
}

/** Pure: two successive process tables → the top-N lists the exporter publishes (computed once per tick, not per scrape). */
export function processTops(prev: ProcessTableResult | null, next: ProcessTableResult, n: number = TOP_N): ProcessTops {
  const names = new Map<number, string>();
  const memory: TopProcess[] = [];
  for (const row of next.rows) {
    const name = row.name ?? '';
    names.set(row.pid, name);
    if (typeof row.rss === 'number') memory.push({ pid: row.pid, name, value: row.rss });
  }
  const cpu: TopProcess[] = [];
  if (prev) {
    for (const r of processTableRates(prev, next)) {
      if (r.cpuPercent !== null) cpu.push({ pid: r.pid, name: names.get(r.pid) ?? '', value: r.cpuPercent });
    }
  }
  return { count: next.rows.length, byCpu: largest(cpu, n), byMemory: largest(memory, n) };
}
