// Section 7 (`--only net`): what the network columns add to the process page.
// The sampler's table read (ProcessTableReader, section 1's fields + io) with
// net: false and with net: true, alternated read by read so both see the same
// machine, while a helper process holds SOCKET_PAIRS loopback TCP connections
// (twice as many sockets) next to the run's extra processes. With net on, each
// read dumps every TCP and UDP socket through NETLINK_SOCK_DIAG and maps new
// inodes to processes; off, nothing of it is read.
//
// Then the question itself, in the same conditions: btop (its process
// box shown) and Procyon's backend serving the process page with the network
// columns hidden and shown, all three at once over the same windows, each
// charged from /proc as section 3 charges its subjects.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as collector from '@procyon/collector';
import { loadPageTopics } from './build-host.mjs';
import { TABLE_FIELDS, accounting, median, sleep } from './lib.mjs';
import { startBtop, startServe } from './steady.mjs';

const FIELDS = [...TABLE_FIELDS, 'io'];
/** Connected pairs the helper holds: 5,000 pairs are 10,000 open TCP sockets (plus its listener). */
export const SOCKET_PAIRS = 5000;

// The helper: a listener and SOCKET_PAIRS clients connected to it, opened in
// batches (a backlog of thousands at once is refused), then held until stdin closes.
const HOLDER = `
const net = require('node:net');
const held = [];
const server = net.createServer((s) => held.push(s)).listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, async () => {
  const { port } = server.address();
  for (let i = 0; i < ${SOCKET_PAIRS}; i += 250) {
    await Promise.all(Array.from({ length: Math.min(250, ${SOCKET_PAIRS} - i) }, () => new Promise((resolve, reject) => {
      const c = net.connect(port, '127.0.0.1', () => resolve());
      c.on('error', reject);
      held.push(c);
    })));
  }
  while (held.length < 2 * ${SOCKET_PAIRS}) await new Promise((r) => setTimeout(r, 10));
  process.stdout.write('ready\\n');
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
`;

/** Starts the socket holder (its fd limit raised to the hard limit for the sockets) and waits until every pair is connected. */
async function holdSockets() {
  const child = spawn('sh', ['-c', 'ulimit -n "$(ulimit -Hn)" && exec "$0" -e "$1"', process.execPath, HOLDER], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the socket holder exited (${code}) before its ${SOCKET_PAIRS} connections were open`)));
  });
  return { pid: child.pid, stop: () => child.stdin.end() };
}

/** `reads` reads of each reader after 2 untimed ones (the first is the whole table; the first net read maps every socket), alternated, `gapMs` apart. */
async function compare(reads, gapMs) {
  const off = new collector.ProcessTableReader({ fields: FIELDS });
  const on = new collector.ProcessTableReader({ fields: FIELDS, net: true });
  const time = async (reader) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const changes = await reader.read();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000, changes };
  };
  const off_ = [];
  const on_ = [];
  let last = null;
  for (let i = 0; i < reads + 2; i++) {
    if (i) await sleep(gapMs);
    const a = await time(off);
    await sleep(gapMs);
    const b = await time(on);
    last = b.changes;
    if (i < 2) continue;
    off_.push(a);
    on_.push(b);
  }
  const stats = (xs) => ({ wallMs: median(xs.map((x) => x.wall)), cpuMs: median(xs.map((x) => x.cpu)), reads: xs.length });
  const o = stats(off_);
  const n = stats(on_);
  return { processes: last.count, netHolders: last.net?.length ?? 0, off: o, on: n, addedWallMs: n.wallMs - o.wallMs, addedCpuMs: n.cpuMs - o.cpuMs, ratio: n.wallMs / o.wallMs };
}

/**
 * The process page's windows. The warm-up covers the start (the first net read
 * maps all 10,000 inodes by walking every process's fds; JIT; btop's first
 * full scan). Windows of 30 s hold 30 ticks of each subject and 3,000 clock
 * ticks of /proc accounting (10 ms each: ±0.03% of a core); four of them, back
 * to back, show how much a figure moves with the machine's other load, and
 * their sum is the figure.
 */
export const PAGE_WINDOWS = { warmup: 20, seconds: 30, count: 4 };
const QUICK_WINDOWS = { warmup: 5, seconds: 10, count: 2 };

/** The topics the renderer asks for on the Processes page with `columns` shown (store/topics.ts: topicsFor(page, hidden, columnTopics(columns))). */
async function processPageTopics() {
  const { topicsFor, COLUMNS, DEFAULT_COLUMNS, columnTopics } = await loadPageTopics();
  const netColumns = COLUMNS.filter((c) => c.topic === 'processNet').map((c) => c.id);
  if (netColumns.length === 0) throw new Error('the renderer has no column on the processNet topic');
  return {
    off: topicsFor('processes', false, columnTopics(DEFAULT_COLUMNS)),
    on: topicsFor('processes', false, columnTopics([...DEFAULT_COLUMNS, ...netColumns])),
  };
}

/** Counts the snapshots whose process table carries a network figure (a row's `net`, or other users' sum). */
function netCounter() {
  const counter = { withNet: 0 };
  counter.onSnapshot = (snap) => {
    const p = snap.processes;
    const rows = Array.isArray(p) ? p : (p?.rows ?? []);
    if (snap.netOtherUsers || rows.some((r) => r.net)) counter.withNet++;
  };
  return counter;
}

/**
 * The machine's TCP sockets now (both families, TIME_WAIT included): what the
 * dump walks. Tests of other sessions open and close sockets during the
 * windows, so the report shows how many there were.
 */
function tcpSockets() {
  const count = (file, re) => {
    const m = readFileSync(file, 'utf8').match(re);
    return m ? Number(m[1]) + Number(m[2] ?? 0) : 0;
  };
  return count('/proc/net/sockstat', /^TCP: inuse (\d+) orphan \d+ tw (\d+)/m) + count('/proc/net/sockstat6', /^TCP6: inuse (\d+)/m);
}

/** btop and serve with the network columns off and on, at once, over `count` windows of `seconds` after `warmup`. */
async function measurePage({ warmup, seconds, count }, log) {
  const topics = await processPageTopics();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-bench-net-'));
  const counters = { serveNetOff: netCounter(), serveNetOn: netCounter() };
  const subjects = {};
  const stopAll = () => {
    for (const s of Object.values(subjects)) s.stop();
  };
  process.once('exit', stopAll);
  try {
    subjects.btop = { label: 'btop, update_ms 1000 (in tmux)', ...(await startBtop(tmp)) };
    for (const [key, label, t] of [
      ['serveNetOff', 'procyon serve + 1 client on the Processes page, network columns hidden', topics.off],
      ['serveNetOn', 'the same, network columns shown', topics.on],
    ]) {
      subjects[key] = { label, topics: t, ...(await startServe(tmp, key, false, { topics: t, onSnapshot: counters[key].onSnapshot })) };
    }
    log(`  btop and the process page (network columns off, on) at once: warm-up ${warmup} s…`);
    await sleep(warmup * 1000);
    for (const [key, s] of Object.entries(subjects)) {
      const problem = s.check();
      if (problem) throw new Error(`${key}: ${problem}`);
    }
    if (counters.serveNetOn.withNet === 0) throw new Error('the client with the network columns shown received no network figure');
    if (counters.serveNetOff.withNet !== 0) throw new Error('the client with the network columns hidden received network figures');
    const read = () => {
      const out = Object.fromEntries(Object.entries(subjects).map(([k, s]) => [k, accounting(s.pid).cpuSeconds]));
      out.btopTmux = accounting(subjects.btop.tmuxPid).cpuSeconds;
      return { t: performance.now(), cpu: out, tcpSockets: tcpSockets() };
    };
    const keys = [...Object.keys(subjects), 'btopTmux'];
    const percent = (a, b) => Object.fromEntries(keys.map((k) => [k, ((b.cpu[k] - a.cpu[k]) / ((b.t - a.t) / 1000)) * 100]));
    const loadBefore = os.loadavg();
    const marks = [read()];
    for (let i = 1; i <= count; i++) {
      log(`  window ${i}/${count}: ${seconds} s…`);
      await sleep(marks[0].t + i * seconds * 1000 - performance.now());
      marks.push(read());
    }
    const windows = marks.slice(1).map((m, i) => percent(marks[i], m));
    const whole = percent(marks[0], marks[count]);
    const per = (k) => ({ cpuPercent: whole[k], windowsPercent: windows.map((w) => w[k]) });
    return {
      warmup,
      seconds: (marks[count].t - marks[0].t) / 1000,
      windowSeconds: seconds,
      loadAverage: { before: loadBefore, after: os.loadavg() },
      tcpSockets: marks.map((m) => m.tcpSockets),
      topics,
      btop: { label: subjects.btop.label, ...per('btop'), tmux: per('btopTmux') },
      off: { label: subjects.serveNetOff.label, ...per('serveNetOff') },
      on: { label: subjects.serveNetOn.label, ...per('serveNetOn'), snapshotsWithNet: counters.serveNetOn.withNet },
      addedPercent: { cpuPercent: whole.serveNetOn - whole.serveNetOff, windowsPercent: windows.map((w) => w.serveNetOn - w.serveNetOff) },
    };
  } finally {
    stopAll();
    process.off('exit', stopAll);
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** `n` × 5 reads of each reader, 50 ms apart, then the process page against btop, all with the sockets held. */
export async function measureNet({ n, quick, log }) {
  log(`  opening ${SOCKET_PAIRS} loopback TCP connections…`);
  const holder = await holdSockets();
  try {
    log('  ProcessTableReader with net off and on…');
    const live = await compare(5 * n, 50);
    const page = await measurePage(quick ? QUICK_WINDOWS : PAGE_WINDOWS, log);
    return { socketPairs: SOCKET_PAIRS, live, page };
  } finally {
    holder.stop();
  }
}
