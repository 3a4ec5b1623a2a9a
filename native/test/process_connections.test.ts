// Process#netConnections is the system-wide /proc/net parse filtered by the
// process's socket inodes (psutil's Connections.retrieve(kind, pid)): one
// parser, so a process's view can never disagree with netConnections().

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { collector, treeFactory } from './helpers';

const { Process, AF_INET, AF_UNIX, SOCK_STREAM } = collector;
const PYTHON = '/usr/bin/python3';
const tree = treeFactory(afterAll);
const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';

/** A tree holding this process's identity, whose fds are the links given. */
function treeWith(net: Record<string, string>, fds: Record<string, string>) {
  const pid = process.pid;
  const roots = tree({
    'proc/stat': readFileSync('/proc/stat'),
    [`proc/${pid}/stat`]: readFileSync(`/proc/${pid}/stat`),
    [`proc/${pid}/status`]: readFileSync(`/proc/${pid}/status`),
    [`proc/${pid}/fd/.keep`]: '',
    ...Object.fromEntries(Object.entries(net).map(([file, text]) => [`proc/net/${file}`, text])),
  });
  for (const [fd, target] of Object.entries(fds)) symlinkSync(target, path.join(roots.procfs, `${pid}/fd/${fd}`));
  return { roots, pid };
}

describe('a captured tree', () => {
  it('an inet socket held at two descriptors (dup) is one connection, at the first listed, as psutil', async () => {
    const { roots, pid } = treeWith(
      { tcp: `${HEADER}   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 777 1 0\n`, udp: HEADER, unix: 'h\n' },
      { '3': 'socket:[777]', '4': 'socket:[777]', '5': 'socket:[999]', '6': '/dev/null' },
    );
    const proc = await Process.create(pid, roots);
    const listening = { family: AF_INET, type: SOCK_STREAM, laddr: { ip: '127.0.0.1', port: 8080 }, raddr: null, status: 'LISTEN' };
    // The descriptor psutil reports is the first in <pid>/fd's directory order.
    const first = readdirSync(path.join(roots.procfs, `${pid}/fd`)).find((fd) => fd === '3' || fd === '4');
    expect(await proc.netConnections({ kind: 'tcp' })).toEqual([{ fd: Number(first), ...listening }]);
    // The system view of the same tree: the same row, with its pid.
    expect(await collector.netConnections({ ...roots, kind: 'tcp' })).toEqual([{ fd: Number(first), pid, ...listening }]);
  });

  it('a unix socket keeps one row per descriptor (psutil pairs every (pid, fd) of a unix inode)', async () => {
    const { roots, pid } = treeWith(
      { tcp: HEADER, udp: HEADER, unix: 'Num       RefCount Protocol Flags    Type St Inode Path\n0: 00000002 00000000 00010000 0001 01 888 /run/x.sock\n' },
      { '7': 'socket:[888]', '9': 'socket:[888]' },
    );
    const proc = await Process.create(pid, roots);
    const row = { family: AF_UNIX, type: SOCK_STREAM, laddr: '/run/x.sock', raddr: '', status: 'NONE' };
    // psutil answers a set: the order is the fd directory's, so compare sorted.
    const rows = (await proc.netConnections({ kind: 'unix' })).sort((a, b) => a.fd - b.fd);
    expect(rows).toEqual([{ fd: 7, ...row }, { fd: 9, ...row }]);
  });

  it('a TCP state psutil does not know is a parse error for the process too, as for the system', async () => {
    const { roots, pid } = treeWith(
      { tcp: `${HEADER}   0: 0100007F:1F90 00000000:0000 0C 00000000:00000000 00:00000000 00000000  1000        0 777 1 0\n`, udp: HEADER, unix: 'h\n' },
      { '3': 'socket:[777]' },
    );
    const proc = await Process.create(pid, roots);
    await expect(collector.netConnections({ ...roots, kind: 'tcp' })).rejects.toMatchObject({ code: 'PARSE_ERROR' });
    await expect(proc.netConnections({ kind: 'tcp' })).rejects.toMatchObject({ code: 'PARSE_ERROR' });
  });
});

describe('live, against python3-psutil', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('a process holding a listening socket at two descriptors: the same connections as psutil', async () => {
    const script = [
      'import os, socket, sys',
      's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()',
      'os.dup(s.fileno())',
      'print(s.getsockname()[1], flush=True)',
      'sys.stdin.read()',
    ].join('\n');
    const child = spawn(PYTHON, ['-c', script], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim())));
      child.once('exit', () => reject(new Error('the socket holder exited')));
    });
    const ps = spawnSync(
      PYTHON,
      ['-c', `import json, psutil; print(json.dumps([[c.fd, c.family, c.type, list(c.laddr), list(c.raddr), c.status] for c in psutil.Process(${child.pid}).connections('tcp')]))`],
      { encoding: 'utf8' },
    );
    expect(ps.status, ps.stderr).toBe(0);
    const theirs = JSON.parse(ps.stdout) as unknown[][];
    const ours = (await (await Process.create(child.pid!)).netConnections({ kind: 'tcp' })).map((c) => [
      c.fd,
      c.family,
      c.type,
      c.laddr && typeof c.laddr === 'object' ? [c.laddr.ip, c.laddr.port] : [],
      c.raddr && typeof c.raddr === 'object' ? [c.raddr.ip, c.raddr.port] : [],
      c.status,
    ]);
    expect(theirs).toHaveLength(1);
    expect(ours).toEqual(theirs);
    expect(ours[0]![3]).toEqual(['127.0.0.1', port]);
  });
});
