// Network functions against Debian's python3-psutil on the same machine,
// including sockets this test opens (so they are known to exist and to
// belong to process.pid).

import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { collector } from './helpers';

const PYTHON = '/usr/bin/python3';
const { AF_INET, AF_UNIX, SOCK_DGRAM, SOCK_STREAM, AF_LINK } = collector;

const SCRIPT = `
import json, os, sys, psutil
pid = int(sys.argv[1])
def conns(kind):
    return [dict(fd=c.fd, family=int(c.family), type=int(c.type),
                 laddr=(list(c.laddr) if c.laddr and not isinstance(c.laddr, str) else c.laddr),
                 raddr=(list(c.raddr) if c.raddr and not isinstance(c.raddr, str) else c.raddr),
                 status=c.status, pid=c.pid)
            for c in psutil.net_connections(kind) if c.pid == pid]
print(json.dumps({
  "version": psutil.__version__,
  "addrs": {nic: [dict(family=int(a.family), address=a.address, netmask=a.netmask, broadcast=a.broadcast, ptp=a.ptp) for a in addrs]
            for nic, addrs in psutil.net_if_addrs().items()},
  "stats": {nic: dict(isup=s.isup, duplex=int(s.duplex), speed=s.speed, mtu=s.mtu, flags=s.flags) for nic, s in psutil.net_if_stats().items()},
  "io": {nic: c._asdict() for nic, c in psutil.net_io_counters(pernic=True).items()},
  "inet": conns("inet"),
  "unix": conns("unix"),
}))
`;

interface PsConnection {
  fd: number;
  family: number;
  type: number;
  laddr: [string, number] | string | [];
  raddr: [string, number] | string | [];
  status: string;
  pid: number;
}
interface PsutilNet {
  version: string;
  addrs: Record<string, { family: number; address: string; netmask: string | null; broadcast: string | null; ptp: string | null }[]>;
  stats: Record<string, { isup: boolean; duplex: number; speed: number; mtu: number; flags: string }>;
  io: Record<string, Record<string, number>>;
  inet: PsConnection[];
  unix: PsConnection[];
}

function runPsutil(): { snapshot?: PsutilNet; problem?: string } {
  const result = spawnSync(PYTHON, ['-W', 'ignore', '-c', SCRIPT, String(process.pid)], { encoding: 'utf8' });
  if (result.error) return { problem: `${PYTHON} could not run: ${result.error.message}` };
  if (result.status !== 0) return { problem: `python3-psutil is not usable: ${result.stderr.trim().split('\n').pop()}` };
  return { snapshot: JSON.parse(result.stdout) as PsutilNet };
}

const available = spawnSync(PYTHON, ['-c', 'import psutil'], { encoding: 'utf8' }).status === 0;
if (!available && process.env.CI) {
  describe('psutil network comparison', () => {
    it('needs python3-psutil on CI', () => {
      throw new Error('python3-psutil is required on CI (apt-get install python3-psutil)');
    });
  });
}

// Counters move between the two reads (this very test talks over lo).
const DRIFT_BYTES = 16 * 1024 * 1024;

describe.skipIf(!available)('psutil network comparison', () => {
  let ps: PsutilNet;
  let tcp: net.Server;
  let udp: dgram.Socket;
  let unix: net.Server;
  let unixDir: string;
  let unixPath: string;

  beforeAll(async () => {
    tcp = net.createServer();
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    udp = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    unixDir = mkdtempSync(path.join(tmpdir(), 'procyon-unix-'));
    unixPath = path.join(unixDir, 'sock');
    unix = net.createServer();
    await new Promise<void>((resolve) => unix.listen(unixPath, resolve));
    const { snapshot, problem } = runPsutil();
    if (!snapshot) throw new Error(problem);
    ps = snapshot;
  });

  afterAll(async () => {
    await new Promise((resolve) => tcp?.close(resolve));
    await new Promise((resolve) => unix?.close(resolve));
    udp?.close();
    if (unixDir) rmSync(unixDir, { recursive: true, force: true });
  });

  const tcpPort = () => (tcp.address() as net.AddressInfo).port;
  const udpPort = () => udp.address().port;

  it('net_if_addrs(): same NICs, addresses, netmasks, broadcasts and MACs, in the same order', async () => {
    const addrs = await collector.netIfAddrs();
    expect(Object.keys(addrs)).toEqual(Object.keys(ps.addrs));
    expect(addrs).toEqual(ps.addrs);
    const lo = addrs.lo!;
    expect(lo.find((a) => a.family === AF_INET)).toMatchObject({ address: '127.0.0.1', netmask: '255.0.0.0' });
    expect(lo.some((a) => a.family === AF_LINK && /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/.test(a.address))).toBe(true);
  });

  it('net_if_stats(): isup, duplex, speed, mtu and flags per NIC (ioctls on the live /sys)', async () => {
    expect(await collector.netIfStats()).toEqual(ps.stats);
  });

  it('net_if_stats() through sysfs files (a copy of class/net, not the live /sys) agrees with psutil', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'procyon-sys-'));
    try {
      // A copy, not a symlink: a symlink to /sys is the live /sys (ioctls).
      for (const nic of readdirSync('/sys/class/net')) {
        const into = path.join(dir, 'sys/class/net', nic);
        mkdirSync(into, { recursive: true });
        for (const file of ['flags', 'mtu', 'operstate', 'speed', 'duplex']) {
          try {
            writeFileSync(path.join(into, file), readFileSync(path.join('/sys/class/net', nic, file)));
          } catch {
            // speed/duplex of a NIC without a link setting (EINVAL): absent, as psutil's unknown
          }
        }
      }
      expect(await collector.netIfStats({ sysfs: path.join(dir, 'sys') })).toEqual(ps.stats);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('net_io_counters(pernic=True): same NICs, counters within drift', async () => {
    const io = await collector.netIoCounters({ pernic: true });
    expect(Object.keys(io).sort()).toEqual(Object.keys(ps.io).sort());
    for (const [nic, counters] of Object.entries(io)) {
      const theirs = ps.io[nic]!;
      expect(Math.abs(counters.bytesRecv - theirs.bytes_recv!), `${nic} bytesRecv`).toBeLessThanOrEqual(DRIFT_BYTES);
      expect(Math.abs(counters.bytesSent - theirs.bytes_sent!), `${nic} bytesSent`).toBeLessThanOrEqual(DRIFT_BYTES);
      expect(counters.bytesRecv).toBeGreaterThanOrEqual(theirs.bytes_recv!);
      expect(counters.errin).toBe(theirs.errin);
    }
  });

  it('net_connections(): our TCP listener (LISTEN) and UDP socket (NONE), with our pid and psutil\'s fd', async () => {
    const inet = await collector.netConnections();
    const listener = inet.find((c) => c.type === SOCK_STREAM && (c.laddr as { port?: number } | null)?.port === tcpPort());
    expect(listener).toMatchObject({ family: AF_INET, laddr: { ip: '127.0.0.1', port: tcpPort() }, raddr: null, status: 'LISTEN', pid: process.pid });
    const theirListener = ps.inet.find((c) => c.type === SOCK_STREAM && Array.isArray(c.laddr) && c.laddr[1] === tcpPort());
    expect(theirListener).toBeDefined();
    expect(listener!.fd).toBe(theirListener!.fd);
    expect(listener!.fd).toBeGreaterThan(2);

    const socket = inet.find((c) => c.type === SOCK_DGRAM && (c.laddr as { port?: number } | null)?.port === udpPort());
    expect(socket).toMatchObject({ family: AF_INET, laddr: { ip: '127.0.0.1', port: udpPort() }, raddr: null, status: 'NONE', pid: process.pid });
    const theirSocket = ps.inet.find((c) => c.type === SOCK_DGRAM && Array.isArray(c.laddr) && c.laddr[1] === udpPort());
    expect(socket!.fd).toBe(theirSocket!.fd);

    // Everything psutil attributes to this process, we do too, with the same fields.
    const ours = inet.filter((c) => c.pid === process.pid);
    const asPsutil = (c: (typeof ours)[number]) => ({
      ...c,
      laddr: c.laddr && typeof c.laddr === 'object' ? [c.laddr.ip, c.laddr.port] : [],
      raddr: c.raddr && typeof c.raddr === 'object' ? [c.raddr.ip, c.raddr.port] : [],
    });
    const key = (c: object) => JSON.stringify(c);
    expect(ours.map(asPsutil).map(key).sort()).toEqual(ps.inet.map(key).sort());
  });

  it('kind filtering: tcp4 has the listener and no UDP; udp4 the reverse; unix lists our unix socket', async () => {
    const tcp4 = await collector.netConnections({ kind: 'tcp4' });
    expect(tcp4.every((c) => c.type === SOCK_STREAM && c.family === AF_INET)).toBe(true);
    expect(tcp4.some((c) => (c.laddr as { port?: number } | null)?.port === tcpPort())).toBe(true);
    expect(tcp4.some((c) => (c.laddr as { port?: number } | null)?.port === udpPort() && c.type === SOCK_DGRAM)).toBe(false);

    const udp4 = await collector.netConnections({ kind: 'udp4' });
    expect(udp4.every((c) => c.type === SOCK_DGRAM && c.family === AF_INET)).toBe(true);
    expect(udp4.some((c) => (c.laddr as { port?: number } | null)?.port === udpPort())).toBe(true);

    const unixSockets = await collector.netConnections({ kind: 'unix' });
    expect(unixSockets.length).toBeGreaterThan(0);
    expect(unixSockets.every((c) => c.family === AF_UNIX && c.raddr === '' && c.status === 'NONE')).toBe(true);
    const mine = unixSockets.find((c) => c.laddr === unixPath);
    expect(mine).toMatchObject({ type: SOCK_STREAM, pid: process.pid });
    const theirs = ps.unix.find((c) => c.laddr === unixPath);
    expect(mine!.fd).toBe(theirs!.fd);

    const all = await collector.netConnections({ kind: 'all' });
    expect(all.some((c) => c.laddr === unixPath)).toBe(true);
    expect(all.some((c) => (c.laddr as { port?: number } | null)?.port === tcpPort())).toBe(true);
  });
});
