// The table's cmdline budget: a process controls its argv (2 MB of it, of any
// bytes), and a table row is held, diffed and sent every tick. processTable()
// cuts a row's cmdline to what it costs JSON-encoded; Process#cmdline() stays
// psutil's whole answer.

import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

import { collector, makeTree } from './helpers';

const { processTable, ProcessTableReader, Process, TABLE_CMDLINE_BYTES } = collector;

function statLine(pid: number, comm: string): string {
  const fields: (string | number)[] = [pid, `(${comm})`, 'S', 1, pid, pid, 0, -1, 4194560, 10, 0, 2, 0, 250, 50, 7, 3, 20, 0, 1, 0, 4200 + pid, 123456789, 300];
  while (fields.length < 52) fields.push(0);
  return fields.join(' ') + '\n';
}

const encoded = (args: string[] | undefined) => Buffer.byteLength(JSON.stringify(args));
const long = 'a'.repeat(10_000);
const controls = '\x01'.repeat(3000);
// é is 2 bytes: placed so that the budget falls inside one.
const accents = 'é'.repeat(5000);
const invalid = Buffer.concat([Buffer.from('x\0'), Buffer.alloc(3000, 0xff), Buffer.from('\0')]);

const tree = makeTree({
  stat: 'cpu  1 2 3 4\nbtime 1000000\n',
  '100/stat': statLine(100, 'short'),
  '100/cmdline': 'short\0-x\0',
  '200/stat': statLine(200, 'long'),
  '200/cmdline': `long\0${long}\0`,
  '300/stat': statLine(300, 'controls'),
  '300/cmdline': `controls\0${controls}\0`,
  '400/stat': statLine(400, 'accents'),
  '400/cmdline': `accents\0${accents}\0`,
  '500/stat': statLine(500, 'invalid'),
  '500/cmdline': invalid,
});
afterAll(() => tree.cleanup());

describe('processTable cuts cmdline to its budget', () => {
  it('keeps a short cmdline whole and unmarked', async () => {
    const { rows } = await processTable({ procfs: tree.dir, fields: ['cmdline'] });
    const row = rows.find((r) => r.pid === 100)!;
    expect(row.cmdline).toEqual(['short', '-x']);
    expect(row.cmdlineBytes).toBeUndefined();
  });

  it('cuts by the encoded size, at a character, and says the whole size', async () => {
    const { rows } = await processTable({ procfs: tree.dir, fields: ['cmdline'] });
    const byPid = new Map(rows.map((r) => [r.pid, r]));
    const sizes: Record<number, number> = { 200: 5 + long.length + 1, 300: 9 + controls.length + 1, 400: 8 + Buffer.byteLength(accents) + 1, 500: invalid.length };
    for (const pid of [200, 300, 400, 500]) {
      const row = byPid.get(pid)!;
      expect(row.cmdlineBytes, `pid ${pid}`).toBe(sizes[pid]);
      expect(encoded(row.cmdline), `pid ${pid}`).toBeLessThanOrEqual(TABLE_CMDLINE_BYTES);
      // Cut close to the budget, not far below it.
      expect(encoded(row.cmdline), `pid ${pid}`).toBeGreaterThan(TABLE_CMDLINE_BYTES - 8);
    }
    expect([...byPid.get(300)!.cmdline![1]!].every((c) => c === '\x01')).toBe(true);
    expect(byPid.get(400)!.cmdline![1]).toMatch(/^é+$/);
    expect(byPid.get(500)!.cmdline![1]).toMatch(/^\uFFFD+$/);
  });

  it('takes another budget, and the reader keeps it', async () => {
    const { rows } = await processTable({ procfs: tree.dir, fields: ['cmdline'], cmdlineBytes: 100 });
    expect(encoded(rows.find((r) => r.pid === 200)!.cmdline)).toBeLessThanOrEqual(100);
    const reader = new ProcessTableReader({ procfs: tree.dir, fields: ['cmdline'], cmdlineBytes: 200 });
    const first = await reader.read();
    expect(encoded(first.rows.find((r) => r.pid === 300)!.cmdline)).toBeLessThanOrEqual(200);
    expect(() => new ProcessTableReader({ cmdlineBytes: 1 })).toThrow(/cmdlineBytes/);
  });
});

describe('a live process with a long argv', () => {
  let child: ChildProcess | undefined;
  afterAll(() => child?.kill('SIGKILL'));

  it('is cut in the table, whole through Process#cmdline', async () => {
    const args = Array.from({ length: 10 }, (_, i) => `${i}`.repeat(100_000));
    child = spawn('sleep', ['60', ...args], { stdio: 'ignore' });
    const pid = child.pid!;
    let row: Awaited<ReturnType<typeof processTable>>['rows'][number] | undefined;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      row = (await processTable({ fields: ['cmdline'] })).rows.find((r) => r.pid === pid);
      if (row && row.cmdline?.[0] === 'sleep') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(row!.cmdlineBytes).toBe(6 + 3 + 10 * 100_001);
    expect(encoded(row!.cmdline)).toBeLessThanOrEqual(TABLE_CMDLINE_BYTES);
    const proc = await Process.create(pid);
    expect(await proc.cmdline()).toEqual(['sleep', '60', ...args]);
  });
});
