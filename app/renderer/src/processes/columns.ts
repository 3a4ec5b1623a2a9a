import type { ProcessRow, Topic } from '../../../shared/payloads';
import { hostPrioritySortKey } from './priority';

// The process table's columns: what each shows, how it sorts, and which the
// user sees (chosen in the column chooser, kept in localStorage). The command
// line comes last whatever is chosen: it takes the rest of the width.

export type ColumnId =
  | 'pid'
  | 'name'
  | 'user'
  | 'status'
  | 'cpu'
  | 'rss'
  | 'mem'
  | 'threads'
  | 'nice'
  | 'read'
  | 'write'
  | 'start'
  | 'cmdline'
  | 'ppid'
  | 'vms'
  | 'terminal'
  | 'cpuNum'
  | 'cpuTime'
  | 'fds'
  | 'ctx'
  | 'uss'
  | 'gpu'
  | 'gpuMem'
  | 'netRx'
  | 'netTx'
  | 'netBytes';

export interface ColumnDef {
  id: ColumnId;
  label: string;
  /** Its header where the host's priority is a class, not a nice value (HostInfo.constants.priorityClasses: Windows). */
  classLabel?: string;
  /** Longer name for the chooser and the header's tooltip. */
  title: string;
  numeric: boolean;
  /** Sort key; null sorts below every number / string. */
  value: (row: ProcessRow) => number | string | null;
  /** Default width in px (the command line takes the rest). */
  width: number;
  /**
   * Numeric columns: the widest text the column's format can produce. The
   * table never makes the column narrower than this text (numbers are never
   * cut off; names and command lines are shortened instead).
   */
  widest?: string;
  /** Shown unless the user hides it. */
  defaultVisible: boolean;
  /** Read only while shown: the topic that asks the host for it. */
  topic?: Topic;
}

/** A column's header on a host whose priority is (`classes`) or is not a class. */
export function columnLabel(col: ColumnDef, classes: boolean): string {
  return classes ? (col.classLabel ?? col.label) : col.label;
}

const text = (v: string | null) => (v === null ? null : v.toLowerCase());

export const COLUMNS: readonly ColumnDef[] = [
  { id: 'pid', label: 'PID', title: 'Process ID', numeric: true, value: (r) => r.pid, width: 72, widest: '4194304', defaultVisible: true },
  { id: 'name', label: 'Name', title: 'Name', numeric: false, value: (r) => text(r.name), width: 160, defaultVisible: true },
  { id: 'user', label: 'User', title: 'User', numeric: false, value: (r) => text(r.username), width: 88, defaultVisible: true },
  { id: 'status', label: 'Status', title: 'Status', numeric: false, value: (r) => r.status, width: 76, defaultVisible: true },
  { id: 'cpu', label: 'CPU %', title: 'CPU % (of one core, since the previous tick)', numeric: true, value: (r) => r.cpuPercent, width: 68, widest: '9999.9', defaultVisible: true },
  { id: 'rss', label: 'Memory', title: 'rss: resident set size, as psutil’s memory_info().rss', numeric: true, value: (r) => r.rss, width: 88, widest: '1023 MiB', defaultVisible: true },
  { id: 'mem', label: 'Mem %', title: 'RSS as % of total memory', numeric: true, value: (r) => r.memoryPercent, width: 64, widest: '100.0', defaultVisible: true },
  { id: 'threads', label: 'Thr', title: 'Threads', numeric: true, value: (r) => r.numThreads, width: 48, widest: '99999', defaultVisible: true },
  { id: 'nice', label: 'Nice', classLabel: 'Priority', title: 'Priority: the nice value (-20 highest … 19 lowest), or the priority class where the host has classes', numeric: true, value: (r) => hostPrioritySortKey(r.nice), width: 48, widest: '-20', defaultVisible: true },
  { id: 'read', label: 'Read', title: 'Disk read rate', numeric: true, value: (r) => r.readBytesPerSec, width: 76, widest: '1023 KiB/s', defaultVisible: true },
  { id: 'write', label: 'Write', title: 'Disk write rate', numeric: true, value: (r) => r.writeBytesPerSec, width: 76, widest: '1023 KiB/s', defaultVisible: true },
  { id: 'start', label: 'Started', title: 'Start time', numeric: true, value: (r) => r.createTime, width: 100, widest: '2026-12-31 23:59', defaultVisible: true },
  { id: 'ppid', label: 'PPID', title: 'Parent process ID', numeric: true, value: (r) => r.ppid, width: 72, widest: '4194304', defaultVisible: false },
  { id: 'vms', label: 'Virtual', title: 'Virtual memory size (VMS)', numeric: true, value: (r) => r.vms, width: 88, widest: '1023 GiB', defaultVisible: false },
  { id: 'terminal', label: 'TTY', title: 'Controlling terminal', numeric: false, value: (r) => r.terminal, width: 80, defaultVisible: false },
  { id: 'cpuNum', label: 'CPU#', title: 'CPU the process last ran on', numeric: true, value: (r) => r.cpuNum, width: 52, widest: '1023', defaultVisible: false },
  { id: 'cpuTime', label: 'CPU time', title: 'User + system CPU time since start', numeric: true, value: (r) => r.cpuTimes, width: 84, widest: '999d 23h 59m', defaultVisible: false },
  { id: 'fds', label: 'FDs', title: 'Open file descriptors', numeric: true, value: (r) => r.numFds ?? null, width: 56, widest: '999999', defaultVisible: false, topic: 'processFds' },
  { id: 'ctx', label: 'Ctx sw', title: 'Context switches', numeric: true, value: (r) => r.ctxSwitches ?? null, width: 80, widest: '99999999999', defaultVisible: false, topic: 'processCtxSwitches' },
  { id: 'uss', label: 'USS', title: 'Unique memory (USS)', numeric: true, value: (r) => r.uss ?? null, width: 84, widest: '1023 MiB', defaultVisible: false, topic: 'processUss' },
  // GPU: read only while one of these is shown (the host then reads the DRM fdinfo of the processes that hold a GPU).
  { id: 'gpu', label: 'GPU %', title: 'GPU % (its busiest GPU engine, since the previous tick)', numeric: true, value: (r) => r.gpu?.busyPercent ?? null, width: 64, widest: '100.0', defaultVisible: false, topic: 'processGpu' },
  { id: 'gpuMem', label: 'GPU mem', title: 'GPU memory (resident VRAM; GTT too on integrated GPUs)', numeric: true, value: (r) => r.gpu?.memoryBytes ?? null, width: 84, widest: '1023 MiB', defaultVisible: false, topic: 'processGpu' },
  // Network: read only while one of these is shown (the host then dumps the kernel's TCP sockets and maps them to processes).
  // TCP only: UDP (so QUIC) has no byte counters, and a socket opened and closed between two ticks is not seen.
  { id: 'netRx', label: 'Net in', title: 'Network receive rate (TCP; UDP and QUIC not counted)', numeric: true, value: (r) => r.net?.receiveRate ?? null, width: 80, widest: '1023 KiB/s', defaultVisible: false, topic: 'processNet' },
  { id: 'netTx', label: 'Net out', title: 'Network send rate (TCP; UDP and QUIC not counted)', numeric: true, value: (r) => r.net?.transmitRate ?? null, width: 80, widest: '1023 KiB/s', defaultVisible: false, topic: 'processNet' },
  {
    id: 'netBytes',
    label: 'Net total',
    title: 'TCP bytes received + sent since the process was first watched (sockets opened and closed between ticks are lost)',
    numeric: true,
    value: (r) => (r.net ? r.net.receiveBytes + r.net.transmitBytes : null),
    width: 84,
    widest: '1023 MiB',
    defaultVisible: false,
    topic: 'processNet',
  },
  { id: 'cmdline', label: 'Command line', title: 'Command line', numeric: false, value: (r) => r.cmdline.join(' '), width: 140, defaultVisible: true },
];

/** The extra topics the chosen columns need sampled. */
export function columnTopics(columns: readonly ColumnId[]): Topic[] {
  // Columns sharing a topic (GPU's two, network's three): asked for once.
  return [...new Set(COLUMNS.flatMap((c) => (c.topic && columns.includes(c.id) ? [c.topic] : [])))];
}

/** Attributes people expect in a process table that the table rows do not carry (only the details have them). */
export const DETAILS_ONLY = ['PSS / swap', 'I/O priority', 'CPU affinity'] as const;

export const COLUMN_BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

export const DEFAULT_COLUMNS: ColumnId[] = COLUMNS.filter((c) => c.defaultVisible).map((c) => c.id);

export function isColumnId(v: unknown): v is ColumnId {
  return typeof v === 'string' && COLUMN_BY_ID.has(v as ColumnId);
}
