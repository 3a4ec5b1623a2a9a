// netSocketStats(): /proc/net/sockstat and sockstat6, over the captured
// fixture (exact values), this machine with sockets the test holds, and trees
// with a file missing or malformed.

import net from 'node:net';
import dgram from 'node:dgram';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import type { SockstatProtocol } from '../lib';
import { collector, FIXTURE_ROOTS, makeTree } from './helpers';
import { until } from '../../test/support/until.mjs';

// The kernel's mem is in pages; memBytes uses this machine's page size.
const PAGE = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim());
const none: SockstatProtocol = { inuse: null, orphan: null, tw: null, alloc: null, mem: null, memBytes: null, memory: null };
const only = (counts: Partial<SockstatProtocol>): SockstatProtocol => ({ ...none, ...counts });

describe('netSocketStats()', () => {
  it('reads the fixture’s sockstat and sockstat6 exactly, mem also in bytes; the function and the topic agree', async () => {
    // test/fixtures/prometheus-procfs: proc/net/sockstat and proc/net/sockstat6.
    const expected = {
      used: 1602,
      tcp: only({ inuse: 35, orphan: 0, tw: 4, alloc: 59, mem: 22, memBytes: 22 * PAGE }),
      udp: only({ inuse: 12, mem: 62, memBytes: 62 * PAGE }),
      udplite: only({ inuse: 0 }),
      raw: only({ inuse: 0 }),
      frag: only({ inuse: 0, memory: 0 }),
      tcp6: only({ inuse: 17 }),
      udp6: only({ inuse: 9 }),
      udplite6: only({ inuse: 0 }),
      raw6: only({ inuse: 1 }),
      frag6: only({ inuse: 0, memory: 0 }),
    };
    expect(await collector.netSocketStats(FIXTURE_ROOTS)).toEqual(expected);
    const snapshot = await collector.systemSnapshot({ ...FIXTURE_ROOTS, topics: ['netSocketStats'] });
    expect(snapshot.netSocketStats).toEqual(expected);
    expect(collector.capabilityReport(FIXTURE_ROOTS).find((c) => c.name === 'netSocketStats')).toEqual({ name: 'netSocketStats', available: true });
  });

  it('on this machine, counts the TCP and UDP sockets this test holds open', async () => {
    const servers: net.Server[] = [];
    const udp: dgram.Socket[] = [];
    try {
      for (let i = 0; i < 4; i++) {
        const s = net.createServer();
        await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
        servers.push(s);
      }
      for (let i = 0; i < 3; i++) {
        const u = dgram.createSocket('udp4');
        await new Promise<void>((resolve) => u.bind(0, '127.0.0.1', resolve));
        udp.push(u);
      }
      // Other processes open and close sockets meanwhile: the ones held here are a floor.
      const stats = await collector.netSocketStats();
      expect(stats.tcp?.inuse).toBeGreaterThanOrEqual(4);
      expect(stats.udp?.inuse).toBeGreaterThanOrEqual(3);
      expect(stats.used).toBeGreaterThanOrEqual(7);
      expect(stats.tcp?.memBytes).toBe(stats.tcp!.mem! * PAGE);
      // And equals the files read directly, once a collector read falls between two direct reads that agree.
      const direct = () => {
        const out: Record<string, Record<string, number>> = {};
        for (const file of ['/proc/net/sockstat', '/proc/net/sockstat6']) {
          if (!existsSync(file)) continue;
          for (const line of readFileSync(file, 'utf8').trim().split('\n')) {
            const [name, ...pairs] = line.split(/\s+/);
            const counts: Record<string, number> = {};
            for (let i = 0; i + 1 < pairs.length; i += 2) counts[pairs[i]!] = Number(pairs[i + 1]);
            out[name!.slice(0, -1).toLowerCase()] = counts;
          }
        }
        return JSON.stringify(out);
      };
      await until(async () => {
        const before = direct();
        const got = await collector.netSocketStats();
        if (direct() !== before) return false;
        const want = JSON.parse(before) as Record<string, Record<string, number>>;
        expect(got.used).toBe(want.sockets!.used);
        for (const [name, counts] of Object.entries(want)) {
          if (name === 'sockets') continue;
          const p = got[name as keyof typeof got] as unknown as Record<string, number | null>;
          for (const [key, value] of Object.entries(counts)) expect(p[key], `${name} ${key}`).toBe(value);
        }
        return true;
      }, { timeout: 60_000 });
    } finally {
      for (const s of servers) s.close();
      for (const u of udp) u.close();
    }
  });

  it('no sockstat6 (IPv6 off): the IPv6 protocols are null; no sockstat: capability false, NOT_FOUND naming the file', async () => {
    const v4only = makeTree({ 'proc/net/sockstat': 'sockets: used 3\nTCP: inuse 1 orphan 0 tw 2 alloc 1 mem 1\n' });
    const empty = makeTree({ 'proc/stat': 'cpu  1 2 3 4 5 6 7 8 9 10\nbtime 1700000000\n' });
    try {
      const roots = (t: { dir: string }) => ({ procfs: path.join(t.dir, 'proc'), sysfs: path.join(t.dir, 'sys') });
      expect(await collector.netSocketStats(roots(v4only))).toEqual({
        used: 3,
        tcp: only({ inuse: 1, orphan: 0, tw: 2, alloc: 1, mem: 1, memBytes: PAGE }),
        udp: null,
        udplite: null,
        raw: null,
        frag: null,
        tcp6: null,
        udp6: null,
        udplite6: null,
        raw6: null,
        frag6: null,
      });
      const file = `${roots(empty).procfs}/net/sockstat`;
      expect(collector.capabilityReport(roots(empty)).find((c) => c.name === 'netSocketStats')).toEqual({
        name: 'netSocketStats',
        available: false,
        reason: 'missing-file',
        path: file,
      });
      await expect(collector.netSocketStats(roots(empty))).rejects.toMatchObject({ code: 'NOT_FOUND', path: file });
      const snapshot = await collector.systemSnapshot({ ...roots(empty), topics: ['netSocketStats', 'cpuTimes'] });
      expect(snapshot.netSocketStats).toMatchObject({ error: { code: 'NOT_FOUND', path: file } });
      expect(collector.isSnapshotError(snapshot.cpuTimes)).toBe(false);
    } finally {
      v4only.cleanup();
      empty.cleanup();
    }
  });

  it('skips a protocol or key it does not know; a malformed count, a key without value or a repeated line is a ParseError naming its file', async () => {
    const later = makeTree({ 'proc/net/sockstat': 'sockets: used 1\nMPTCP: inuse 5\nTCP: inuse 1 orphan 0 tw 0 alloc 1 mem 0 newkey 9\n\n' });
    try {
      const stats = await collector.netSocketStats({ procfs: path.join(later.dir, 'proc'), sysfs: path.join(later.dir, 'sys') });
      expect(stats.tcp).toEqual(only({ inuse: 1, orphan: 0, tw: 0, alloc: 1, mem: 0, memBytes: 0 }));
    } finally {
      later.cleanup();
    }
    const bad = [
      'TCP: inuse x\n',
      'TCP: inuse -1\n',
      'TCP: inuse\n',
      'TCP: inuse 1\nTCP: inuse 2\n',
      'TCP: inuse 1 inuse 2\n',
      'sockets: used\n',
      'sockets: used 1\nsockets: used 2\n',
      'TCP inuse 1\n',
      `TCP: inuse ${'9'.repeat(30)}\n`,
    ];
    for (const text of bad) {
      const broken = makeTree({ 'proc/net/sockstat': text });
      try {
        const procfs = path.join(broken.dir, 'proc');
        await expect(collector.netSocketStats({ procfs, sysfs: path.join(broken.dir, 'sys') }), text).rejects.toMatchObject({
          code: 'PARSE_ERROR',
          path: `${procfs}/net/sockstat`,
        });
      } finally {
        broken.cleanup();
      }
    }
  });
});
