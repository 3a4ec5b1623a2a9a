import { describe, expect, it } from 'vitest';
import { Collector } from './collector';
import { FIXTURE_PROC, FIXTURE_SYS, writableProcRoot } from './fixture-root.test-util';
import { Sampler } from './sampler';
import { TopicRegistry } from './topics';
import { connections, formatAddr, protoOf } from './connections';
import { prettyName } from './system-info';

describe('TopicRegistry', () => {
  it('samples the union of what clients show, and forgets a client that leaves', () => {
    const r = new TopicRegistry();
    const a = r.register();
    const b = r.register();
    r.set(a, ['disks']);
    r.set(b, ['network', 'disks']);
    expect([...r.union()].sort()).toEqual(['disks', 'network']);
    r.release(b);
    expect([...r.union()]).toEqual(['disks']);
    r.set(b, ['sensors']); // a released client cannot come back
    expect([...r.union()]).toEqual(['disks']);
  });
});

describe('Sampler topics', () => {
  it('reads only the topics asked for', async () => {
    const topics = new Set<'disks' | 'network'>();
    const sampler = new Sampler(new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS }), { topics: () => topics });
    const plain = await sampler.tick();
    expect(plain?.disks).toBeUndefined();
    expect(plain?.network).toBeUndefined();
    topics.add('disks');
    topics.add('network');
    const more = await sampler.tick();
    expect(more?.disks?.map((d) => d.name)).toContain('sda');
    expect(more?.network?.map((n) => n.name)).toContain('eth0');
    // A topic's first reading has no rate yet.
    expect(more?.disks?.every((d) => d.readBytesPerSec === 0)).toBe(true);
  });

  it('computes disk rates between ticks from the counters', async () => {
    const root = writableProcRoot(['diskstats']);
    let now = 1_000_000;
    const sampler = new Sampler(new Collector({ procfs: root.dir, sysfs: FIXTURE_SYS }), { topics: () => new Set(['disks'] as const), now: () => now });
    await sampler.tick();
    // sda: +2048 sectors read (1 MiB) in 2 s.
    root.edit('diskstats', (s) =>
      s.replace(/^(\s*\d+\s+\d+\s+sda\s+\d+\s+\d+\s+)(\d+)/m, (_m, head: string, sectors: string) => `${head}${Number(sectors) + 2048}`),
    );
    now += 2000;
    const snap = await sampler.tick();
    expect(snap?.disks?.find((d) => d.name === 'sda')?.readBytesPerSec).toBe(524_288);
  });

  it('a topic that fails is reported in errors without losing the rest of the tick', async () => {
    // No diskstats and no sysfs block directory to fall back on.
    const sampler = new Sampler(new Collector({ procfs: writableProcRoot().dir, sysfs: '/nonexistent/procyon-sys' }), { topics: () => new Set(['disks'] as const) });
    const snap = await sampler.tick();
    expect(snap?.memory.total).toBeGreaterThan(0);
    expect(snap?.disks).toBeUndefined();
    expect(snap?.errors?.disks?.code).toBe('NOT_FOUND');
  });
});

describe('connections and system info helpers', () => {
  it('formats addresses and protocols like netstat', () => {
    expect(formatAddr({ ip: '10.0.0.1', port: 22 }, 2)).toBe('10.0.0.1:22');
    expect(formatAddr({ ip: '::1', port: 8080 }, 10)).toBe('[::1]:8080');
    expect(formatAddr(null, 2)).toBe('');
    expect(formatAddr('/run/x.sock', 1)).toBe('/run/x.sock');
    expect(protoOf({ family: 10, type: 2 })).toBe('udp6');
    expect(protoOf({ family: 2, type: 1 })).toBe('tcp');
    expect(protoOf({ family: 1, type: 1 })).toBe('unix');
  });

  it('names the process behind a live socket', async () => {
    const net = await import('node:net');
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    try {
      const list = await connections({}, { kind: 'tcp4' });
      const mine = list.find((c) => c.laddr === `127.0.0.1:${port}`);
      expect(mine).toMatchObject({ proto: 'tcp', status: 'LISTEN', pid: process.pid, raddr: '' });
      expect(mine?.processName).toMatch(/node|vitest/);
    } finally {
      server.close();
    }
  });

  it('reads PRETTY_NAME from os-release', () => {
    expect(prettyName('NAME="Debian GNU/Linux"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n')).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(prettyName('NAME=x\n')).toBeNull();
  });
});

describe('processes topic', () => {
  it('rows with rates from the second tick; history keeps no rows', async () => {
    const { Sampler: S } = await import('./sampler');
    const { Collector: C } = await import('./collector');
    const sampler = new S(new C(), { topics: () => new Set(['processes'] as const) });
    const first = await sampler.tick();
    const mine = first?.processes?.find((p) => p.pid === process.pid);
    expect(mine).toMatchObject({ ppid: process.ppid, cpuPercent: null });
    expect(mine!.rss).toBeGreaterThan(0);
    expect(mine!.memoryPercent).toBeGreaterThan(0);
    const second = await sampler.tick();
    expect(second?.processes?.find((p) => p.pid === process.pid)?.cpuPercent).toEqual(expect.any(Number));
    expect(sampler.historySince(60).every((s) => s.processes === undefined)).toBe(true);
    expect(second?.processes).toBeDefined();
    // getSnapshot() is how a receiver out of step gets the whole table back.
    expect(sampler.latest?.processes).toBe(second?.processes);
  });
});
