// The /proc/[pid] parsers, through the public API, over crafted trees and the
// captured prometheus-procfs tree: values that are wrong if a parser is.

import { afterAll, describe, expect, it } from 'vitest';

import { CLOCK_TICKS, FIXTURE_ROOTS, PAGE_SIZE, collector, makeTree } from './helpers';

const { Process, NoSuchProcess, ParseError, RLIMIT_NOFILE, RLIMIT_CPU, RLIMIT_RTTIME, RLIM_INFINITY } = collector;

const BTIME = 1_000_000;
// 52 fields; comm holds spaces and parentheses.
function statLine(pid: number, comm: string, over: Record<number, string | number> = {}): string {
  const fields: (string | number)[] = [pid, `(${comm})`, 'S', 1, pid, pid, 34817, pid, 4194560, 10, 0, 2, 0, 250, 50, 7, 3, 20, 5, 3, 0, 4200, 123456789, 300];
  while (fields.length < 52) fields.push(0);
  fields[38] = 1; // processor (field 39)
  fields[41] = 9; // delayacct_blkio_ticks (field 42)
  for (const [k, v] of Object.entries(over)) fields[Number(k) - 1] = v;
  return fields.join(' ') + '\n';
}

const STATUS = `Name:\tweird
Umask:\t0022
State:\tS (sleeping)
Tgid:\t4242
Ngid:\t0
Pid:\t4242
PPid:\t1
Uid:\t1000\t1001\t1002\t1003
Gid:\t2000\t2001\t2002\t2003
Threads:\t3
voluntary_ctxt_switches:\t17
nonvoluntary_ctxt_switches:\t4
`;

const SMAPS = `00400000-00452000 r-xp 00000000 08:02 173521      /usr/bin/foo bar
Size:                328 kB
Rss:                 300 kB
Pss:                 150 kB
Shared_Clean:        200 kB
Shared_Dirty:          0 kB
Private_Clean:        60 kB
Private_Dirty:        40 kB
Referenced:          300 kB
Anonymous:             0 kB
Swap:                  8 kB
VmFlags: rd ex mr mw me dw
7ffd0000-7ffd2000 rw-p 00000000 00:00 0
Size:                  8 kB
Rss:                   8 kB
Pss:                   8 kB
Private_Dirty:         8 kB
Private_Hugetlb:       4 kB
Swap:                  2 kB
00652000-00653000 rw-p 00052000 08:02 173521      /usr/bin/foo bar
Size:                  4 kB
Rss:                   4 kB
Pss:                   4 kB
Private_Dirty:         4 kB
Swap:                  0 kB
`;

const tree = makeTree({
  'stat': `cpu  1 2 3 4\nbtime ${BTIME}\n`,
  'meminfo': 'MemTotal: 1000 kB\nMemFree: 500 kB\n',
  '4242/stat': statLine(4242, 'a) (b ) x'),
  '4242/status': STATUS,
  '4242/statm': '100 40 10 5 0 30 0\n',
  '4242/io': 'rchar: 11\nwchar: 22\nsyscr: 3\nsyscw: 4\nread_bytes: 4096\nwrite_bytes: 8192\ncancelled_write_bytes: 0\n',
  '4242/cmdline': 'prog\0--flag=a b\0\0last\0',
  '4242/environ': 'A=1\0EQ=x=y=z\0NL=one\ntwo\0=nokey\0NOEQ\0UNI=ünï ✓\0TRUNC=gone',
  '4242/limits':
    'Limit                     Soft Limit           Hard Limit           Units     \n' +
    'Max cpu time              unlimited            unlimited            seconds   \n' +
    'Max open files            1024                 4096                 files     \n' +
    'Max realtime priority     0                    0                    \n' +
    'Max realtime timeout      unlimited            unlimited            us        \n',
  '4242/smaps': SMAPS,
  // Rewritten title with spaces (setproctitle), no NUL at all.
  '4243/stat': statLine(4243, 'chrome', { 3: 'Z', 4: 4242 }),
  '4243/cmdline': '/opt/chrome --type=renderer --lang=en',
  '4243/status': STATUS.replace('Tgid:\t4242', 'Tgid:\t4243'),
  // A title with spaces inside one NUL-terminated string.
  '4244/stat': statLine(4244, 'nginx'),
  '4244/cmdline': 'nginx: worker process\0',
  '4245/stat': 'garbage without parens\n',
  '4246/stat': statLine(4246, 'short').split(' ').slice(0, 12).join(' '),
  '4247/stat': statLine(4247, 'averyveryverylo', {}),
  '4247/cmdline': '/usr/bin/averyveryverylongname\0-x\0',
});
const procfs = tree.dir;
afterAll(() => tree.cleanup());

describe('/proc/[pid] parsers through Process', () => {
  it('stat: comm with spaces and parentheses is split at the last ")"', async () => {
    const p = await Process.create(4242, { procfs });
    expect(await p.name()).toBe('a) (b ) x');
    expect(await p.ppid()).toBe(1);
    expect(await p.status()).toBe('sleeping');
    expect(await p.createTime()).toBe(BTIME + 4200 / CLOCK_TICKS);
    expect(await p.cpuTimes()).toEqual({
      user: 250 / CLOCK_TICKS,
      system: 50 / CLOCK_TICKS,
      childrenUser: 7 / CLOCK_TICKS,
      childrenSystem: 3 / CLOCK_TICKS,
      iowait: 9 / CLOCK_TICKS,
    });
    expect(await p.nice()).toBe(5);
    expect(await p.cpuNum()).toBe(1);
  });

  it('status: uids/gids (real, effective, saved), threads, ctx switches', async () => {
    const p = await Process.create(4242, { procfs });
    expect(await p.uids()).toEqual({ real: 1000, effective: 1001, saved: 1002 });
    expect(await p.gids()).toEqual({ real: 2000, effective: 2001, saved: 2002 });
    expect(await p.numThreads()).toBe(3);
    expect(await p.numCtxSwitches()).toEqual({ voluntary: 17, involuntary: 4 });
  });

  it('statm × page size, io', async () => {
    const p = await Process.create(4242, { procfs });
    expect(await p.memoryInfo()).toEqual({
      rss: 40 * PAGE_SIZE,
      vms: 100 * PAGE_SIZE,
      shared: 10 * PAGE_SIZE,
      text: 5 * PAGE_SIZE,
      lib: 0,
      data: 30 * PAGE_SIZE,
      dirty: 0,
    });
    expect(await p.ioCounters()).toEqual({ readCount: 3, writeCount: 4, readBytes: 4096, writeBytes: 8192, readChars: 11, writeChars: 22 });
  });

  it('cmdline: NUL-separated with empty args kept; space-separated titles split as psutil', async () => {
    expect(await (await Process.create(4242, { procfs })).cmdline()).toEqual(['prog', '--flag=a b', '', 'last']);
    expect(await (await Process.create(4243, { procfs })).cmdline()).toEqual(['/opt/chrome', '--type=renderer', '--lang=en']);
    expect(await (await Process.create(4244, { procfs })).cmdline()).toEqual(['nginx:', 'worker', 'process']);
  });

  it('name(): a 15-char comm is extended from cmdline[0]', async () => {
    expect(await (await Process.create(4247, { procfs })).name()).toBe('averyveryverylongname');
  });

  it('environ: first "=" splits; no key / no "=" / unterminated entries skipped', async () => {
    const env = await (await Process.create(4242, { procfs })).environ();
    expect(env).toEqual({ A: '1', EQ: 'x=y=z', NL: 'one\ntwo', UNI: 'ünï ✓' });
  });

  it('limits (a captured tree answers from the limits file)', async () => {
    const p = await Process.create(4242, { procfs });
    expect(await p.rlimit(RLIMIT_NOFILE)).toEqual([1024, 4096]);
    expect(await p.rlimit(RLIMIT_CPU)).toEqual([RLIM_INFINITY, RLIM_INFINITY]);
    expect(await p.rlimit(RLIMIT_RTTIME)).toEqual([-1, -1]);
    expect(await p.rlimit(14)).toEqual([0, 0]);
  });

  it('memoryFullInfo falls back to smaps; memoryMaps grouped and not', async () => {
    const p = await Process.create(4242, { procfs });
    const full = await p.memoryFullInfo();
    expect(full.uss).toBe((60 + 40 + 8 + 4 + 4) * 1024);
    expect(full.pss).toBe((150 + 8 + 4) * 1024);
    expect(full.swap).toBe((8 + 2) * 1024);
    const flat = await p.memoryMaps({ grouped: false });
    expect(flat.map((m) => [m.addr, m.perms, m.path])).toEqual([
      ['00400000-00452000', 'r-xp', '/usr/bin/foo bar'],
      ['7ffd0000-7ffd2000', 'rw-p', '[anon]'],
      ['00652000-00653000', 'rw-p', '/usr/bin/foo bar'],
    ]);
    const grouped = await p.memoryMaps();
    expect(grouped).toHaveLength(2);
    expect(grouped[0]).toMatchObject({ path: '/usr/bin/foo bar', rss: 304 * 1024, size: 332 * 1024, privateDirty: 44 * 1024, swap: 8 * 1024 });
    expect(grouped[0]).not.toHaveProperty('addr');
  });

  it('a zombie in the tree: status zombie', async () => {
    expect(await (await Process.create(4243, { procfs })).status()).toBe('zombie');
  });

  it('malformed stat → ParseError (never a crash); missing pid → NoSuchProcess', async () => {
    await expect(Process.create(4245, { procfs })).rejects.toBeInstanceOf(ParseError);
    await expect(Process.create(4246, { procfs })).rejects.toBeInstanceOf(ParseError);
    await expect(Process.create(9999, { procfs })).rejects.toBeInstanceOf(NoSuchProcess);
  });

  it('pids() and pidExists() over the tree', async () => {
    expect(await collector.pids({ procfs })).toEqual([4242, 4243, 4244, 4245, 4246, 4247]);
    expect(await collector.pidExists(4242, { procfs })).toBe(true);
    expect(await collector.pidExists(4243, { procfs })).toBe(true);
    // No status (no Tgid to check): psutil falls back to "pid in pids()".
    expect(await collector.pidExists(4244, { procfs })).toBe(true);
    expect(await collector.pidExists(9999, { procfs })).toBe(false);
  });

  it('processTable over a tree skips unparsable rows', async () => {
    const table = await collector.processTable({ procfs, fields: ['ppid', 'name', 'status', 'cmdline', 'memory'] });
    expect(table.rows.map((r) => r.pid).sort()).toEqual([4242, 4243, 4244, 4247]);
    const row = table.rows.find((r) => r.pid === 4247)!;
    expect(row).toMatchObject({ name: 'averyveryverylongname', ppid: 1, status: 'sleeping', cmdline: ['/usr/bin/averyveryverylongname', '-x'] });
  });
});

describe('the captured prometheus-procfs tree', () => {
  it('pid 26231 (vim)', async () => {
    const p = await Process.create(26231, FIXTURE_ROOTS);
    expect(await p.name()).toBe('vim');
    expect(await p.ppid()).toBe(5392);
    expect(await p.status()).toBe('running');
    expect(await p.cmdline()).toEqual(['vim', 'test.go', '+10']);
    expect(await p.createTime()).toBe(1418183276 + 82375 / CLOCK_TICKS);
    expect(await p.rlimit(RLIMIT_NOFILE)).toEqual([2048, 4096]);
    const io = await p.ioCounters();
    expect(io.readChars).toBe(750339);
  });
});
