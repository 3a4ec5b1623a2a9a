// The sock_diag answer parser (src/linux/parse/sock_diag.h) on real bytes:
// test/native/sock_diag_parse.cc builds answers as the kernel lays them out
// (linux/inet_diag.h structs) and malformed ones, and prints what the parser
// made of each. A malformed or truncated answer must be a typed error
// (PARSE_ERROR; a kernel refusal IO_ERROR with its errno), never a crash.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PACKAGE_DIR } from './helpers';

interface Case {
  case: string;
  done?: boolean;
  sockets?: { inode: number; sport: number; dport: number; src: string; uid: number; sent: number | null; received: number | null }[];
  cookies?: [number, string][];
  code?: string;
  errno?: number;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'procyon-sockdiag-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let cases = new Map<string, Case>();

beforeAll(() => {
  const bin = path.join(scratch, 'sock_diag_parse');
  const src = path.join(PACKAGE_DIR, 'src');
  const build = spawnSync('g++', ['-std=c++17', '-O0', '-g', '-fsanitize=address,undefined', '-fno-sanitize-recover=undefined', `-I${src}`, path.join(PACKAGE_DIR, 'test/native/sock_diag_parse.cc'), path.join(src, 'common/error.cc'), '-o', bin], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  const run = spawnSync(bin, [], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  cases = new Map(run.stdout.trim().split('\n').map((line) => { const c = JSON.parse(line) as Case; return [c.case, c]; }));
}, 120_000);

describe('sock_diag answer parser', () => {
  it('reads each socket: addresses, ports, uid, inode and tcp_info bytes, and the end of the dump', () => {
    expect(cases.get('whole')).toEqual({
      case: 'whole',
      done: true,
      sockets: [
        { inode: 4242, sport: 8080, dport: 40000, src: '127.0.0.1', uid: 1000, sent: 50000000, received: 5000000 },
        { inode: 4343, sport: 8080, dport: 40000, src: '127.0.0.1', uid: 1000, sent: 7, received: 9 },
      ],
    });
    expect(cases.get('more')).toMatchObject({ done: false, sockets: [{ inode: 4242 }] });
  });

  it("reads the one-walk request's answer (TCPDIAG_GETSOCK messages) and each socket's 64-bit cookie", () => {
    expect(cases.get('one-walk')).toEqual({ case: 'one-walk', done: true, cookies: [[7, String(0x123456789abcdef0n)], [8, '5']] });
  });

  it('a tcp_info too short for the byte counters (an old kernel) or none leaves them unknown', () => {
    expect(cases.get('old-kernel-info')?.sockets?.[0]).toMatchObject({ inode: 1, sent: null, received: null });
    expect(cases.get('no-info')?.sockets?.[0]).toMatchObject({ inode: 2, sent: null, received: null });
  });

  it("the kernel's refusal is IO_ERROR with its errno", () => {
    expect(cases.get('kernel-error')).toEqual({ case: 'kernel-error', code: 'IO_ERROR', errno: 13 });
  });

  it('every truncation and every length out of bounds is PARSE_ERROR', () => {
    const cuts = [...cases.values()].filter((c) => c.case.startsWith('cut-'));
    expect(cuts.length).toBeGreaterThan(100);
    for (const c of cuts) expect(c).toEqual({ case: c.case, code: 'PARSE_ERROR', errno: 0 });
    for (const name of ['length-past-end', 'length-below-header', 'attribute-past-end', 'over-limit']) {
      expect(cases.get(name)).toEqual({ case: name, code: 'PARSE_ERROR', errno: 0 });
    }
  });
});
