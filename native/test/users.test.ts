// users() over a binary utmp written here (glibc x86_64 struct utmp: 384 bytes).

import { afterAll, describe, expect, it } from 'vitest';

import { collector, makeTree } from './helpers';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

const RECORD = 384;
const USER_PROCESS = 7;
const LOGIN_PROCESS = 6;
const BOOT_TIME = 2;

interface Entry {
  type: number;
  pid?: number;
  line?: string;
  id?: string;
  user?: string;
  host?: string;
  sec?: number;
  usec?: number;
}

// Field offsets of glibc's struct utmp on x86_64 (little-endian).
function record(entry: Entry): Buffer {
  const buf = Buffer.alloc(RECORD);
  buf.writeInt16LE(entry.type, 0);
  buf.writeInt32LE(entry.pid ?? 0, 4);
  buf.write(entry.line ?? '', 8, 32, 'utf8');
  buf.write(entry.id ?? '', 40, 4, 'utf8');
  buf.write(entry.user ?? '', 44, 32, 'utf8');
  buf.write(entry.host ?? '', 76, 256, 'utf8');
  buf.writeInt32LE(entry.sec ?? 0, 340);
  buf.writeInt32LE(entry.usec ?? 0, 344);
  return buf;
}

function utmpFile(bytes: Buffer): string {
  const { dir, cleanup } = makeTree({ utmp: bytes });
  cleanups.push(cleanup);
  return `${dir}/utmp`;
}

describe('users({utmp})', () => {
  it('USER_PROCESS records only, with psutil’s field rules', async () => {
    const longName = 'u'.repeat(32); // fills ut_user: no NUL terminator
    const file = utmpFile(
      Buffer.concat([
        record({ type: BOOT_TIME, user: 'reboot', line: '~', sec: 1600000000 }),
        record({ type: USER_PROCESS, pid: 1234, line: 'pts/0', id: 'ts/0', user: 'alice', host: '10.0.0.5', sec: 1700000000, usec: 999999 }),
        record({ type: LOGIN_PROCESS, pid: 99, line: 'tty1', user: 'LOGIN' }),
        record({ type: USER_PROCESS, pid: 2000, line: 'tty7', user: 'bob', host: ':0', sec: 1700000100 }),
        record({ type: USER_PROCESS, pid: 2001, line: '', user: longName, host: ':0.0', sec: 1700000200 }),
        Buffer.alloc(100, 0x41), // a torn trailing record: ignored
      ]),
    );
    expect(await collector.users({ utmp: file })).toEqual([
      // started is ut_tv.tv_sec only, as psutil's C code.
      { name: 'alice', terminal: 'pts/0', host: '10.0.0.5', started: 1700000000, pid: 1234 },
      { name: 'bob', terminal: 'tty7', host: 'localhost', started: 1700000100, pid: 2000 },
      { name: longName, terminal: null, host: 'localhost', started: 1700000200, pid: 2001 },
    ]);
  });

  it('a missing utmp file means nobody is logged in; an empty one too', async () => {
    expect(await collector.users({ utmp: '/nonexistent/utmp' })).toEqual([]);
    expect(await collector.users({ utmp: utmpFile(Buffer.alloc(0)) })).toEqual([]);
  });

  it('random bytes never crash: a list of users or nothing', async () => {
    for (let i = 0; i < 20; i++) {
      const bytes = Buffer.alloc(RECORD * 3);
      for (let j = 0; j < bytes.length; j++) bytes[j] = (j * 7919 + i * 104729) & 0xff;
      bytes.writeInt16LE(USER_PROCESS, RECORD);
      const result = await collector.users({ utmp: utmpFile(bytes) });
      expect(Array.isArray(result)).toBe(true);
      for (const user of result) expect(typeof user.name).toBe('string');
    }
  });

  it('a non-string utmp option is an InvalidArgument', async () => {
    await expect(collector.users({ utmp: 5 as unknown as string })).rejects.toBeInstanceOf(collector.InvalidArgument);
  });
});
