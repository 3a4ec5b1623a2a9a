import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { applyDelta, DeltaParts, MESSAGE_BUDGET_BYTES, PROCESS_TEXT_CUT_BYTES, WS_PATH, type ProcessRow, type ServerMessage } from '../../app/shared';
import { ensureCliBuilt, REPO } from '../security/cli-build';

// Item 7 of issue 17 as an attacker plays it: 50 processes of an unprivileged
// user, each with ~1.5 MB of argv (a few of \x01 bytes, which JSON makes six
// times longer), under a real `procyon serve` child. A client on the
// Processes page keeps getting ticks, no message exceeds the budget, and the
// host's RSS stays bounded. Before the cut, the host held and sent every
// argv whole: a first message of ~100 MB, hundreds of MB of RSS, and with
// enough \x01 bytes `RangeError: Invalid string length`.

const NOBODY = { uid: 65534, gid: 65534 };
const BOMBS = 50;
const CONTROL_BOMBS = 5;
const ARG_BYTES = 100_000;
const ARGS_PER_BOMB = 15; // 1.5 MB each: under the kernel's argv limit (a quarter of an 8 MiB stack)
/** The bound this test states: the host's RSS with the bombs present, and its growth from before them. */
const RSS_BOUND_BYTES = 256 * 1024 * 1024;
const RSS_GROWTH_BOUND_BYTES = 48 * 1024 * 1024;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => T | undefined | false, ms = 30_000): Promise<T> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(50)) {
    const v = probe();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

const rssOf = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

let host: ChildProcess;
let port = 0;
let token = '';
const bombs: ChildProcess[] = [];
let output = '';

beforeAll(async () => {
  ensureCliBuilt();
  host = spawn(process.execPath, [path.join(REPO, 'bin/procyon.js'), 'serve', '--port', '0', '--interval', '300', '--read-only', '--no-settings'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  host.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  host.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const m = await until('the serve URL', () => /http:\/\/127\.0\.0\.1:(\d+)\/\S*token=([\w-]+)/.exec(output) ?? false, 30_000);
  port = Number(m[1]);
  token = m[2]!;
}, 120_000);

afterAll(async () => {
  for (const b of bombs) b.kill('SIGKILL');
  if (host && host.exitCode === null) {
    const gone = new Promise((r) => host.once('exit', r));
    host.kill('SIGTERM');
    await gone;
  }
});

interface Client {
  ws: WebSocket;
  sizes: number[];
  table: ProcessRow[] | null;
  ticks: number;
  firstSize: number;
}

async function processesClient(): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}`, { headers: { authorization: `Bearer ${token}` }, maxPayload: 256 * 1024 * 1024 });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  const c: Client = { ws, sizes: [], table: null, ticks: 0, firstSize: 0 };
  const parts = new DeltaParts();
  ws.on('message', (data: Buffer) => {
    c.sizes.push(data.length);
    const m = JSON.parse(data.toString()) as ServerMessage;
    if (m.type !== 'snapshot' || !m.snapshot.processDelta) return;
    if (c.firstSize === 0) c.firstSize = data.length;
    const d = parts.accept(m.snapshot.seq, m.snapshot.processDelta);
    if (d === 'pending') return;
    expect(d).not.toBeNull();
    c.table = d!.base === null ? d!.rows : applyDelta(c.table ?? [], d!);
    expect(c.table).not.toBeNull();
    c.ticks++;
  });
  ws.send(JSON.stringify({ type: 'call', id: 1, op: 'setTopics', arg: { topics: ['processes'] } }));
  ws.send(JSON.stringify({ type: 'subscribe' }));
  return c;
}

describe('50 processes of an unprivileged user with 1.5 MB of argv each', () => {
  it('leave the host bounded: ticks keep coming, messages stay under the budget, RSS under its bound', async () => {
    const watcher = await processesClient();
    await until('the first ticks', () => watcher.ticks >= 3);
    const rssBefore = rssOf(host.pid!);

    for (let i = 0; i < BOMBS; i++) {
      const fill = i < CONTROL_BOMBS ? '\x01' : String.fromCharCode(97 + (i % 26));
      const args = Array.from({ length: ARGS_PER_BOMB }, () => fill.repeat(ARG_BYTES));
      // A shell blocked reading its stdin: one process that ignores its arguments and keeps them.
      bombs.push(spawn('sh', ['-c', 'read x', 'bomb', ...args], { ...NOBODY, stdio: ['pipe', 'ignore', 'ignore'] }));
    }
    const pids = new Set(bombs.map((b) => b.pid!));
    // Every bomb in the watcher's table, having exec'd (its cmdline is the shell's).
    const inTable = () => watcher.table?.filter((r) => pids.has(r.pid) && r.cmdline[3] === 'bomb') ?? [];
    await until('every bomb in the table', () => inTable().length === BOMBS).catch((err: Error) => {
      const seen = watcher.table?.filter((r) => pids.has(r.pid)) ?? [];
      throw new Error(`${err.message}: ${watcher.ticks} ticks, ${seen.length} bombs seen (${JSON.stringify(seen[0]?.cmdline.slice(0, 3))}); host said:\n${output.slice(-2000)}`);
    });
    for (const row of inTable()) {
      expect(Buffer.byteLength(JSON.stringify(row.cmdline))).toBeLessThanOrEqual(PROCESS_TEXT_CUT_BYTES);
      expect(row.cmdlineBytes).toBe('sh -c read x bomb '.length + ARGS_PER_BOMB * (ARG_BYTES + 1));
    }

    // Ticks keep coming with the bombs there, to this client and to a new one (whose first message is the whole table).
    const at = watcher.ticks;
    await until('more ticks', () => watcher.ticks >= at + 5);
    const late = await processesClient();
    await until('the new client\'s ticks', () => late.ticks >= 3);
    expect(late.table!.filter((r) => pids.has(r.pid))).toHaveLength(BOMBS);
    // The whole table with 50 bombs: a few hundred KB, not ~100 MB.
    expect(late.firstSize).toBeLessThan(2 * 1024 * 1024);

    const rssAfter = rssOf(host.pid!);
    console.log(`host RSS: ${(rssBefore / 2 ** 20).toFixed(0)} MiB before the bombs, ${(rssAfter / 2 ** 20).toFixed(0)} MiB with them; largest message ${Math.max(...watcher.sizes, ...late.sizes)} bytes`);
    expect(rssAfter).toBeLessThan(RSS_BOUND_BYTES);
    expect(rssAfter - rssBefore).toBeLessThan(RSS_GROWTH_BOUND_BYTES);
    for (const size of [...watcher.sizes, ...late.sizes]) expect(size).toBeLessThanOrEqual(MESSAGE_BUDGET_BYTES);
    expect(host.exitCode).toBeNull();
    watcher.ws.close();
    late.ws.close();
  }, 90_000);
});
