import { useState } from 'react';
import { formatBytes } from '../../format';
import { CutNotice, useFullText } from './FullText';
import { isUnreadable, Missing, ObjectTable } from './values';

type Addr = { ip: string; port: number } | string | null;
const addr = (a: unknown) => {
  const v = a as Addr;
  if (v === null || v === '') return '—';
  if (typeof v === 'string') return v;
  return v.ip.includes(':') ? `[${v.ip}]:${v.port}` : `${v.ip}:${v.port}`;
};
const FAMILIES: Record<number, string> = { 1: 'unix', 2: 'IPv4', 10: 'IPv6' };
const TYPES: Record<number, string> = { 1: 'stream', 2: 'dgram', 5: 'seqpacket' };

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

export function OpenFilesTab({ d }: { d: Record<string, unknown> }) {
  const v = d.openFiles;
  if (isUnreadable(v)) return <Missing value={v} />;
  return <ObjectTable label="Open files" items={list(v)} />;
}

export function ConnectionsTab({ d }: { d: Record<string, unknown> }) {
  const v = d.netConnections ?? d.connections;
  if (isUnreadable(v)) return <Missing value={v} />;
  return (
    <ObjectTable
      label="Connections"
      items={list(v)}
      format={{ laddr: addr, raddr: addr, family: (f) => FAMILIES[Number(f)] ?? String(f), type: (t) => TYPES[Number(t)] ?? String(t) }}
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
const LIMIT_UNITS: Record<string, { unit: string; format?: (n: number) => string }> = {
  RLIMIT_CPU: { unit: 'seconds' },
  RLIMIT_FSIZE: { unit: 'bytes', format: formatBytes },
  RLIMIT_DATA: { unit: 'bytes', format: formatBytes },
  RLIMIT_STACK: { unit: 'bytes', format: formatBytes },
  RLIMIT_CORE: { unit: 'bytes', format: formatBytes },
  RLIMIT_RSS: { unit: 'bytes', format: formatBytes },
  RLIMIT_NPROC: { unit: 'processes' },
  RLIMIT_NOFILE: { unit: 'files' },
  RLIMIT_MEMLOCK: { unit: 'bytes', format: formatBytes },
  RLIMIT_AS: { unit: 'bytes', format: formatBytes },
  RLIMIT_LOCKS: { unit: 'locks' },
  RLIMIT_SIGPENDING: { unit: 'signals' },
  RLIMIT_MSGQUEUE: { unit: 'bytes', format: formatBytes },
  RLIMIT_NICE: { unit: '' },
  RLIMIT_RTPRIO: { unit: '' },
  RLIMIT_RTTIME: { unit: 'µs' },
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
    return { limit: name, soft: limitText(name, Number(l.soft)), hard: limitText(name, Number(l.hard)), unit: LIMIT_UNITS[name]?.unit ?? '' };
  });
  return <ObjectTable label="Limits" items={items} />;
}
