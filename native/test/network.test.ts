// Network functions against the captured tree (values worked out by hand
// from proc/net/* and sys/class/net), small hostile trees, and nowrap.

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';

import { FIXTURE_ROOTS, collector, makeTree } from './helpers';

const { InvalidArgument, NotFound, ParseError, ProcyonError, WrapNumbers, AF_INET, AF_INET6, AF_UNIX, SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET } =
  collector;

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function tree(files: Record<string, string | Uint8Array>) {
  const { dir, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return { dir, procfs: path.join(dir, 'proc'), sysfs: path.join(dir, 'sys') };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}

const zeros = { errin: 0, errout: 0, dropin: 0, dropout: 0 };

describe('fixture: netIoCounters (proc/net/dev)', () => {
  const perNic = {
    vethf345468: { bytesSent: 438, bytesRecv: 648, packetsSent: 5, packetsRecv: 8, ...zeros },
    lo: { bytesSent: 1664039048, bytesRecv: 1664039048, packetsSent: 1566805, packetsRecv: 1566805, ...zeros },
    docker0: { bytesSent: 438, bytesRecv: 2568, packetsSent: 5, packetsRecv: 38, ...zeros },
    eth0: { bytesSent: 563352563, bytesRecv: 874354587, packetsSent: 732147, packetsRecv: 1036395, ...zeros },
  };

  it('pernic: each interface, in file order', async () => {
    const result = await collector.netIoCounters({ ...FIXTURE_ROOTS, pernic: true, nowrap: false });
    expect(result).toEqual(perNic);
    expect(Object.keys(result)).toEqual(['vethf345468', 'lo', 'docker0', 'eth0']);
  });

  it('total: the sum over every interface', async () => {
    expect(await collector.netIoCounters(FIXTURE_ROOTS)).toEqual({
      bytesSent: 438 + 1664039048 + 438 + 563352563, // 2227392487
      bytesRecv: 648 + 1664039048 + 2568 + 874354587, // 2538396851
      packetsSent: 5 + 1566805 + 5 + 732147,
      packetsRecv: 8 + 1566805 + 38 + 1036395,
      ...zeros,
    });
    expect((await collector.netIoCounters(FIXTURE_ROOTS))!.bytesSent).toBe(2227392487);
  });

  it('errors and drops come from the right columns', async () => {
    const roots = tree({
      'proc/net/dev': [
        'Inter-|   Receive                                                |  Transmit',
        ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
        '  eth1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16',
        '',
      ].join('\n'),
    });
    expect(await collector.netIoCounters({ ...roots, pernic: true })).toEqual({
      eth1: { bytesRecv: 1, packetsRecv: 2, errin: 3, dropin: 4, bytesSent: 9, packetsSent: 10, errout: 11, dropout: 12 },
    });
  });

  it('no interfaces: null, or {} with pernic', async () => {
    const roots = tree({ 'proc/net/dev': 'Inter-|\n face |\n' });
    expect(await collector.netIoCounters(roots)).toBeNull();
    expect(await collector.netIoCounters({ ...roots, pernic: true })).toEqual({});
  });
});

describe('netIoCounters nowrap', () => {
  const header = 'Inter-|   Receive |  Transmit\n face |bytes packets errs drop fifo frame compressed multicast|bytes packets errs drop fifo colls carrier compressed\n';
  const line = (nic: string, recv: number, sent: number) => `${nic}: ${recv} 1 0 0 0 0 0 0 ${sent} 1 0 0 0 0 0 0\n`;

  it('counters that go down keep increasing; cacheClear resets', async () => {
    const roots = tree({ 'proc/net/dev': header + line('eth0', 1000, 500) + line('wlan0', 70, 7) });
    const file = path.join(roots.procfs, 'net/dev');
    const cache = new WrapNumbers();
    const read = () => collector.netIoCounters({ ...roots, pernic: true, wrapCache: cache });

    expect((await read()).eth0!.bytesRecv).toBe(1000);
    writeFileSync(file, header + line('eth0', 100, 600) + line('wlan0', 80, 8)); // eth0 recv wrapped
    let now = await read();
    expect(now.eth0).toMatchObject({ bytesRecv: 1100, bytesSent: 600 });
    expect(now.wlan0).toMatchObject({ bytesRecv: 80, bytesSent: 8 });
    writeFileSync(file, header + line('eth0', 300, 50) + line('wlan0', 90, 9)); // and again, sent too
    now = await read();
    expect(now.eth0).toMatchObject({ bytesRecv: 1300, bytesSent: 650 });
    // the total is summed after the correction
    expect(await collector.netIoCounters({ ...roots, wrapCache: cache })).toMatchObject({ bytesRecv: 1390, bytesSent: 659 });
    // without nowrap: the raw values, and the cache is not touched
    expect((await collector.netIoCounters({ ...roots, pernic: true, nowrap: false })).eth0!.bytesRecv).toBe(300);

    collector.netIoCounters.cacheClear(cache);
    expect((await read()).eth0).toMatchObject({ bytesRecv: 300, bytesSent: 50 });
  });

  it('a NIC that disappears loses its correction; a new one starts raw', async () => {
    const roots = tree({ 'proc/net/dev': header + line('eth0', 1000, 1000) });
    const file = path.join(roots.procfs, 'net/dev');
    const cache = new WrapNumbers();
    const read = () => collector.netIoCounters({ ...roots, pernic: true, wrapCache: cache });
    await read();
    writeFileSync(file, header + line('eth0', 10, 10));
    expect((await read()).eth0!.bytesRecv).toBe(1010);
    writeFileSync(file, header + line('usb0', 5, 5));
    expect(await read()).toMatchObject({ usb0: { bytesRecv: 5 } });
    writeFileSync(file, header + line('eth0', 20, 20) + line('usb0', 6, 6));
    expect((await read()).eth0!.bytesRecv).toBe(20);
  });

  it('the shared cache is per procfs root and cleared by netIoCounters.cacheClear()', async () => {
    const roots = tree({ 'proc/net/dev': header + line('eth0', 1000, 1000) });
    const file = path.join(roots.procfs, 'net/dev');
    await collector.netIoCounters(roots);
    await collector.netIoCounters(FIXTURE_ROOTS); // another root: no effect on this one
    writeFileSync(file, header + line('eth0', 1, 1));
    expect((await collector.netIoCounters(roots))!.bytesRecv).toBe(1001);
    collector.netIoCounters.cacheClear();
    expect((await collector.netIoCounters(roots))!.bytesRecv).toBe(1);
  });
});

describe('fixture: netConnections', () => {
  const none = { fd: -1, pid: null, raddr: null };

  it("tcp4: proc/net/tcp, 0500000A:0016 → 10.0.0.5:22; duplicate lines collapse as psutil's set", async () => {
    expect(await collector.netConnections({ ...FIXTURE_ROOTS, kind: 'tcp4' })).toEqual([
      { ...none, family: AF_INET, type: SOCK_STREAM, laddr: { ip: '10.0.0.5', port: 22 }, status: 'LISTEN' },
      { ...none, family: AF_INET, type: SOCK_STREAM, laddr: { ip: '0.0.0.0', port: 22 }, status: 'LISTEN' },
    ]);
  });

  it('tcp6: 32-hex addresses in 32-bit words of host order, state 07 = CLOSE', async () => {
    expect(await collector.netConnections({ ...FIXTURE_ROOTS, kind: 'tcp6' })).toEqual([
      { ...none, family: AF_INET6, type: SOCK_STREAM, laddr: { ip: '::', port: 0x14eb }, status: 'CLOSE' },
      { ...none, family: AF_INET6, type: SOCK_STREAM, laddr: { ip: 'fe80::56e1:adff:fe7c:6609', port: 0xc781 }, status: 'CLOSE' },
    ]);
  });

  it('udp: status NONE for every line', async () => {
    const udp = await collector.netConnections({ ...FIXTURE_ROOTS, kind: 'udp' });
    expect(udp.map((c) => [c.family, c.type, c.status, c.laddr])).toEqual([
      [AF_INET, SOCK_DGRAM, 'NONE', { ip: '10.0.0.5', port: 22 }],
      [AF_INET, SOCK_DGRAM, 'NONE', { ip: '0.0.0.0', port: 22 }],
      [AF_INET6, SOCK_DGRAM, 'NONE', { ip: '::', port: 5355 }],
      [AF_INET6, SOCK_DGRAM, 'NONE', { ip: 'fe80::56e1:adff:fe7c:6609', port: 51073 }],
    ]);
  });

  it('unix: paths, socket types, "" for unnamed, raddr ""', async () => {
    const unix = { fd: -1, pid: null, raddr: '', status: 'NONE', family: AF_UNIX };
    expect(await collector.netConnections({ ...FIXTURE_ROOTS, kind: 'unix' })).toEqual([
      { ...unix, type: SOCK_STREAM, laddr: '/var/run/postgresql/.s.PGSQL.5432' },
      { ...unix, type: SOCK_SEQPACKET, laddr: '/run/udev/control' },
      { ...unix, type: SOCK_DGRAM, laddr: '/dev/log' },
      { ...unix, type: SOCK_STREAM, laddr: '' },
    ]);
  });

  it("kinds: default 'inet' = tcp+tcp6+udp+udp6, 'all' adds unix, inet4/inet6 split by family", async () => {
    const count = async (kind?: Parameters<typeof collector.netConnections>[0]) => (await collector.netConnections(kind)).length;
    expect(await count(FIXTURE_ROOTS)).toBe(8);
    expect(await count({ ...FIXTURE_ROOTS, kind: 'inet' })).toBe(8);
    expect(await count({ ...FIXTURE_ROOTS, kind: 'all' })).toBe(12);
    const inet4 = await collector.netConnections({ ...FIXTURE_ROOTS, kind: 'inet4' });
    expect(inet4.map((c) => c.family)).toEqual([AF_INET, AF_INET, AF_INET, AF_INET]);
    const inet6 = await collector.netConnections({ ...FIXTURE_ROOTS, kind: 'inet6' });
    expect(inet6.map((c) => c.family)).toEqual([AF_INET6, AF_INET6, AF_INET6, AF_INET6]);
    expect((await collector.netConnections({ ...FIXTURE_ROOTS, kind: 'udp4' })).every((c) => c.type === SOCK_DGRAM && c.family === AF_INET)).toBe(true);
  });

  it('maps inodes to pid and fd through <procfs>/<pid>/fd links; raddr and v4-mapped addresses decode', async () => {
    const roots = tree({
      'proc/net/tcp':
        '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n' +
        '   0: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 777 1 0 20 4 30 10 -1\n',
      'proc/net/tcp6':
        '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n' +
        '   0: 0000000000000000FFFF00000100007F:0050 0000000000000000FFFF00000200007F:D431 06 00000000:00000000 00:00000000 00000000  1000        0 0 1 0\n',
      'proc/net/udp': 'header\n',
      'proc/net/unix': 'Num       RefCount Protocol Flags    Type St Inode Path\n0: 00000002 00000000 00010000 0001 01 888 @abstract name with spaces\n',
      'proc/12/fd/.keep': '',
      'proc/345/fd/.keep': '',
    });
    const { symlinkSync } = await import('node:fs');
    symlinkSync('socket:[777]', path.join(roots.procfs, '12/fd/4'));
    symlinkSync('socket:[888]', path.join(roots.procfs, '12/fd/5'));
    symlinkSync('socket:[888]', path.join(roots.procfs, '345/fd/9'));
    symlinkSync('/dev/null', path.join(roots.procfs, '345/fd/0'));
    rmSync(path.join(roots.procfs, '12/fd/.keep'));

    expect(await collector.netConnections({ ...roots, kind: 'tcp' })).toEqual([
      { fd: 4, family: AF_INET, type: SOCK_STREAM, laddr: { ip: '127.0.0.1', port: 8080 }, raddr: { ip: '127.0.0.1', port: 50000 }, status: 'ESTABLISHED', pid: 12 },
      { fd: -1, family: AF_INET6, type: SOCK_STREAM, laddr: { ip: '::ffff:127.0.0.1', port: 80 }, raddr: { ip: '::ffff:127.0.0.2', port: 54321 }, status: 'TIME_WAIT', pid: null },
    ]);
    // a unix inode held by two pids: the later pid wins (psutil's dict.update)
    expect(await collector.netConnections({ ...roots, kind: 'unix' })).toEqual([
      { fd: 9, family: AF_UNIX, type: SOCK_STREAM, laddr: '@abstract name with spaces', raddr: '', status: 'NONE', pid: 345 },
    ]);
  });

  it('a missing tcp6/udp6 means no IPv6, not an error', async () => {
    const roots = tree({ 'proc/net/tcp': 'header\n', 'proc/net/udp': 'header\n' });
    expect(await collector.netConnections(roots)).toEqual([]);
  });
});

describe('fixture: netIfStats (sys/class/net)', () => {
  it('only NICs of proc/net/dev that sysfs knows (eth0): flags 0x1303 + RUNNING from operstate up', async () => {
    expect(await collector.netIfStats(FIXTURE_ROOTS)).toEqual({
      eth0: { isup: true, duplex: collector.NIC_DUPLEX_FULL, speed: 1000, mtu: 1500, flags: 'up,broadcast,running,promisc,allmulti,multicast' },
    });
  });

  it('down, unknown speed/duplex, loopback with operstate unknown', async () => {
    const roots = tree({
      'proc/net/dev': 'h\nh\n lo: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n eth9: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n ghost: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n',
      'sys/class/net/lo/flags': '0x9\n',
      'sys/class/net/lo/mtu': '65536\n',
      'sys/class/net/lo/operstate': 'unknown\n',
      'sys/class/net/eth9/flags': '0x1002\n',
      'sys/class/net/eth9/mtu': '1500\n',
      'sys/class/net/eth9/operstate': 'down\n',
      'sys/class/net/eth9/speed': '-1\n',
      'sys/class/net/eth9/duplex': 'half\n',
    });
    expect(await collector.netIfStats(roots)).toEqual({
      lo: { isup: true, duplex: 0, speed: 0, mtu: 65536, flags: 'up,loopback,running' },
      eth9: { isup: false, duplex: collector.NIC_DUPLEX_HALF, speed: 0, mtu: 1500, flags: 'broadcast,multicast' },
    });
  });
});

describe('network errors', () => {
  it("netConnections({kind: 'bogus'}) → InvalidArgument naming every valid kind", async () => {
    const error = (await failure(collector.netConnections({ kind: 'bogus' as never }))) as InstanceType<typeof InvalidArgument>;
    expect(error).toBeInstanceOf(InvalidArgument);
    expect(error.message).toBe(
      "invalid 'bogus' kind argument; choose between 'all', 'tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'unix', 'inet', 'inet4', 'inet6'",
    );
    for (const kind of collector.CONNECTION_KINDS) expect(error.message).toContain(`'${kind}'`);
    expect(await failure(collector.netConnections({ kind: 4 as never }))).toBeInstanceOf(InvalidArgument);
  });

  it('the addon checks kind too', async () => {
    const { createRequire } = await import('node:module');
    const { PACKAGE_DIR } = await import('./helpers');
    const binding = createRequire(import.meta.url)(path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node'));
    await expect(binding.netConnections({ kind: 'tcp5' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining("'inet6'") });
    await expect(binding.netConnections({ kind: null })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('missing net/dev → NotFound with the path (netIoCounters and netIfStats); missing tcp → NotFound', async () => {
    const roots = tree({ 'proc/.keep': '' });
    // Each call made when it is awaited: a second promise made up front can reject before anything listens (an unhandled rejection).
    for (const call of [() => collector.netIoCounters(roots), () => collector.netIfStats(roots)]) {
      const error = (await failure(call())) as InstanceType<typeof NotFound>;
      expect(error).toBeInstanceOf(NotFound);
      expect(error.path).toBe(path.join(roots.procfs, 'net/dev'));
      expect(error.message).toContain(error.path!);
    }
    const tcp = (await failure(collector.netConnections(roots))) as InstanceType<typeof NotFound>;
    expect(tcp).toBeInstanceOf(NotFound);
    expect(tcp.path).toBe(path.join(roots.procfs, 'net/tcp'));
  });

  it('garbled files → ParseError naming the file', async () => {
    const roots = tree({
      'proc/net/dev': 'h\nh\n eth0: 1 2 three\n',
      'proc/net/tcp': 'h\n 0: 0100007F:ZZZZ 00000000:0000 0A 0 0 0 0 0 5\n',
      'proc/net/udp': 'h\n 0: short line\n',
      'proc/net/unix': 'h\n0: 1 2 3 0001 01 notaninode\n',
    });
    const dev = (await failure(collector.netIoCounters(roots))) as InstanceType<typeof ParseError>;
    expect(dev).toBeInstanceOf(ParseError);
    expect(dev.path).toBe(path.join(roots.procfs, 'net/dev'));
    for (const [kind, file] of [['tcp4', 'tcp'], ['udp4', 'udp'], ['unix', 'unix']] as const) {
      const error = (await failure(collector.netConnections({ ...roots, kind }))) as InstanceType<typeof ParseError>;
      expect(error, kind).toBeInstanceOf(ParseError);
      expect(error.path).toBe(path.join(roots.procfs, 'net', file));
    }
    const badState = tree({ 'proc/net/tcp': 'h\n 0: 0100007F:0050 00000000:0000 FF 0 0 0 0 0 5\n' });
    expect(await failure(collector.netConnections({ ...badState, kind: 'tcp4' }))).toBeInstanceOf(ParseError);
  });

  it('random bytes in every file: a value or a ProcyonError, never a crash', async () => {
    for (let round = 0; round < 20; round++) {
      const files: Record<string, Uint8Array> = {};
      for (const name of ['net/dev', 'net/tcp', 'net/tcp6', 'net/udp', 'net/udp6', 'net/unix']) files[`proc/${name}`] = randomBytes(200 + round * 10);
      for (const name of ['flags', 'mtu', 'speed', 'duplex', 'operstate']) files[`sys/class/net/eth0/${name}`] = randomBytes(16);
      for (const name of ['name', 'temp1_input', 'temp1_max', 'temp1_crit', 'temp1_label', 'fan1_input']) files[`sys/class/hwmon/hwmon0/${name}`] = randomBytes(16);
      for (const name of ['energy_now', 'energy_full', 'power_now', 'capacity', 'status']) files[`sys/class/power_supply/BAT0/${name}`] = randomBytes(16);
      const roots = tree(files);
      const calls = [
        collector.netIoCounters({ ...roots, pernic: true }),
        collector.netConnections({ ...roots, kind: 'all' }),
        collector.netIfStats(roots),
        collector.sensorsTemperatures(roots),
        collector.sensorsFans(roots),
        collector.sensorsBattery(roots),
      ];
      for (const result of await Promise.allSettled(calls)) {
        if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(ProcyonError);
      }
    }
  });
});

describe('network capabilities', () => {
  it('are reported on Linux', () => {
    expect(collector.capabilities()).toMatchObject({ netIoCounters: true, netConnections: true, netIfAddrs: true, netIfStats: true });
  });
});
