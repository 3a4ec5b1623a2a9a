// Section 7 (`--only net`): what the network columns add to the process page.
// The sampler's table read (ProcessTableReader, section 1's fields + io) with
// net: false and with net: true, alternated read by read so both see the same
// machine, while a helper process holds SOCKET_PAIRS loopback TCP connections
// (twice as many sockets) next to the run's extra processes. With net on, each
// read dumps every TCP and UDP socket through NETLINK_SOCK_DIAG and maps new
// inodes to processes; off, nothing of it is read.
import { spawn } from 'node:child_process';
import * as collector from '@procyon/collector';
import { TABLE_FIELDS, median, sleep } from './lib.mjs';

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

/** `n` × 5 reads of each reader, 50 ms apart, with the sockets held. */
export async function measureNet({ n, log }) {
  log(`  opening ${SOCKET_PAIRS} loopback TCP connections…`);
  const holder = await holdSockets();
  try {
    log('  ProcessTableReader with net off and on…');
    const live = await compare(5 * n, 50);
    return { socketPairs: SOCKET_PAIRS, live };
  } finally {
    holder.stop();
  }
}
