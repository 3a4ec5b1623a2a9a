import { useState } from 'react';
import { decodeOpenFlags } from '../../data/open-flags';
import { formatBytes } from '../../format';
import { useMonitor } from '../../store/context';
import { CutNotice, useFullText } from './FullText';
import { isUnreadable, Missing, ObjectTable } from './values';

type Addr = { ip: string; port: number } | string | null;
/** A socket address as netstat writes it (IPv6 in brackets); a Unix path as it is; none as a dash. */
export const socketAddress = (a: unknown) => {
  const v = a as Addr;
  if (v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  return v.ip.includes(':') ? `[${v.ip}]:${v.port}` : `${v.ip}:${v.port}`;
};
// Python's socket numbers as psutil reports them: Linux's, and Windows' AF_INET6 (23).
const FAMILIES: Record<number, string> = { 1: 'unix', 2: 'IPv4', 10: 'IPv6', 23: 'IPv6' };
const TYPES: Record<number, string> = { 1: 'stream', 2: 'dgram', 5: 'seqpacket' };

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

/** psutil's flags are open(2)'s, as the host's kernel numbers them: named on Linux, the number in the tooltip. */
function openFlags(linux: boolean) {
  return (f: unknown) => {
    const n = Number(f);
    if (!linux || !Number.isInteger(n)) return String(f);
    return (
      <span title={`${n} (0o${n.toString(8)})`} data-flags={n}>
        {decodeOpenFlags(n)}
      </span>
    );
  };
}

export function OpenFilesTab({ d }: { d: Record<string, unknown> }) {
  // HostInfo.platform is os.type() and release: "Linux 6.8.0-…".
  const linux = useMonitor((s) => /^linux\b/i.test(s.info?.platform ?? ''));
  const v = d.openFiles;
  if (isUnreadable(v)) return <Missing value={v} />;
  return <ObjectTable label="Open files" items={list(v)} format={{ flags: openFlags(linux) }} />;
}

export function ConnectionsTab({ d }: { d: Record<string, unknown> }) {
  const v = d.netConnections ?? d.connections;
  if (isUnreadable(v)) return <Missing value={v} />;
  return (
    <ObjectTable
      label="Connections"
      items={list(v)}
      format={{ laddr: socketAddress, raddr: socketAddress, family: (f) => FAMILIES[Number(f)] ?? String(f), type: (t) => TYPES[Number(t)] ?? String(t) }}
    />
  );
}

const BYTES = (v: unknown) => formatBytes(Number(v));

export function MapsTab({ d }: { d: Record<string, unknown> }) {
  const v = d.memoryMaps;
  if (isUnreadable(v)) return <Missing value={v} />;
  const items = [...list(v)].sort((a, b) => Number(b.rss) - Number(a.rss));
  const fmt = Object.fromEntries(Object.keys(items[0] ?? {}).filter((k) => k !== 'path').map((k) => [k, BYTES]));
  return (
    <>
      <p className="muted small">Grouped by mapped file, largest resident first. PSS counts shared pages divided among their sharers.</p>
      <ObjectTable label="Memory maps" items={items} format={fmt} />
    </>
  );
}

export function EnvironmentTab({ d, pid, createTime }: { d: Record<string, unknown>; pid: number; createTime: number }) {
  const [q, setQ] = useState('');
  const full = useFullText('environ', pid, createTime);
  // The whole environment once fetched; until then the details' cut one.
  const v = full.state.status === 'ok' ? full.state.text.value : d.environ;
  if (isUnreadable(v)) return <Missing value={v} />;
  const entries = Object.entries((v as Record<string, string> | null) ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const needle = q.trim().toLowerCase();
  const shown = needle ? entries.filter(([k, val]) => k.toLowerCase().includes(needle) || val.toLowerCase().includes(needle)) : entries;
  return (
    <>
      <input type="search" aria-label="Search environment" placeholder="Filter variables" value={q} onChange={(e) => setQ(e.target.value)} />
      <span className="muted small"> {shown.length} of {entries.length}</span>
      <CutNotice field="environ" d={d} full={full} />
      <ObjectTable label="Environment" items={shown.map(([name, value]) => ({ name, value }))} />
    </>
  );
}

/** How each limit is counted, as prlimit(1) and /proc/PID/limits say. */
const LIMIT_UNITS: Record<string, { unit: string; meaning: string; format?: (n: number) => string }> = {
  RLIMIT_CPU: { unit: 'seconds', meaning: 'CPU time' },
  RLIMIT_FSIZE: { unit: 'bytes', meaning: 'Largest file it may write', format: formatBytes },
  RLIMIT_DATA: { unit: 'bytes', meaning: 'Data segment (heap)', format: formatBytes },
  RLIMIT_STACK: { unit: 'bytes', meaning: 'Stack', format: formatBytes },
  RLIMIT_CORE: { unit: 'bytes', meaning: 'Core dump', format: formatBytes },
  RLIMIT_RSS: { unit: 'bytes', meaning: 'Resident memory (not enforced)', format: formatBytes },
  RLIMIT_NPROC: { unit: 'processes', meaning: 'Processes of its user' },
  RLIMIT_NOFILE: { unit: 'files', meaning: 'Open files' },
  RLIMIT_MEMLOCK: { unit: 'bytes', meaning: 'Locked memory', format: formatBytes },
  RLIMIT_AS: { unit: 'bytes', meaning: 'Address space', format: formatBytes },
  RLIMIT_LOCKS: { unit: 'locks', meaning: 'File locks' },
  RLIMIT_SIGPENDING: { unit: 'signals', meaning: 'Queued signals' },
  RLIMIT_MSGQUEUE: { unit: 'bytes', meaning: 'POSIX message queues', format: formatBytes },
  RLIMIT_NICE: { unit: '', meaning: 'Highest nice it may set (20 − value)' },
  RLIMIT_RTPRIO: { unit: '', meaning: 'Highest real-time priority' },
  RLIMIT_RTTIME: { unit: 'µs', meaning: 'Real-time CPU time without blocking' },
};

/** -1 is RLIM_INFINITY. */
export function limitText(name: string, value: number): string {
  if (value === -1) return 'unlimited';
  const u = LIMIT_UNITS[name];
  return u?.format ? u.format(value) : String(value);
}

export function LimitsTab({ d }: { d: Record<string, unknown> }) {
  const v = d.rlimits;
  if (isUnreadable(v)) return <Missing value={v} />;
  const items = list(v).map((l) => {
    const name = String(l.name);
    return { limit: name, soft: limitText(name, Number(l.soft)), hard: limitText(name, Number(l.hard)), unit: LIMIT_UNITS[name]?.unit ?? '', meaning: LIMIT_UNITS[name]?.meaning ?? '' };
  });
  // Sixteen rows: shown whole, not in a scroll box that hid the last ones (RLIMIT_RTPRIO, RLIMIT_RTTIME).
  return <ObjectTable label="Limits" items={items} tall={false} />;
}
