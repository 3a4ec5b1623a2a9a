import * as native from '@procyon/collector';
import type { ProcessTableRow } from '@procyon/collector';
import type { CollectorRoots } from '../core/collector';
import { bytes2human, table } from './report/units';
import { terminalSafe } from '../../shared/terminal-text';

export interface PsRow {
  pid: number;
  ppid: number;
  user: string;
  status: string;
  cpuPercent: number;
  memoryPercent: number;
  rss: number;
  vms: number;
  numThreads: number;
  nice: number;
  createTime: number;
  name: string;
  cmdline: string[];
  /** The busiest GPU engine's % over the sample (null: the process holds no GPU client). */
  gpuPercent: number | null;
  /** Its GPU memory in bytes (null: no GPU client). */
  gpuMemory: number | null;
  /** With --sort net only: TCP bytes per second received + sent over the sample (UDP and QUIC not counted). */
  net?: number;
}

export const PS_SORT_FIELDS = ['pid', 'ppid', 'user', 'status', 'cpuPercent', 'memoryPercent', 'rss', 'vms', 'numThreads', 'nice', 'createTime', 'name', 'gpuPercent', 'gpuMemory', 'net'] as const;
export type PsSortField = (typeof PS_SORT_FIELDS)[number];
/** Shorter names `--sort` also takes. */
export const PS_SORT_ALIASES: Readonly<Record<string, PsSortField>> = { gpu: 'gpuPercent' };

/**
 * Two process tables a short moment apart: CPU % and GPU % are recent use, as top shows them, not ps's lifetime average.
 * `net`: read the network use too (rates over the sample), else nothing of it is read.
 */
export async function collectPs(roots: CollectorRoots, sampleMs = 250, { net = false }: { net?: boolean } = {}): Promise<PsRow[]> {
  const fields = ['ppid', 'name', 'username', 'status', 'cpuTimes', 'memory', 'numThreads', 'nice', 'cmdline'] as const;
  // The first table's GPU and network readings are the baselines of the second's rates (processTable keeps them per roots).
  const read = () => native.processTable({ ...roots, fields, gpu: true, ...(net && { net }) });
  const [first, vm] = await Promise.all([read(), native.virtualMemory(roots)]);
  await new Promise((r) => setTimeout(r, sampleMs));
  const second = await read();
  const rates = new Map(native.processTableRates(first, second).map((r) => [`${r.pid}:${r.createTime}`, r]));
  return second.rows.map((row: ProcessTableRow) => ({
    pid: row.pid,
    ppid: row.ppid ?? 0,
    user: row.username ?? '?',
    status: row.status ?? '?',
    cpuPercent: rates.get(`${row.pid}:${row.createTime}`)?.cpuPercent ?? 0,
    memoryPercent: vm.total > 0 ? Math.round(((row.rss ?? 0) / vm.total) * 1000) / 10 : 0,
    rss: row.rss ?? 0,
    vms: row.vms ?? 0,
    numThreads: row.numThreads ?? 0,
    nice: row.nice ?? 0,
    createTime: row.createTime,
    name: row.name ?? '?',
    cmdline: row.cmdline ?? [],
    gpuPercent: row.gpu?.busyPercent ?? null,
    gpuMemory: row.gpu?.memoryBytes ?? null,
    // A process holding no inet socket moves no TCP bytes: 0, so it sorts with the quiet ones.
    ...(net && { net: (row.net?.receiveRate ?? 0) + (row.net?.transmitRate ?? 0) }),
  }));
}

/** Pure: filter by user, sort (numbers descending like top, text ascending), optionally as a tree. */
export function arrangePs(rows: PsRow[], opts: { sort: PsSortField; user?: string; tree: boolean }): { row: PsRow; depth: number }[] {
  const filtered = opts.user === undefined ? rows : rows.filter((r) => r.user === opts.user);
  const cmp = (a: PsRow, b: PsRow) => {
    const x = a[opts.sort];
    const y = b[opts.sort];
    // No GPU client (null) sorts below any share, 0 included.
    if (x === null || y === null) return x === y ? a.pid - b.pid : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return opts.sort === 'pid' || opts.sort === 'ppid' ? x - y : y - x || a.pid - b.pid;
    return String(x).localeCompare(String(y)) || a.pid - b.pid;
  };
  const sorted = [...filtered].sort(cmp);
  if (!opts.tree) return sorted.map((row) => ({ row, depth: 0 }));
  const present = new Set(sorted.map((r) => r.pid));
  const children = new Map<number, PsRow[]>();
  const roots: PsRow[] = [];
  for (const r of sorted) {
    // A process whose parent is filtered out (or gone) starts its own tree.
    if (r.ppid !== r.pid && present.has(r.ppid)) children.set(r.ppid, [...(children.get(r.ppid) ?? []), r]);
    else roots.push(r);
  }
  const out: { row: PsRow; depth: number }[] = [];
  const walk = (r: PsRow, depth: number) => {
    out.push({ row: r, depth });
    for (const c of children.get(r.pid) ?? []) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return out;
}

/**
 * `columns`: cut lines to the terminal's width, as ps does on a TTY. What a
 * process controls is escaped (terminal-text.ts). The GPU columns are shown
 * only when some process holds a GPU client (a machine without one reads as before).
 */
export function formatPs(rows: { row: PsRow; depth: number }[], columns?: number): string {
  const gpu = rows.some(({ row }) => row.gpuPercent !== null);
  const net = rows.some(({ row }) => row.net !== undefined);
  const header = ['PID', 'PPID', 'USER', 'S', '%CPU', '%MEM', 'RSS', 'VMS', 'THR', 'NI', ...(gpu ? ['%GPU', 'GPUMEM'] : []), ...(net ? ['NET/s'] : []), 'COMMAND'];
  const body = rows.map(({ row: r, depth }) => [
    String(r.pid),
    String(r.ppid),
    terminalSafe(r.user.slice(0, 12)),
    terminalSafe(r.status),
    r.cpuPercent.toFixed(1),
    r.memoryPercent.toFixed(1),
    bytes2human(r.rss),
    bytes2human(r.vms),
    String(r.numThreads),
    String(r.nice),
    ...(gpu ? [r.gpuPercent === null ? '-' : r.gpuPercent.toFixed(1), r.gpuMemory === null ? '-' : bytes2human(r.gpuMemory)] : []),
    ...(net ? [bytes2human(Math.round(r.net ?? 0))] : []),
    `${'  '.repeat(depth)}${depth > 0 ? '└─ ' : ''}${terminalSafe(r.cmdline.length > 0 ? r.cmdline.join(' ') : `[${r.name}]`)}`,
  ]);
  const text = table([header, ...body], ['r', 'r', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', ...(gpu ? (['r', 'r'] as const) : []), ...(net ? ['r' as const] : []), 'l']);
  return columns === undefined ? text : text.split('\n').map((l) => l.slice(0, columns)).join('\n');
}
