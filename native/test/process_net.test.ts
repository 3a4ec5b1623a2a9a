// Network use per process, live on loopback and without root: processes the
// test starts exchange known amounts over TCP, and what the collector counts
// for each (NETLINK_SOCK_DIAG's tcp_info bytes, attributed through
// /proc/<pid>/fd) must be what each sent and received, within 1 %.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

import { collector, PACKAGE_DIR } from './helpers';
import type { ProcessNet } from '../lib/process_net';

const PEER = path.join(PACKAGE_DIR, 'test', 'net_peer.child.mjs');
const MB = 1_000_000;

interface Peer {
  child: ChildProcess;
  pid: number;
  /** Resolves with the next line the peer prints. */
  line(): Promise<string>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function peer(args: (string | number)[], options: { uid?: number } = {}): Peer {
  const child = spawn(process.execPath, [PEER, ...args.map(String)], { stdio: ['pipe', 'pipe', 'inherit'], ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}) });
  started.push(child);
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  return {
    child,
    pid: child.pid!,
    line: () => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve))),
  };
}

/** Polls `probe` until it returns a value, or fails with the last value seen. */
async function until<T>(probe: () => Promise<T | undefined>, what: string, deadlineMs = 90_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

const within1 = (counted: number, expected: number): boolean => Math.abs(counted - expected) <= expected * 0.01;

function ipv6Loopback(): boolean {
  const r = spawnSync(process.execPath, ['-e', "require('net').createServer().listen(0,'::1',function(){this.close()}).on('error',()=>process.exit(1))"]);
  return r.status === 0;
}

describe.each([
  ['IPv4', '127.0.0.1', true],
  ['IPv6', '::1', ipv6Loopback()],
])('TCP over %s loopback', (_family, host, available) => {
  it.skipIf(!available)("each process's counted bytes are what it sent and received, within 1 %, and its rates add up to them", async () => {
    // The table reader's view, and a tracker's whose dump timestamps the rates are made over.
    const reader = new collector.ProcessTableReader({ net: true, fields: ['name'] });
    const tracker = new collector.NetUsageTracker(collector.resolveRoots());
    await reader.read(); // the baseline: bytes from here on are counted
    let previous = (await tracker.all()).timestamp;
    const server = peer(['server', host, 5 * MB, 50 * MB]);
    const port = await server.line();
    const client = peer(['client', host, port, 50 * MB, 5 * MB]);
    // The client's socket is held by a child of its as well: counted once, for the lowest pid holding it.
    const holder = Number((await client.line()).replace('holder ', ''));
    expect(holder).toBeGreaterThan(client.pid);
    const expected = new Map([
      [server.pid, { transmit: 5 * MB, receive: 50 * MB }],
      [client.pid, { transmit: 50 * MB, receive: 5 * MB }],
    ]);
    const integrated = new Map([...expected.keys()].map((pid) => [pid, { transmit: 0, receive: 0 }]));
    let reads = 0;
    let moving = 0;
    const done = Promise.all([server.line(), client.line()]);
    let finished = false;
    void done.then(() => (finished = true));
    const seen = await until(async () => {
      const changes = await reader.read();
      const usage = await tracker.all();
      const elapsed = usage.timestamp - previous;
      previous = usage.timestamp;
      reads++;
      const byPid = new Map((changes.net ?? []).map(({ pid, net }) => [pid, net]));
      for (const [pid, sum] of integrated) {
        const net = usage.processes.get(pid);
        if (net?.transmitRate == null || net.receiveRate == null) continue;
        sum.transmit += net.transmitRate * elapsed;
        sum.receive += net.receiveRate * elapsed;
        if (pid === client.pid && net.transmitRate > 0 && net.transmitBytes < 50 * MB) moving++;
      }
      if (!finished) return undefined;
      const matches = (net: ProcessNet | undefined, want: { transmit: number; receive: number }): boolean =>
        net !== undefined && within1(net.transmitBytes, want.transmit) && within1(net.receiveBytes, want.receive);
      const all = [...expected].every(([pid, want]) => matches(byPid.get(pid), want) && matches(usage.processes.get(pid), want));
      const holderSeen = byPid.has(holder) || usage.processes.has(holder);
      return all ? [...expected.keys()].map((pid) => ({ table: byPid.get(pid)!, tracker: usage.processes.get(pid)!, holderSeen })) : undefined;
    }, 'the counted bytes to reach what the peers exchanged');
    expect(reads).toBeGreaterThan(1);
    expect(seen[0]!.holderSeen, 'the shared socket attributed to its lowest pid only').toBe(false);
    for (const [i, [pid, want]] of [...expected].entries()) {
      const net = seen[i]!.table;
      expect(within1(net.transmitBytes, want.transmit), `pid ${pid} sent ${net.transmitBytes}, expected ${want.transmit}`).toBe(true);
      expect(within1(net.receiveBytes, want.receive), `pid ${pid} received ${net.receiveBytes}, expected ${want.receive}`).toBe(true);
      expect(net.sockets).toBeGreaterThanOrEqual(1);
      const sum = integrated.get(pid)!;
      const counted = seen[i]!.tracker;
      expect(within1(sum.transmit, counted.transmitBytes), `pid ${pid}'s transmit rates × time ${sum.transmit} vs ${counted.transmitBytes}`).toBe(true);
      expect(within1(sum.receive, counted.receiveBytes), `pid ${pid}'s receive rates × time ${sum.receive} vs ${counted.receiveBytes}`).toBe(true);
    }
    // The same sockets, one process's view: its connection with its own bytes.
    const sockets = await collector.processNetSockets(client.pid);
    const connection = sockets.find((s) => s.protocol === 'tcp' && s.raddr?.port === Number(port));
    expect(connection).toMatchObject({ pid: client.pid, status: 'ESTABLISHED', laddr: { ip: host } });
    expect(within1(connection!.bytesSent!, 50 * MB) && within1(connection!.bytesReceived!, 5 * MB)).toBe(true);
    expect(moving, "reads that saw the transfer under way").toBeGreaterThanOrEqual(2);
  }, 180_000);
});

describe('what is not counted', () => {
  it('a UDP socket is listed as not counted (no bytes), never as zero traffic', async () => {
    const udp = peer(['udp', '127.0.0.1']);
    expect(await udp.line()).toBe('ready');
    const sockets = await collector.processNetSockets(udp.pid);
    expect(sockets.length).toBeGreaterThanOrEqual(1);
    for (const s of sockets) expect(s).toMatchObject({ protocol: 'udp', status: 'NONE', bytesSent: null, bytesReceived: null, receiveRate: null });
    const table = await collector.processTable({ net: true, fields: ['name'] });
    const row = table.rows.find((r) => r.pid === udp.pid);
    expect(row?.net).toMatchObject({ sockets: 0, uncounted: sockets.length, receiveBytes: 0, transmitBytes: 0 });
  });

  it('without the option nothing of the network is read or added', async () => {
    const table = await collector.processTable({ fields: ['name'] });
    expect(table.rows.some((r) => 'net' in r)).toBe(false);
    expect(table.netOtherUsers).toBeUndefined();
    await expect(collector.processTable({ net: 'yes' as unknown as boolean })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  // Run as an unprivileged user (uid 65534), the collector cannot read root's
  // /proc/<pid>/fd: root's sockets and their bytes go to "other users' processes".
  it.skipIf(process.getuid?.() !== 0)("as an unprivileged user, another user's sockets are counted under other users' processes", async () => {
    const watcher = spawn(
      process.execPath,
      [
        '-e',
        `const c = require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'index.js'))});
         const r = new c.ProcessTableReader({ net: true, fields: ['name'] });
         (async () => { for (;;) { const t = await r.read(); process.stdout.write(JSON.stringify({ other: t.netOtherUsers, nets: t.net }) + '\\n'); await new Promise((s) => setTimeout(s, 100)); } })();
         process.stdin.on('end', () => process.exit(0)); process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'], uid: 65534, gid: 65534 },
    );
    started.push(watcher);
    const lines = createInterface({ input: watcher.stdout! });
    let last: { other: ProcessNet; nets: { pid: number; net: ProcessNet }[] } | undefined;
    let first: typeof last;
    lines.on('line', (line) => {
      last = JSON.parse(line) as typeof last;
      first ??= last;
    });
    await until(async () => first, 'the unprivileged watcher to start');
    const server = peer(['server', '127.0.0.1', 1 * MB, 3 * MB]);
    const port = await server.line();
    const client = peer(['client', '127.0.0.1', port, 3 * MB, 1 * MB]);
    await Promise.all([server.line(), client.line().then(() => client.line())]); // holder …, then done
    const seen = await until(async () => (last && last.other.transmitBytes >= 4 * MB * 0.99 && last.other.receiveBytes >= 4 * MB * 0.99 ? last : undefined), "root's 4 MB each way under other users' processes");
    // Root's processes are not attributed in that view: their bytes are only in the sum.
    expect(seen.nets.some(({ pid }) => pid === server.pid || pid === client.pid)).toBe(false);
    expect(seen.other.sockets).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
