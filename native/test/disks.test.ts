// disk_io_counters formats and nowrap, disk_partitions filtering, on crafted trees.

import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';

import { collector, makeTree } from './helpers';

const { DiskIoCountersReader, createDiskIoCountersReader } = collector;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function tree(files: Record<string, string>) {
  const { dir, cleanup } = makeTree(files);
  cleanups.push(cleanup);
  return { dir, roots: { procfs: `${dir}/proc`, sysfs: `${dir}/sys` } };
}

// A 14-field line for `name` whose nine counters all equal `n` (+i per column).
const line = (name: string, n: number) => `   8       0 ${name} ${Array.from({ length: 11 }, (_, i) => n + i).join(' ')}`;
const counters = (n: number) => ({
  readCount: n,
  readMergedCount: n + 1,
  readBytes: (n + 2) * 512,
  readTime: n + 3,
  writeCount: n + 4,
  writeMergedCount: n + 5,
  writeBytes: (n + 6) * 512,
  writeTime: n + 7,
  busyTime: n + 9,
});

describe('diskstats formats', () => {
  it('7-field partition lines, 15-field 2.4 lines, 14/18/20-field disk lines', async () => {
    const { roots } = tree({
      'proc/diskstats': [
        '   3    1   hda1 10 20 30 40', // 7: reads, sectors read, writes, sectors written
        '   3     0   8 hdb 1 2 3 4 5 6 7 8 9 10 11', // 15: psutil reads name from column 4, reads from column 3
        line('sda', 100),
        `${line('sdb', 200)} 0 0 0 0`,
        `${line('sdc', 300)} 0 0 0 0 7 7`,
        '',
      ].join('\n'),
      'sys/block/sda/size': '1',
      'sys/block/hdb/size': '1',
    });
    const perdisk = await collector.diskIoCounters({ ...roots, perdisk: true, nowrap: false });
    expect(Object.keys(perdisk)).toEqual(['hda1', 'hdb', 'sda', 'sdb', 'sdc']);
    expect(perdisk.hda1).toEqual({
      readCount: 10,
      readBytes: 20 * 512,
      writeCount: 30,
      writeBytes: 40 * 512,
      readTime: 0,
      writeTime: 0,
      readMergedCount: 0,
      writeMergedCount: 0,
      busyTime: 0,
    });
    expect(perdisk.hdb).toEqual({
      readCount: 8,
      readMergedCount: 1,
      readBytes: 2 * 512,
      readTime: 3,
      writeCount: 4,
      writeMergedCount: 5,
      writeBytes: 6 * 512,
      writeTime: 7,
      busyTime: 9,
    });
    expect(perdisk.sda).toEqual(counters(100));
    expect(perdisk.sdb).toEqual(counters(200));
    expect(perdisk.sdc).toEqual(counters(300));
    // The total keeps only names present in sys/block: hdb and sda.
    const total = await collector.diskIoCounters({ ...roots, nowrap: false });
    expect(total?.readCount).toBe(8 + 100);
    expect(total?.busyTime).toBe(9 + 109);
  });

  it('no whole disk → null total and {} per disk is only for an empty file', async () => {
    const { roots } = tree({ 'proc/diskstats': line('sda1', 1) + '\n', 'sys/block/.keep': '' });
    expect(await collector.diskIoCounters(roots)).toBeNull();
    const empty = tree({ 'proc/diskstats': '', 'sys/block/.keep': '' });
    expect(await collector.diskIoCounters({ ...empty.roots, perdisk: true })).toEqual({});
  });

  it('without diskstats, reads sys/block/<dev>/stat and partition stat files', async () => {
    const stat = (n: number) => Array.from({ length: 11 }, (_, i) => n + i).join(' ') + '\n';
    const { roots } = tree({ 'sys/block/vda/stat': stat(100), 'sys/block/vda/vda1/stat': stat(500), 'proc/.keep': '' });
    const perdisk = await collector.diskIoCounters({ ...roots, perdisk: true, nowrap: false });
    expect(perdisk).toEqual({ vda: counters(100), vda1: counters(500) });
    expect(await collector.diskIoCounters({ ...roots, nowrap: false })).toEqual(counters(100));
  });
});

describe('diskIoCounters nowrap', () => {
  it('counters that decrease keep increasing (old value added), cacheClear resets, readers are independent', async () => {
    const { roots } = tree({ 'proc/diskstats': line('sda', 1000) + '\n' + line('sda1', 500) + '\n', 'sys/block/sda/size': '1' });
    const setDiskstats = (sda: number, sda1: number) =>
      writeFileSync(`${roots.procfs}/diskstats`, `${line('sda', sda)}\n${line('sda1', sda1)}\n`);
    const reader = new DiskIoCountersReader();
    const other = createDiskIoCountersReader();

    expect((await reader.read({ ...roots, perdisk: true })).sda).toEqual(counters(1000));
    expect(await other.read(roots)).toEqual(counters(1000));

    setDiskstats(10, 5); // wrapped / reset
    const wrapped = await reader.read({ ...roots, perdisk: true });
    // new + old for every column: 10 + 1000 (+i and +i).
    expect(wrapped.sda?.readCount).toBe(10 + 1000);
    expect(wrapped.sda?.readBytes).toBe((12 + 1002) * 512);
    expect(wrapped.sda1?.readCount).toBe(5 + 500);

    setDiskstats(20, 6);
    const later = await reader.read({ ...roots, perdisk: true });
    expect(later.sda?.readCount).toBe(20 + 1000); // the reminder stays
    expect(later.sda?.busyTime).toBe(29 + 1009);
    // The total is summed after the adjustment.
    expect((await reader.read(roots))?.readCount).toBe(20 + 1000);

    // Never decreasing across the whole sequence.
    const raw = await reader.read({ ...roots, perdisk: true, nowrap: false });
    expect(raw.sda).toEqual(counters(20));

    // The other reader saw 1000 then 20: its own history.
    expect((await other.read(roots))?.readCount).toBe(20 + 1000);

    reader.cacheClear();
    expect((await reader.read({ ...roots, perdisk: true })).sda).toEqual(counters(20));
  });

  it('the module function exposes cacheClear() like psutil', async () => {
    const { roots } = tree({ 'proc/diskstats': line('sda', 50) + '\n', 'sys/block/sda/size': '1' });
    collector.diskIoCounters.cacheClear();
    expect((await collector.diskIoCounters(roots))?.readCount).toBe(50);
    writeFileSync(`${roots.procfs}/diskstats`, line('sda', 7) + '\n');
    expect((await collector.diskIoCounters(roots))?.readCount).toBe(57);
    collector.diskIoCounters.cacheClear();
    expect((await collector.diskIoCounters(roots))?.readCount).toBe(7);
    collector.diskIoCounters.cacheClear();
  });

  it('WrapNumbers drops the reminders of a key that disappears', () => {
    const wrap = new collector.WrapNumbers();
    wrap.run({ a: { n: 10 } }, 'x');
    expect(wrap.run({ a: { n: 1 } }, 'x').a).toEqual({ n: 11 });
    wrap.run({ b: { n: 1 } }, 'x'); // 'a' gone
    expect(wrap.run({ a: { n: 2 } }, 'x').a).toEqual({ n: 2 }); // new key: raw
  });
});

describe('diskPartitions on a crafted tree', () => {
  const FILESYSTEMS = ['nodev\tsysfs', 'nodev\tproc', '\text4', '\tvfat', 'nodev\tzfs', 'nodev\ttmpfs', ''].join('\n');
  const MOUNTS = [
    'sysfs /sys sysfs rw,nosuid 0 0',
    '/dev/sda1 / ext4 rw,relatime 0 0',
    '/dev/sdb1 /mnt/my\\040disk vfat rw 0 0',
    'tank/home /home zfs rw,xattr 0 0',
    'none /weird ext4 rw 0 0',
    'tmpfs /tmp tmpfs rw 0 0',
    '# a comment',
    '',
    '/dev/sdc1\t/tab\\011dir\text4   ro',
  ].join('\n');

  it('all=false keeps devices with a non-nodev fstype (and zfs); escapes are decoded; "none" is ""', async () => {
    const { roots } = tree({ 'proc/filesystems': FILESYSTEMS, 'proc/self/mounts': MOUNTS });
    expect(await collector.diskPartitions(roots)).toEqual([
      { device: '/dev/sda1', mountpoint: '/', fstype: 'ext4', opts: 'rw,relatime' },
      { device: '/dev/sdb1', mountpoint: '/mnt/my disk', fstype: 'vfat', opts: 'rw' },
      { device: 'tank/home', mountpoint: '/home', fstype: 'zfs', opts: 'rw,xattr' },
      { device: '/dev/sdc1', mountpoint: '/tab\tdir', fstype: 'ext4', opts: 'ro' },
    ]);
    const all = await collector.diskPartitions({ ...roots, all: true });
    expect(all.map((p) => p.device)).toEqual(['sysfs', '/dev/sda1', '/dev/sdb1', 'tank/home', '', 'tmpfs', '/dev/sdc1']);
  });

  it('falls back to <procfs>/mounts when self/mounts is missing', async () => {
    const { roots } = tree({ 'proc/filesystems': FILESYSTEMS, 'proc/mounts': '/dev/vdb /data ext4 rw 0 0\n' });
    expect(await collector.diskPartitions(roots)).toEqual([{ device: '/dev/vdb', mountpoint: '/data', fstype: 'ext4', opts: 'rw' }]);
  });
});
