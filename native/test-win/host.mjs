// The Linux host as an oracle, read from inside node.exe under Wine: Wine maps
// the host's / to Z:\, so the host's /proc is Z:\proc. Also what the runner
// (scripts/win/test.mjs) measured on the Linux side before starting node.exe.
import fs from 'node:fs';

const read = (file) => fs.readFileSync(`Z:\\proc\\${file}`, 'utf8');

/** /proc/stat's aggregate and per-CPU lines in seconds (USER_HZ 100): busy+idle total (guest excluded: it is inside user), idle. */
export function procStat() {
  const cpus = [];
  let total;
  for (const line of read('stat').split('\n')) {
    const m = /^cpu(\d*)\s+(.*)$/.exec(line);
    if (!m) continue;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = m[2].trim().split(/\s+/).map((v) => Number(v) / 100);
    const entry = { total: user + nice + system + idle + iowait + irq + softirq + steal, idle };
    if (m[1] === '') total = entry;
    else cpus.push(entry);
  }
  return { total, cpus };
}

export function bootTime() {
  return Number(/^btime (\d+)$/m.exec(read('stat'))[1]);
}

/** /proc/meminfo in bytes. */
export function meminfo() {
  const out = {};
  for (const m of read('meminfo').matchAll(/^(\w+):\s+(\d+) kB$/gm)) out[m[1]] = Number(m[2]) * 1024;
  return out;
}

/** /proc/net/dev per NIC, in psutil's field names. */
export function netDev() {
  const out = {};
  for (const line of read('net/dev').split('\n').slice(2)) {
    const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const v = m[2].trim().split(/\s+/).map(Number);
    out[m[1]] = {
      bytesRecv: v[0], packetsRecv: v[1], errin: v[2], dropin: v[3],
      bytesSent: v[8], packetsSent: v[9], errout: v[10], dropout: v[11],
    };
  }
  return out;
}

/** The first CPU's "cpu MHz" in /proc/cpuinfo. */
export function cpuinfoMhz() {
  return Number(/^cpu MHz\s*:\s*([\d.]+)$/m.exec(read('cpuinfo'))[1]);
}

/** A file of the host's /sys/class/net/<nic>/, trimmed. */
export function sysNet(nic, file) {
  return fs.readFileSync(`Z:\\sys\\class\\net\\${nic}\\${file}`, 'utf8').trim();
}

/** The host's IPv6 addresses per NIC, from /proc/net/if_inet6, in the form inet_ntop writes. */
export function inet6ByNic() {
  const out = {};
  for (const line of read('net/if_inet6').trim().split('\n')) {
    const [hex, , , , , nic] = line.trim().split(/\s+/);
    const groups = hex.match(/.{4}/g).map((g) => parseInt(g, 16).toString(16));
    (out[nic] ??= []).push(compressIpv6(groups));
  }
  return out;
}

// RFC 5952: the longest run of two or more zero groups (the first, on a tie) becomes "::".
function compressIpv6(groups) {
  let best = { at: -1, len: 0 };
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.len && j - i >= 2) best = { at: i, len: j - i };
    i = j > i ? j : i + 1;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

/** statfs("/") on the Linux side, what df prints: {total, free, avail} in bytes. */
export function rootStatfs() {
  return JSON.parse(process.env.PROCYON_WIN_ORACLE_STATFS);
}

/** Polls `predicate` until it is true or `ms` pass. */
export async function waitFor(predicate, ms = 30000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((r) => setTimeout(r, 50));
  }
}


// /proc/net/tcp's state column (include/net/tcp_states.h) in psutil's names.
const TCP_STATES = { '01': 'ESTABLISHED', '02': 'SYN_SENT', '03': 'SYN_RECV', '04': 'FIN_WAIT1', '05': 'FIN_WAIT2', '06': 'TIME_WAIT', '07': 'CLOSE', '08': 'CLOSE_WAIT', '09': 'LAST_ACK', '0A': 'LISTEN', '0B': 'CLOSING' };

// "0100007F:B10F" (an IPv4 address as the kernel's host-order word, the port in hex) → {ip, port}.
function procAddr4(text) {
  const [hex, port] = text.split(':');
  const ip = hex.match(/../g).reverse().map((b) => parseInt(b, 16)).join('.');
  return { ip, port: parseInt(port, 16) };
}

/** The host's /proc/net/tcp rows: {laddr, raddr, status} in psutil's form (IPv4). */
export function procNetTcp() {
  return read('net/tcp').trim().split('\n').slice(1).map((line) => {
    const [, local, remote, st] = line.trim().split(/\s+/);
    return { laddr: procAddr4(local), raddr: procAddr4(remote), status: TCP_STATES[st] ?? st };
  });
}

/** The host's IPv6 TCP sockets' local ports, from /proc/net/tcp6. */
export function procNetTcp6LocalPorts() {
  return read('net/tcp6').trim().split('\n').slice(1).map((line) => parseInt(line.trim().split(/\s+/)[1].split(':')[1], 16));
}

/** Whether the host has a battery: a /sys/class/power_supply entry of type Battery. */
export function hostHasBattery() {
  let names;
  try {
    names = fs.readdirSync('Z:\\sys\\class\\power_supply');
  } catch {
    return false;
  }
  return names.some((name) => {
    try {
      return fs.readFileSync(`Z:\\sys\\class\\power_supply\\${name}\\type`, 'utf8').trim() === 'Battery';
    } catch {
      return false;
    }
  });
}
