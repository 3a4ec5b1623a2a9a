import type { NetSocketStats, SockstatProtocol } from '@procyon/collector';
import { defineMetric, type FamilyDeclaration } from './define';

// Sockets by protocol (the collector's netSocketStats(): /proc/net/sockstat and
// sockstat6, what `ss -s` summarises). A count that only climbs (TCP in use,
// TIME_WAIT) is a service leaking connections or a client opening one per
// request; no monitor shows it beside the interfaces' traffic.

/** A protocol's count over IPv4 and IPv6, null where neither family reports it. */
function both(s: NetSocketStats, v4: 'tcp' | 'udp', key: keyof SockstatProtocol): number | null {
  const values = [s[v4]?.[key], s[`${v4}6`]?.[key]].filter((v): v is number => typeof v === 'number');
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) : null;
}

/** node_exporter's sockstat family for one protocol's count: `node_sockstat_TCP_inuse`, its help worded as node_exporter words it. */
function family(protocol: string, key: keyof SockstatProtocol, name = key as string): FamilyDeclaration<NetSocketStats> {
  const field = protocol.toLowerCase() as Exclude<keyof NetSocketStats, 'used'>;
  return { type: 'gauge', help: `Number of ${protocol} sockets in state ${name}.`, value: (r) => r[field]?.[key] };
}

export default defineMetric({
  topic: 'sockets',
  source: 'netSocketStats',
  // No /proc/net/sockstat: a kernel (or captured tree) without it, a fact rather than a failed read.
  noneWhen: 'NOT_FOUND',
  sample: (reading) => reading,
  history: true,
  cards: [
    {
      page: 'network',
      id: 'sockets',
      title: 'Sockets',
      lines: [
        { key: 'tcp', name: 'TCP in use', color: 'var(--net)' },
        { key: 'tw', name: 'TIME_WAIT', color: 'var(--warn)', line: true },
        { key: 'udp', name: 'UDP in use', color: 'var(--net-send)', line: true },
      ],
      has: (s) => s.tcp !== null || s.udp !== null,
      point(s) {
        const point: Record<string, number> = {};
        const values = { tcp: both(s, 'tcp', 'inuse'), tw: s.tcp?.tw ?? null, udp: both(s, 'udp', 'inuse') };
        for (const [k, v] of Object.entries(values)) if (v !== null) point[k] = v;
        return Object.keys(point).length > 0 ? point : null;
      },
      summary(s, f) {
        const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : f.count(v));
        const b = (v: number | null | undefined) => (v === null || v === undefined ? '—' : f.bytes(v));
        return {
          text: `TCP ${n(both(s, 'tcp', 'inuse'))} · TIME_WAIT ${n(s.tcp?.tw)} · UDP ${n(both(s, 'udp', 'inuse'))}`,
          title: [
            `${n(s.used)} sockets in use, every family`,
            `TCP: ${n(s.tcp?.inuse)} IPv4 · ${n(s.tcp6?.inuse)} IPv6 · ${n(s.tcp?.orphan)} orphaned · ${n(s.tcp?.alloc)} allocated · buffers ${b(s.tcp?.memBytes)}`,
            `UDP: ${n(s.udp?.inuse)} IPv4 · ${n(s.udp6?.inuse)} IPv6 · buffers ${b(s.udp?.memBytes)}`,
            `Raw: ${n(s.raw?.inuse)} IPv4 · ${n(s.raw6?.inuse)} IPv6`,
          ].join('\n'),
        };
      },
      scale: (f) => ({ format: (v) => f.count(v), floor: 10, width: 60 }),
      csvUnit: 'sockets',
      note: 'Sockets of this machine’s network namespace, IPv4 and IPv6 together. TIME_WAIT: closed TCP connections the kernel still holds for a while.',
      absent: (_why, captured) => (captured ? 'Not reported: the captured tree has no /proc/net/sockstat.' : 'Not reported: this host’s kernel has no /proc/net/sockstat.'),
    },
  ],
  // node_exporter's sockstat collector: every count the files give, under its names; a count the kernel's line lacks publishes nothing.
  exporter: {
    node_sockstat_sockets_used: { type: 'gauge', help: 'Number of IPv4 sockets in use.', value: (r) => r.used },
    node_sockstat_TCP_inuse: family('TCP', 'inuse'),
    node_sockstat_TCP_orphan: family('TCP', 'orphan'),
    node_sockstat_TCP_tw: family('TCP', 'tw'),
    node_sockstat_TCP_alloc: family('TCP', 'alloc'),
    node_sockstat_TCP_mem: family('TCP', 'mem'),
    node_sockstat_TCP_mem_bytes: family('TCP', 'memBytes', 'mem_bytes'),
    node_sockstat_UDP_inuse: family('UDP', 'inuse'),
    node_sockstat_UDP_mem: family('UDP', 'mem'),
    node_sockstat_UDP_mem_bytes: family('UDP', 'memBytes', 'mem_bytes'),
    node_sockstat_UDPLITE_inuse: family('UDPLITE', 'inuse'),
    node_sockstat_RAW_inuse: family('RAW', 'inuse'),
    node_sockstat_FRAG_inuse: family('FRAG', 'inuse'),
    node_sockstat_FRAG_memory: family('FRAG', 'memory'),
    node_sockstat_TCP6_inuse: family('TCP6', 'inuse'),
    node_sockstat_UDP6_inuse: family('UDP6', 'inuse'),
    node_sockstat_UDPLITE6_inuse: family('UDPLITE6', 'inuse'),
    node_sockstat_RAW6_inuse: family('RAW6', 'inuse'),
    node_sockstat_FRAG6_inuse: family('FRAG6', 'inuse'),
    node_sockstat_FRAG6_memory: family('FRAG6', 'memory'),
  },
});
