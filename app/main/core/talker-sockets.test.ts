import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import * as native from '@procyon/collector';
import { afterEach, describe, expect, it } from 'vitest';
import { until } from '../../../test/support/until.mjs';
import { TALKER_SOCKETS } from '../../shared/limits';
import type { ProcessSocketSample, Snapshot, Topic } from '../../shared';
import { Collector } from './collector';
import { LiveFeed } from './live-feed';
import { Sampler } from './sampler';
import { busiestSockets, socketsFor, watchUnion } from './talker-sockets';
import { TopicRegistry } from './topics';

// The top talkers' connections: the host reads the sockets of the processes a
// client lists (and only those), cuts each list to its busiest, checks each
// pid still names the process asked for, and sends each client its own.

const sock = (inode: number, p: Partial<ProcessSocketSample> = {}): ProcessSocketSample => ({
  inode, pid: 1, protocol: 'tcp', family: 2, status: 'ESTABLISHED', laddr: { ip: '127.0.0.1', port: 1000 + inode }, raddr: { ip: '127.0.0.1', port: 80 },
  bytesSent: 0, bytesReceived: 0, receiveRate: 0, transmitRate: 0, ...p,
});

describe('busiestSockets', () => {
  it('by current rate, then bytes, TCP before UDP, cut to the limit', () => {
    const list = [
      sock(1, { bytesReceived: 10 }),
      sock(2, { receiveRate: 5, transmitRate: 5 }),
      sock(3, { protocol: 'udp', status: 'NONE', bytesSent: null, bytesReceived: null, receiveRate: null, transmitRate: null }),
      sock(4, { transmitRate: 50 }),
      sock(5, { bytesSent: 500, receiveRate: null, transmitRate: null }),
    ];
    expect(busiestSockets(list).map((s) => s.inode)).toEqual([4, 2, 5, 1, 3]);
    expect(busiestSockets(list, 2).map((s) => s.inode)).toEqual([4, 2]);
    const many = Array.from({ length: 1000 }, (_, i) => sock(i + 1, { bytesReceived: i }));
    const cut = busiestSockets(many);
    expect(cut).toHaveLength(TALKER_SOCKETS);
    expect(cut[0]!.inode).toBe(1000);
  });
});

describe('who gets which sockets', () => {
  const a = { pid: 10, createTime: 1 };
  const b = { pid: 11, createTime: 2 };
  it('the union names each process once, bounded', () => {
    expect(watchUnion([[a, b], [b], []])).toEqual([a, b]);
    expect(watchUnion([Array.from({ length: 100 }, (_, i) => ({ pid: i + 1, createTime: 0 }))], 7)).toHaveLength(7);
  });
  it('a client gets the processes it asked for only; a pid with another create time is not its process', () => {
    const all = [
      { ...a, total: 1, sockets: [sock(1)] },
      { ...b, total: 1, sockets: [sock(2)] },
    ];
    expect(socketsFor(all, [a, b])).toBe(all);
    expect(socketsFor(all, [b]).map((p) => p.pid)).toEqual([11]);
    expect(socketsFor(all, [{ pid: 10, createTime: 9 }])).toEqual([]);
  });
  it('the registry keeps each client its own list, and forgets a client that leaves', () => {
    const r = new TopicRegistry();
    const c1 = r.register();
    const c2 = r.register();
    r.set(c1, ['processes'], [a]);
    r.set(c2, ['processes'], [a, b]);
    expect(r.sockets(c1)).toEqual([a]);
    expect(r.socketUnion()).toEqual([a, b]);
    r.set(c2, ['processes']);
    expect(r.socketUnion()).toEqual([a]);
    r.release(c1);
    expect(r.socketUnion()).toEqual([]);
  });
  it("the feed sends each receiver its own processes' sockets and no one else's", () => {
    const sampler = new EventEmitter();
    const feed = new LiveFeed(sampler);
    const processSockets = [
      { ...a, total: 1, sockets: [sock(1)] },
      { ...b, total: 1, sockets: [sock(2)] },
    ];
    sampler.emit('snapshot', { seq: 1, time: 1000, intervalMs: 1000, cpu: null, memory: {}, swap: null, processSockets } as unknown as Snapshot);
    expect(feed.formFor(false, null)!.processSockets).toBeUndefined();
    expect(feed.formFor(false, null, [b])!.processSockets!.map((p) => p.pid)).toEqual([11]);
    const both = feed.formFor(false, null, [a, b])!;
    expect(both.processSockets).toEqual(processSockets);
    // Built once for every receiver that lists them all.
    expect(feed.formFor(false, null, [b, a])).toBe(both);
  });
});

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

describe('the sampler reads the listed processes’ sockets (live)', () => {
  it('this process’s listener and connection, with addresses and bytes; nothing for a pid named with another create time', async () => {
    const server = net.createServer((s) => s.on('data', () => undefined)).listen(0, '127.0.0.1');
    open.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const client = net.connect(port, '127.0.0.1');
    open.push({ close: () => client.destroy() });
    await new Promise((resolve) => client.once('connect', resolve));
    await new Promise<void>((resolve) => client.write(Buffer.alloc(100_000), () => resolve()));

    const collector = new Collector();
    const first = await collector.readTick(new Set(['processes']));
    const me = first.processes && 'rows' in first.processes ? first.processes.rows.find((r) => r.pid === process.pid) : undefined;
    expect(me).toBeDefined();
    let watched = [{ pid: process.pid, createTime: me!.createTime }];
    const sampler = new Sampler(collector, { topics: () => new Set(['processes']), sockets: () => watched });
    const deadline = Date.now() + 30_000;
    let mine;
    for (;;) {
      const snap = await sampler.tick();
      mine = snap?.processSockets?.find((p) => p.pid === process.pid);
      const conn = mine?.sockets.find((s) => s.raddr !== null && typeof s.raddr === 'object' && s.raddr.port === port);
      if (conn && (conn.bytesSent ?? 0) >= 100_000) break;
      if (Date.now() > deadline) throw new Error(`no connection with its bytes in ${JSON.stringify(mine)}`);
    }
    expect(mine!.total).toBeGreaterThanOrEqual(3); // listener, client, accepted
    expect(mine!.sockets.length).toBeLessThanOrEqual(TALKER_SOCKETS);
    const conn = mine!.sockets.find((s) => s.raddr !== null && typeof s.raddr === 'object' && s.raddr.port === port)!;
    expect(conn).toMatchObject({ protocol: 'tcp', status: 'ESTABLISHED', laddr: { ip: '127.0.0.1' }, raddr: { ip: '127.0.0.1', port } });

    // The same pid with another create time names another process: its sockets are not sent.
    watched = [{ pid: process.pid, createTime: me!.createTime + 1 }];
    expect((await sampler.tick())?.processSockets).toBeUndefined();
    // Nobody lists any: nothing read, nothing sent.
    watched = [];
    expect((await sampler.tick())?.processSockets).toBeUndefined();
  });
});

describe('one socket dump a tick serves the table and the talkers (live)', () => {
  it('with the network column, the talkers come from the table’s dump; without it, one dump lists every watched process', async () => {
    const server = net.createServer((s) => s.on('data', () => undefined)).listen(0, '127.0.0.1');
    open.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as net.AddressInfo).port;
    // A second process holding a connection: each watched process once cost a dump of its own.
    const child = spawn(process.execPath, ['-e', `require('net').connect(${port}, '127.0.0.1', () => console.log('up')); setInterval(() => {}, 1e6)`], { stdio: ['ignore', 'pipe', 'inherit'] });
    open.push({ close: () => child.kill('SIGKILL') });
    await new Promise((resolve) => child.stdout!.once('data', resolve));

    const collector = new Collector();
    const first = await collector.readTick(new Set(['processes']));
    const rows = first.processes && 'rows' in first.processes ? first.processes.rows : [];
    const watched = [process.pid, child.pid!].map((pid) => ({ pid, createTime: rows.find((r) => r.pid === pid)!.createTime }));
    let topics = new Set<Topic>(['processes', 'processNet']);
    const sampler = new Sampler(collector, { topics: () => topics, sockets: () => watched });
    const dumpsOf = async () => {
      const before = native.processNetDumps();
      const snap = await sampler.tick();
      return { dumps: native.processNetDumps() - before, snap };
    };
    // Wait for both processes' connections to be listed (the first ticks may see the child's fds before its socket).
    const listed = (snap: Snapshot | null | undefined) => watched.every((w) => snap?.processSockets?.some((p) => p.pid === w.pid && p.sockets.some((s) => s.status === 'ESTABLISHED')));
    const withNet = await until(async () => {
      const tick = await dumpsOf();
      return listed(tick.snap) ? tick : undefined;
    }, { timeout: 30_000, what: 'both processes’ connections listed with the network column' });
    expect(withNet.dumps).toBe(1);
    expect(withNet.snap!.processes!.find((r) => r.pid === child.pid)?.net).toBeTruthy();
    // Rates come from the tracker's previous dump: after a first tick with it, every counted socket has them.
    const rated = await dumpsOf();
    expect(rated.dumps).toBe(1);
    const conn = rated.snap!.processSockets!.find((p) => p.pid === child.pid)!.sockets.find((s) => s.status === 'ESTABLISHED')!;
    expect(conn.receiveRate).toEqual(expect.any(Number));
    expect(conn.transmitRate).toEqual(expect.any(Number));

    topics = new Set(['processes']);
    const without = await dumpsOf();
    expect(without.dumps).toBe(1);
    expect(listed(without.snap)).toBe(true);
  });
});

describe("the tick's sum of other users' processes (live)", () => {
  it('comes with the processNet topic only, as a ProcessNet, and history keeps none', async () => {
    let topics = new Set<'processes' | 'processNet'>(['processes']);
    const sampler = new Sampler(new Collector(), { topics: () => topics });
    expect((await sampler.tick())?.netOtherUsers).toBeUndefined();
    topics = new Set(['processes', 'processNet']);
    const snap = await sampler.tick();
    expect(snap?.netOtherUsers).toMatchObject({ receiveBytes: expect.any(Number), transmitBytes: expect.any(Number), sockets: expect.any(Number), uncounted: expect.any(Number) });
    expect(sampler.historySince(60).some((s) => 'netOtherUsers' in s || 'processSockets' in s)).toBe(false);
  });
});
