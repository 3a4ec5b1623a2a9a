// The network trackers' arithmetic, kept in the addon (src/common/net_usage.h):
// each read hands back per-process sums of what every socket moved since the
// same tracker's previous read. Live on loopback: a scripted client (its bytes
// known to the byte) sends across many reads, hands its socket to a child and
// exits, closes; each tracker must count exactly what moved (tcpi_bytes_acked
// adds the SYN and FIN, at most 2), and keep only what exists now.

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

import { collector, PACKAGE_DIR } from './helpers';
import { until } from '../../test/support/until.mjs';
import type { NetUsage, NetUsageTracker } from '../lib/process_net';

const SENDER = path.join(PACKAGE_DIR, 'test', 'net_sender.child.mjs');
const HOST = '127.0.0.1';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0).reverse()) undo();
});

/** A listener in this process: what each accepted connection received, and the connections to write to. */
async function listener(): Promise<{ port: number; received: () => number; last: () => net.Socket }> {
  const connections: net.Socket[] = [];
  let received = 0;
  const server = net.createServer((s) => {
    connections.push(s);
    s.on('data', (d) => (received += d.length));
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  cleanup.push(() => {
    for (const s of connections) s.destroy();
    server.close();
  });
  return { port: (server.address() as net.AddressInfo).port, received: () => received, last: () => connections.at(-1)! };
}

interface Sender {
  pid: number;
  /** Sends a command and resolves with the next line the sender prints. */
  say(command: string): Promise<string>;
}

async function sender(port: number): Promise<Sender> {
  const child: ChildProcess = spawn(process.execPath, [SENDER, HOST, String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  cleanup.push(() => child.exitCode === null && child.kill('SIGKILL'));
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  const line = (): Promise<string> => (lines.length > 0 ? Promise.resolve(lines.shift()!) : new Promise((resolve) => waiting.push(resolve)));
  expect(await line()).toBe('connected');
  return {
    pid: child.pid!,
    say: (command) => {
      child.stdin!.write(`${command}\n`);
      return command === 'exit' ? Promise.resolve('') : line();
    },
  };
}

/** Reads (`tracker.all()`, or `read`) until `done` holds for the answer (each try is one more read). */
function readUntil(tracker: NetUsageTracker | (() => Promise<NetUsage>), done: (usage: NetUsage) => boolean, what: string): Promise<NetUsage> {
  let last: NetUsage | undefined;
  return until(
    async () => {
      last = await (typeof tracker === 'function' ? tracker() : tracker.all());
      return done(last) ? last : undefined;
    },
    { timeout: 60_000, interval: 50, what: () => `${what} (last: ${JSON.stringify(last && [...last.processes].slice(0, 8))})` },
  );
}

/** What the tracker keeps is what this dump holds: one entry per counted socket and one per process. */
function keptNow(usage: NetUsage): number {
  let sockets = usage.otherUsers.sockets;
  for (const p of usage.processes.values()) sockets += p.sockets;
  return sockets + usage.processes.size;
}

const gone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('network trackers in the addon', () => {
  it('a socket that keeps sending is counted to the byte by two trackers reading alternately, and its rates add up', async () => {
    const server = await listener();
    const trackers = [new collector.NetUsageTracker(collector.resolveRoots()), new collector.NetUsageTracker(collector.resolveRoots())];
    const previous = await Promise.all(trackers.map(async (t) => (await t.all()).timestamp)); // baselines
    const client = await sender(server.port);
    // Every read of each tracker: the client's rate times the time since that tracker's previous read, summed.
    const integrated = [0, 0];
    const read = (which: number) => async (): Promise<NetUsage> => {
      const usage = await trackers[which]!.all();
      integrated[which]! += (usage.processes.get(client.pid)?.transmitRate ?? 0) * (usage.timestamp - previous[which]!);
      previous[which] = usage.timestamp;
      return usage;
    };
    let sent = 0;
    for (let round = 1; round <= 8; round++) {
      const n = 50_000 * round;
      expect(await client.say(`send ${n}`)).toBe('sent');
      sent += n;
      await until(() => server.received() === sent, { timeout: 30_000, what: `the listener to receive ${sent} bytes` });
      // Odd rounds are the first tracker's reads, even ones the second's: each must see every byte since its own previous read.
      const which = round % 2;
      const usage = await readUntil(read(which), (u) => (u.processes.get(client.pid)?.transmitBytes ?? 0) >= sent, `tracker ${which} to count ${sent} bytes sent`);
      const mine = usage.processes.get(client.pid)!;
      expect(mine.transmitBytes - sent, `round ${round}: counted ${mine.transmitBytes} of ${sent}`).toBeLessThanOrEqual(2);
      expect(mine.sockets).toBe(1);
    }
    // Each tracker's rates, times the time between its reads, are what it counted.
    for (const which of [0, 1]) {
      const usage = await read(which)();
      const mine = usage.processes.get(client.pid)!;
      expect(mine.transmitBytes - sent).toBeGreaterThanOrEqual(0);
      expect(mine.transmitBytes - sent).toBeLessThanOrEqual(2);
      expect(Math.abs(integrated[which]! - mine.transmitBytes), `tracker ${which}: rates × time ${integrated[which]} vs ${mine.transmitBytes}`).toBeLessThanOrEqual(1e-6 * mine.transmitBytes);
    }
  }, 120_000);

  it("a socket whose owner exits moves to its other holder with only what moved since; a closed socket leaves the tracker's state", async () => {
    const server = await listener();
    const tracker = new collector.NetUsageTracker(collector.resolveRoots());
    await tracker.all();
    const client = await sender(server.port);
    expect(await client.say('send 100000')).toBe('sent');
    let usage = await readUntil(tracker, (u) => (u.processes.get(client.pid)?.transmitBytes ?? 0) >= 100_000, "the client's 100,000 bytes");
    expect(usage.processes.get(client.pid)!.transmitBytes).toBeLessThanOrEqual(100_002);
    expect(usage.trackerEntries).toBe(keptNow(usage));

    // Its child holds the socket too; the client (the lower pid) keeps it until it exits.
    const holder = Number((await client.say('hand')).replace('holder ', ''));
    cleanup.push(() => !gone(holder) && process.kill(holder, 'SIGKILL'));
    await client.say('exit');
    await until(() => gone(client.pid), { timeout: 30_000, what: 'the client to exit' });
    // What the listener writes now arrives at the holder's socket (less than a receive window: the holder never reads it): counted for the holder, and only that.
    await new Promise<void>((resolve) => server.last().write(Buffer.alloc(60_000, 1), () => resolve()));
    usage = await readUntil(tracker, (u) => (u.processes.get(holder)?.receiveBytes ?? 0) >= 60_000, "the holder's 60,000 bytes received");
    const moved = usage.processes.get(holder)!;
    expect(moved.receiveBytes).toBeLessThanOrEqual(60_002);
    expect(moved.transmitBytes, "the client's earlier bytes are not counted again for the holder").toBeLessThanOrEqual(2);
    expect(usage.processes.has(client.pid)).toBe(false);

    // Closed (the holder ends): its socket and its process leave what the tracker keeps.
    process.kill(holder, 'SIGKILL');
    await until(() => gone(holder), { timeout: 30_000, what: 'the holder to exit' });
    usage = await readUntil(tracker, (u) => !u.processes.has(holder), 'the holder to leave the table');
    expect(usage.trackerEntries).toBe(keptNow(usage));
  }, 120_000);

  it('a connection that replaces a closed one in the same process (its fd count unchanged) is found and counted for it', async () => {
    const server = await listener();
    const tracker = new collector.NetUsageTracker(collector.resolveRoots());
    await tracker.all();
    const client = await sender(server.port);
    await readUntil(tracker, (u) => u.processes.get(client.pid)?.sockets === 1, 'the client and its socket known');
    expect(await client.say('again')).toBe('connected');
    expect(await client.say('send 70000')).toBe('sent');
    const usage = await readUntil(tracker, (u) => (u.processes.get(client.pid)?.transmitBytes ?? 0) >= 70_000, "the new connection's 70,000 bytes counted for the client");
    expect(usage.processes.get(client.pid)!.transmitBytes).toBeLessThanOrEqual(70_000 + 4); // two connections' SYN and FIN
    expect(usage.processes.get(client.pid)!.sockets).toBe(1);
  }, 120_000);

  it("several processes' sockets from one dump: each as its own listing, a socket two of them hold listed for both", async () => {
    const server = await listener();
    const [a, b] = await Promise.all([sender(server.port), sender(server.port)]);
    expect(await a.say('send 30000')).toBe('sent');
    expect(await b.say('send 40000')).toBe('sent');
    const holder = Number((await a.say('hand')).replace('holder ', ''));
    cleanup.push(() => !gone(holder) && process.kill(holder, 'SIGKILL'));
    const lists = await until(
      async () => {
        const got = await collector.processNetSocketsOf([a.pid, b.pid, holder, a.pid]);
        const sent = (pid: number) => got.get(pid)?.find((s) => s.protocol === 'tcp')?.bytesSent ?? 0;
        return sent(a.pid) >= 30_000 && sent(b.pid) >= 40_000 && sent(holder) >= 30_000 ? got : undefined;
      },
      { timeout: 30_000, what: "the senders' bytes acknowledged" },
    );
    expect([...lists.keys()]).toEqual([a.pid, b.pid, holder]);
    for (const [pid, bytes] of [[a.pid, 30_000], [b.pid, 40_000], [holder, 30_000]] as const) {
      const [socket, ...others] = lists.get(pid)!;
      expect(others).toEqual([]);
      expect(socket).toMatchObject({ pid, protocol: 'tcp', status: 'ESTABLISHED', raddr: { ip: HOST, port: server.port } });
      expect(socket!.bytesSent! - bytes).toBeLessThanOrEqual(2);
    }
    // The same socket, held by the client and its child: one inode, listed for each.
    expect(lists.get(holder)![0]!.inode).toBe(lists.get(a.pid)![0]!.inode);
    // One pid asked alone gets the same listing (its rates now since the call above).
    expect((await collector.processNetSockets(b.pid)).map((s) => s.inode)).toEqual(lists.get(b.pid)!.map((s) => s.inode));
    await expect(collector.processNetSocketsOf([])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(collector.processNetSocketsOf([1.5])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  }, 120_000);

  it("a tracker's read lists asked processes' sockets from its own dump, each socket's rates exact between the two dumps", async () => {
    const server = await listener();
    const a = await sender(server.port);
    const holder = Number((await a.say('hand')).replace('holder ', ''));
    cleanup.push(() => !gone(holder) && process.kill(holder, 'SIGKILL'));
    const tracker = new collector.NetUsageTracker(collector.resolveRoots());
    // Each read is one dump: `prior` is the read (and so the dump) before the latest.
    let prior: NetUsage | undefined;
    let latest: NetUsage | undefined;
    const read = async () => {
      const before = collector.processNetDumps();
      const usage = await tracker.all({ socketsOf: [a.pid, holder, a.pid] });
      // One dump serves the per-process sums and the listing.
      expect(collector.processNetDumps() - before).toBe(1);
      [prior, latest] = [latest, usage];
      return usage;
    };
    const conn = (usage: NetUsage, pid: number) => usage.sockets!.get(pid)!.find((s) => s.protocol === 'tcp' && s.raddr?.port === server.port);
    const first = await read();
    expect([...first.sockets!.keys()]).toEqual([a.pid, holder]);
    expect(conn(first, a.pid)).toMatchObject({ pid: a.pid, receiveRate: null, transmitRate: null });
    // The shared socket is listed for each holder.
    expect(conn(first, holder)!.inode).toBe(conn(first, a.pid)!.inode);
    let sent = 0;
    for (const bytes of [30_000, 50_000]) {
      expect(await a.say(`send ${bytes}`)).toBe('sent');
      sent += bytes;
      const now = await readUntil(read, (u) => (conn(u, a.pid)?.bytesSent ?? 0) >= sent, `${sent} bytes acknowledged`);
      const before = prior!;
      const socket = conn(now, a.pid)!;
      const elapsed = now.timestamp - before.timestamp;
      expect(elapsed).toBeGreaterThan(0);
      // What it moved between the two dumps that saw it, over the time between them.
      expect(socket.transmitRate! * elapsed).toBeCloseTo(socket.bytesSent! - conn(before, a.pid)!.bytesSent!, 3);
      expect(socket.receiveRate! * elapsed).toBeCloseTo(socket.bytesReceived! - conn(before, a.pid)!.bytesReceived!, 3);
      expect(conn(now, holder)).toMatchObject({ inode: socket.inode, transmitRate: socket.transmitRate, receiveRate: socket.receiveRate });
      // Counted once, to the lowest pid holding it: that process's rate is this socket's.
      expect(now.processes.get(Math.min(a.pid, holder))!.transmitRate).toBeCloseTo(socket.transmitRate!, 6);
    }
    await expect(tracker.all({ socketsOf: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(tracker.all({ socketsOf: [-1] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // Without socketsOf, no listing.
    expect((await tracker.all()).sockets).toBeUndefined();
  }, 120_000);

  it('many connections opened and closed between reads: the state holds only what the dump holds', async () => {
    const server = await listener();
    const tracker = new collector.NetUsageTracker(collector.resolveRoots());
    await tracker.all();
    const clients = await Promise.all(Array.from({ length: 20 }, () => sender(server.port)));
    await Promise.all(clients.map((c) => c.say('send 1000')));
    const during = await readUntil(tracker, (u) => clients.every((c) => (u.processes.get(c.pid)?.transmitBytes ?? 0) >= 1000), 'every client counted');
    for (const c of clients) expect(during.processes.get(c.pid)!.transmitBytes).toBeLessThanOrEqual(1002);
    expect(during.trackerEntries).toBe(keptNow(during));
    await Promise.all(clients.map((c) => c.say('close')));
    const after = await readUntil(tracker, (u) => clients.every((c) => !u.processes.has(c.pid)), 'every closed client to leave the table');
    expect(after.trackerEntries).toBe(keptNow(after));
    expect(after.trackerEntries).toBeLessThan(during.trackerEntries);
  }, 120_000);
});
