import type { ProcessRow } from '../../../shared/payloads';
import { formatByteRate, formatBytes, formatDateTime, formatDuration } from '../format';
import type { ColumnId } from './columns';
import { priorityText, type PriorityClassTable } from './priority';
import type { Totals } from './tree';

const DASH = '—';
const pad2 = (n: number) => String(n).padStart(2, '0');

/** "14:03:07" for today, "2024-05-01 14:03" otherwise: what ps's STIME does, unambiguous. */
export function formatStart(epochSeconds: number, now = Date.now()): string {
  const d = new Date(epochSeconds * 1000);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
  return formatDateTime(epochSeconds);
}

const rate = (v: number | null) => (v === null ? DASH : v === 0 ? '0' : formatByteRate(v));

/**
 * What a cell shows. In tree view a parent's summed columns show its subtree's totals (`totals`).
 * `priorityClasses`: the host's (HostInfo.constants), to name a priority class where the host has them.
 */
export function cellText(column: ColumnId, row: ProcessRow, totals?: Totals, priorityClasses?: PriorityClassTable): string {
  switch (column) {
    case 'pid':
      return String(row.pid);
    case 'name':
      return row.name;
    case 'user':
      return row.username ?? DASH;
    case 'status':
      return row.status;
    case 'cpu': {
      const v = totals ? totals.cpuPercent : row.cpuPercent;
      return v === null ? DASH : v.toFixed(1);
    }
    case 'rss':
      return formatBytes(totals ? totals.rss : row.rss);
    case 'mem':
      return (totals ? totals.memoryPercent : row.memoryPercent).toFixed(1);
    case 'threads':
      return String(totals ? totals.numThreads : row.numThreads);
    case 'nice':
      return priorityText(priorityClasses, row.nice);
    case 'read':
      return rate(totals ? totals.readBytesPerSec : row.readBytesPerSec);
    case 'write':
      return rate(totals ? totals.writeBytesPerSec : row.writeBytesPerSec);
    case 'start':
      return formatStart(row.createTime);
    case 'cmdline':
      return row.cmdline.length ? row.cmdline.join(' ') : `[${row.name}]`;
    case 'ppid':
      return String(row.ppid);
    case 'vms':
      return formatBytes(row.vms);
    case 'terminal':
      return row.terminal ?? DASH;
    case 'cpuNum':
      return String(row.cpuNum);
    case 'cpuTime':
      return formatDuration(row.cpuTimes);
    case 'fds':
      return row.numFds == null ? DASH : String(row.numFds);
    case 'ctx':
      return row.ctxSwitches == null ? DASH : String(row.ctxSwitches);
    case 'uss':
      return row.uss == null ? DASH : formatBytes(row.uss);
    case 'gpu':
      return row.gpu == null ? DASH : row.gpu.busyPercent.toFixed(1);
    case 'gpuMem':
      return row.gpu == null ? DASH : formatBytes(row.gpu.memoryBytes);
    case 'netRx':
      return row.net == null ? DASH : rate(row.net.receiveRate);
    case 'netTx':
      return row.net == null ? DASH : rate(row.net.transmitRate);
    case 'netBytes':
      return row.net == null ? DASH : formatBytes(row.net.receiveBytes + row.net.transmitBytes);
  }
}

/** Columns a tree parent shows as its subtree's sum. */
export const SUMMED: ReadonlySet<ColumnId> = new Set(['cpu', 'rss', 'mem', 'threads', 'read', 'write']);
