import { AF_UNIX, isWindowsCpuTimes } from '@procyon/collector';
import { protoOf } from '../../core/connections';
import type { CollectedSnapshot } from '../snapshot';
import { failed, genericTopicList } from '../snapshot';
import { terminalSafeDeep } from '../../../shared/terminal-text';
import { genericSection } from './generic';
import { bytes2human, heading, table } from './units';

// `procyon snapshot` without --json: each bespoke section reads like the psutil
// example script people know it from (free, df, ifconfig, netstat, sensors, who);
// every other topic the collector describes follows, printed by key (generic.ts).

type Section = (s: CollectedSnapshot) => string[];

function errorLine(value: unknown): string[] | null {
  return failed(value) ? [`  unavailable: ${value.error.code}: ${value.error.message}`] : null;
}

const cpu: Section = (s) => {
  const out = [heading('CPU')];
  const { logical, physical } = s.cpuCount;
  out.push(`count      ${failed(logical) ? '?' : logical} logical, ${failed(physical) ? '?' : (physical ?? 'unknown')} physical`);
  if (!failed(s.cpuTimes)) {
    const t = s.cpuTimes;
    if (isWindowsCpuTimes(t)) {
      out.push(`times      user ${t.user.toFixed(2)}s  system ${t.system.toFixed(2)}s  idle ${t.idle.toFixed(2)}s  interrupt ${t.interrupt.toFixed(2)}s  dpc ${t.dpc.toFixed(2)}s`);
    } else {
      out.push(`times      user ${t.user.toFixed(2)}s  nice ${t.nice.toFixed(2)}s  system ${t.system.toFixed(2)}s  idle ${t.idle.toFixed(2)}s  iowait ${t.iowait.toFixed(2)}s  steal ${t.steal.toFixed(2)}s`);
    }
  }
  if (!failed(s.cpuFreq) && s.cpuFreq) out.push(`frequency  ${s.cpuFreq.current.toFixed(0)} MHz (min ${s.cpuFreq.min.toFixed(0)}, max ${s.cpuFreq.max.toFixed(0)})`);
  if (!failed(s.getloadavg)) out.push(`load       ${s.getloadavg.map((x) => x.toFixed(2)).join(' ')}`);
  if (!failed(s.cpuStats)) out.push(`stats      ${s.cpuStats.ctxSwitches} context switches, ${s.cpuStats.interrupts} interrupts, ${s.cpuStats.softInterrupts} soft interrupts`);
  if (!failed(s.bootTime)) out.push(`boot time  ${new Date(s.bootTime * 1000).toISOString()}`);
  return out;
};

const free: Section = (s) => {
  // psutil's fields under psutil's names, the same `used` the dashboard and the
  // exporter show; free(1) from procps 4 prints total − available as "used".
  const out = [heading('Memory (psutil virtual_memory, swap_memory)')];
  const vm = s.virtualMemory;
  const sw = s.swapMemory;
  const rows = [['', 'total', 'used', 'free', 'shared', 'buffers', 'cache', 'available', 'percent']];
  if (!failed(vm)) rows.push(['Mem:', ...[vm.total, vm.used, vm.free, vm.shared, vm.buffers, vm.cached, vm.available].map(bytes2human), `${vm.percent}%`]);
  if (!failed(sw)) rows.push(['Swap:', bytes2human(sw.total), bytes2human(sw.used), bytes2human(sw.free), '', '', '', '', `${sw.percent}%`]);
  out.push(table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  out.push('used = total - free - buffers - cache; percent = (total - available) / total');
  return out;
};

const df: Section = (s) => {
  const out = [heading('Disks (df)')];
  const err = errorLine(s.diskPartitions);
  if (err) return [...out, ...err];
  const rows = [['Device', 'Total', 'Used', 'Free', 'Use%', 'Type', 'Mount']];
  for (const p of s.diskPartitions as Exclude<CollectedSnapshot['diskPartitions'], { error: unknown }>) {
    const u = s.diskUsage[p.mountpoint] as { total: number; used: number; free: number; percent: number } | undefined;
    if (u && !failed(u)) rows.push([p.device, bytes2human(u.total), bytes2human(u.used), bytes2human(u.free), `${u.percent}%`, p.fstype, p.mountpoint]);
    else rows.push([p.device, '', '', '', '', p.fstype, p.mountpoint]);
  }
  out.push(table(rows, ['l', 'r', 'r', 'r', 'r', 'l', 'l']));
  if (!failed(s.diskIoCounters)) {
    const io = [['Disk', 'Reads', 'Read', 'Writes', 'Written', 'Busy ms']];
    for (const [name, c] of Object.entries(s.diskIoCounters)) io.push([name, String(c.readCount), bytes2human(c.readBytes), String(c.writeCount), bytes2human(c.writeBytes), String(c.busyTime)]);
    out.push('', table(io, ['l', 'r', 'r', 'r', 'r', 'r']));
  }
  return out;
};

const ifconfig: Section = (s) => {
  const out = [heading('Network (ifconfig)')];
  const io = failed(s.netIoCounters) ? {} : s.netIoCounters;
  const stats = failed(s.netIfStats) ? {} : s.netIfStats;
  const addrs = s.netIfAddrs === undefined || failed(s.netIfAddrs) ? {} : s.netIfAddrs;
  const names = [...new Set([...Object.keys(stats), ...Object.keys(io), ...Object.keys(addrs)])].sort();
  for (const nic of names) {
    out.push(`${nic}:`);
    const st = stats[nic];
    if (st) out.push(`    stats          : speed=${st.speed}MB, duplex=${['?', 'half', 'full'][st.duplex] ?? '?'}, mtu=${st.mtu}, up=${st.isup ? 'yes' : 'no'}, flags=${st.flags}`);
    const c = io[nic];
    if (c) {
      out.push(`    incoming       : bytes=${bytes2human(c.bytesRecv)}, pkts=${c.packetsRecv}, errs=${c.errin}, drops=${c.dropin}`);
      out.push(`    outgoing       : bytes=${bytes2human(c.bytesSent)}, pkts=${c.packetsSent}, errs=${c.errout}, drops=${c.dropout}`);
    }
    for (const a of addrs[nic] ?? []) {
      const fam = a.family === 2 ? 'IPv4' : a.family === 10 ? 'IPv6' : 'MAC ';
      out.push(`    ${fam} address   : ${a.address}${a.netmask ? `, netmask ${a.netmask}` : ''}${a.broadcast ? `, broadcast ${a.broadcast}` : ''}${a.ptp ? `, p2p ${a.ptp}` : ''}`);
    }
  }
  return out;
};

const netstat: Section = (s) => {
  const out = [heading('Connections (netstat)')];
  const err = errorLine(s.netConnections);
  if (err) return [...out, ...err];
  const conns = s.netConnections as Exclude<CollectedSnapshot['netConnections'], { error: unknown }>;
  const addr = (a: unknown) => (a === null || a === '' ? '' : typeof a === 'string' ? a : `${(a as { ip: string }).ip}:${(a as { port: number }).port}`);
  const rows = [['Proto', 'Local address', 'Remote address', 'Status', 'PID']];
  for (const c of conns.filter((c) => c.family !== AF_UNIX)) rows.push([protoOf(c), addr(c.laddr), addr(c.raddr), c.status, c.pid === null ? '' : String(c.pid)]);
  out.push(table(rows, ['l', 'l', 'l', 'l', 'r']));
  out.push(`(${conns.filter((c) => c.family === AF_UNIX).length} unix sockets not shown; --json lists them)`);
  return out;
};

const sensors: Section = (s) => {
  const out = [heading('Sensors')];
  const temps = failed(s.sensorsTemperatures) ? {} : s.sensorsTemperatures;
  const fans = failed(s.sensorsFans) ? {} : s.sensorsFans;
  for (const [chip, list] of Object.entries(temps)) {
    out.push(chip);
    for (const t of list) out.push(`    ${(t.label || chip).padEnd(20)} ${t.current} °C (high = ${t.high ?? '-'} °C, critical = ${t.critical ?? '-'} °C)`);
  }
  for (const [chip, list] of Object.entries(fans)) {
    out.push(chip);
    for (const f of list) out.push(`    ${(f.label || chip).padEnd(20)} ${f.current} RPM`);
  }
  if (Object.keys(temps).length === 0 && Object.keys(fans).length === 0) out.push('no temperature or fan sensors');
  const b = s.sensorsBattery;
  if (failed(b)) out.push(...(errorLine(b) ?? []));
  else if (!b) out.push('battery: none');
  else {
    const left = b.secsleft === -2 ? 'on AC' : b.secsleft === -1 ? 'unknown' : `${Math.floor(b.secsleft / 3600)}h ${Math.floor((b.secsleft % 3600) / 60)}m`;
    out.push(`battery: ${b.percent.toFixed(1)}%, ${b.powerPlugged ? 'plugged in' : 'discharging'}, time left: ${left}`);
  }
  return out;
};

const who: Section = (s) => {
  const out = [heading('Users (who)')];
  if (s.users === undefined) return [...out, '  (not read under another root)'];
  const err = errorLine(s.users);
  if (err) return [...out, ...err];
  const list = s.users as Exclude<CollectedSnapshot['users'], { error: unknown } | undefined>;
  if (list.length === 0) return [...out, '  nobody is logged in'];
  out.push(table(list.map((u) => [u.name, u.terminal ?? '-', new Date(u.started * 1000).toISOString().slice(0, 16).replace('T', ' '), `(${u.host ?? ''})`, u.pid === null ? '-' : String(u.pid)]), ['l', 'l', 'l', 'l', 'r']));
  return out;
};

/** Names, labels, mount points and error messages come from files and other users: every string is escaped before it is laid out. */
export function formatSnapshotText(snapshot: CollectedSnapshot): string {
  const s = terminalSafeDeep(snapshot);
  const generic = genericTopicList().flatMap((topic) => genericSection(topic, s[topic]));
  return [...[cpu, free, df, ifconfig, netstat, sensors, who].flatMap((section) => section(s)), ...generic].join('\n').trimStart();
}
