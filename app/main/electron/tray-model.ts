import type { ApiErrorPayload, NicSample, ProcessRow, SensorsSample, Snapshot } from '../../shared';

// What the tray says, from data alone: tooltip text, the top processes, the
// menu as plain items. tray.ts turns these into Electron objects.

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export function bytes(n: number): string {
  let v = Math.max(0, n);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${Math.round(v)} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${UNITS[u]}`;
}

const pct = (p: number) => `${p.toFixed(p < 10 ? 1 : 0)} %`;

/** Loopback is traffic with oneself: it would double-count what the machine sends out. */
export function networkRates(nics: readonly NicSample[]): { recv: number; sent: number } {
  let recv = 0;
  let sent = 0;
  for (const n of nics) {
    if (n.name === 'lo' || n.stats?.flags.includes('loopback')) continue;
    recv += n.bytesRecvPerSec;
    sent += n.bytesSentPerSec;
  }
  return { recv, sent };
}

export function hottestTemperature(sensors: SensorsSample | undefined): { where: string; celsius: number } | null {
  let best: { where: string; celsius: number } | null = null;
  for (const [chip, list] of Object.entries(sensors?.temperatures ?? {})) {
    for (const t of list) {
      if (Number.isFinite(t.current) && (!best || t.current > best.celsius)) best = { where: t.label ? `${chip} ${t.label}` : chip, celsius: t.current };
    }
  }
  return best;
}

/** The tooltip: one fact per line (Windows caps tooltips at 127 characters, so it stays short). */
export function trayTooltip(s: Snapshot | null, paused = false): string {
  if (!s) return 'Procyon: starting…';
  const lines = [paused ? 'Procyon (updates paused)' : 'Procyon'];
  lines.push(`CPU ${s.cpu ? pct(s.cpu.percent) : '—'}`);
  lines.push(`Memory ${pct(s.memory.percent)} of ${bytes(s.memory.total)}`);
  lines.push(s.swap === null ? 'Swap not read' : s.swap.total > 0 ? `Swap ${pct(s.swap.percent)} of ${bytes(s.swap.total)}` : 'Swap none');
  if (s.network) {
    const { recv, sent } = networkRates(s.network);
    lines.push(`Net ↓ ${bytes(recv)}/s ↑ ${bytes(sent)}/s`);
  }
  const hot = hottestTemperature(s.sensors);
  if (hot) lines.push(`Hottest ${Math.round(hot.celsius)} °C`);
  return lines.join('\n');
}

/** A process table read at a moment (the tray reads one every few seconds, not every tick). */
export interface ProcessPeek {
  /** ms since the epoch. */
  time: number;
  rows: readonly ProcessRow[];
}

export interface TopProcess {
  pid: number;
  createTime: number;
  name: string;
  username: string | null;
  /** Share of one CPU over the span between the two peeks. */
  cpuPercent: number;
  /** By GPU only: its busiest GPU engine over the peek's tick, percent. */
  gpuPercent?: number;
}

/** What the tray's top list ranks by: CPU (the default) or GPU. */
export type TrayRank = 'cpu' | 'gpu';

/**
 * The n processes busiest on a GPU in one peek, by their rows' GPU share
 * (each the busiest engine since the tick before, as the process table's GPU %
 * column shows it). Only processes that use a GPU are ranked: a row without
 * `gpu` (null: none; absent: not read) is left out, ties by pid.
 */
export function topByGpu(cur: ProcessPeek, n = 5, exclude: ReadonlySet<number> = new Set()): TopProcess[] {
  const ranked: TopProcess[] = [];
  for (const r of cur.rows) {
    if (exclude.has(r.pid) || !r.gpu) continue;
    ranked.push({ pid: r.pid, createTime: r.createTime, name: r.name || `pid ${r.pid}`, username: r.username, cpuPercent: r.cpuPercent ?? 0, gpuPercent: r.gpu.busyPercent });
  }
  ranked.sort((a, b) => b.gpuPercent! - a.gpuPercent! || a.pid - b.pid);
  return ranked.slice(0, n);
}

/**
 * The n busiest processes between two peeks, from the growth of their CPU
 * time: an average over the whole span, steadier in a menu than one tick's
 * rate. A process is matched by (pid, createTime), so a reused pid starts over.
 * Without an earlier peek, the rows' own one-tick rates are used where present.
 */
export function topByCpu(prev: ProcessPeek | null, cur: ProcessPeek, n = 5, exclude: ReadonlySet<number> = new Set()): TopProcess[] {
  const seconds = prev ? (cur.time - prev.time) / 1000 : 0;
  const before = new Map(prev && seconds > 0 ? prev.rows.map((r) => [`${r.pid}:${r.createTime}`, r.cpuTimes]) : []);
  const ranked: TopProcess[] = [];
  for (const r of cur.rows) {
    if (exclude.has(r.pid)) continue;
    const was = before.get(`${r.pid}:${r.createTime}`);
    const cpu = was !== undefined ? (Math.max(0, r.cpuTimes - was) / seconds) * 100 : r.cpuPercent;
    if (cpu === null || !Number.isFinite(cpu)) continue;
    ranked.push({ pid: r.pid, createTime: r.createTime, name: r.name || `pid ${r.pid}`, username: r.username, cpuPercent: cpu });
  }
  // Ties by pid, so the menu does not reshuffle equal rows between refreshes.
  ranked.sort((a, b) => b.cpuPercent - a.cpuPercent || a.pid - b.pid);
  return ranked.slice(0, n);
}

/** Menu items as data; `id` is what tray.ts dispatches on. */
export type TrayMenuItem =
  | { type: 'normal'; id: string; label: string; enabled?: boolean }
  | { type: 'checkbox'; id: string; label: string; checked: boolean }
  | { type: 'submenu'; id: string; label: string; submenu: TrayMenuItem[] }
  | { type: 'separator' }
  | { type: 'header'; label: string };

export interface TrayMenuState {
  top: readonly TopProcess[] | null;
  /** What `top` is ranked by; absent: CPU. */
  rank?: TrayRank;
  /** Offer ranking by GPU (the host reads GPUs); absent: no. */
  gpuRanking?: boolean;
  paused: boolean;
  startAtLogin: boolean;
  /** False where login items cannot be set (Linux outside AppImage, say). */
  startAtLoginSupported: boolean;
  readOnly: boolean;
}

export const terminateId = (p: Pick<TopProcess, 'pid' | 'createTime'>) => `terminate:${p.pid}:${p.createTime}`;

export function parseTerminateId(id: string): { pid: number; createTime: number } | null {
  const m = /^terminate:(\d+):(\d+(?:\.\d+)?)$/.exec(id);
  return m ? { pid: Number(m[1]), createTime: Number(m[2]) } : null;
}

export function trayMenuModel(state: TrayMenuState): TrayMenuItem[] {
  const byGpu = state.rank === 'gpu';
  const processItems: TrayMenuItem[] =
    state.top === null
      ? [{ type: 'header', label: 'Top processes: measuring…' }]
      : state.top.length === 0
        ? [{ type: 'header', label: byGpu ? 'Top processes by GPU: none uses a GPU' : 'Top processes: none readable' }]
        : [
            { type: 'header', label: `Top processes by ${byGpu ? 'GPU' : 'CPU'}` },
            ...state.top.map(
              (p): TrayMenuItem => ({
                type: 'submenu',
                id: `process:${p.pid}`,
                label: `${p.name} (${p.pid}) ${pct(byGpu ? (p.gpuPercent ?? 0) : p.cpuPercent)}`,
                submenu: [{ type: 'normal', id: terminateId(p), label: 'Terminate…', enabled: !state.readOnly }],
              }),
            ),
          ];
  return [
    { type: 'normal', id: 'show', label: 'Show Procyon' },
    { type: 'normal', id: 'popup', label: 'Quick overview' },
    { type: 'separator' },
    ...processItems,
    ...(state.gpuRanking ? [{ type: 'checkbox', id: 'rankGpu', label: 'Rank by GPU', checked: byGpu } as const] : []),
    { type: 'separator' },
    { type: 'checkbox', id: 'pause', label: 'Pause updates', checked: state.paused },
    ...(state.startAtLoginSupported ? [{ type: 'checkbox', id: 'startAtLogin', label: 'Start at login', checked: state.startAtLogin } as const] : []),
    { type: 'separator' },
    { type: 'normal', id: 'quit', label: 'Quit Procyon' },
  ];
}

/** The confirmation dialog's text: name, pid and owner, so the user knows exactly what goes. */
export function terminatePrompt(p: TopProcess): { message: string; detail: string } {
  return {
    message: `Terminate ${p.name} (pid ${p.pid})?`,
    detail: `Owner: ${p.username ?? 'unknown'}. It is asked to exit (SIGTERM) and may save its work first.`,
  };
}

/** What a failed action says to a person; the stable code decides the wording. */
export function actionErrorText(p: Pick<TopProcess, 'name' | 'pid'>, error: Pick<ApiErrorPayload, 'code' | 'message'>): string {
  switch (error.code) {
    case 'NO_SUCH_PROCESS':
      return `${p.name} (pid ${p.pid}): the process no longer exists.`;
    case 'ACCESS_DENIED':
      return `${p.name} (pid ${p.pid}): permission denied. It belongs to another user; Procyon does not elevate itself.`;
    case 'READ_ONLY':
      return 'Procyon is running read-only: process actions are off.';
    default:
      return `${p.name} (pid ${p.pid}): ${error.message}`;
  }
}
