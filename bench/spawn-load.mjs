// The ~1,000 (or 100, or 5,000) extra processes the issue asks for: `sleep 600`
// children, started in batches of BATCH by one shell per batch that is the
// leader of its own process group, so one kill(-pgid) ends a whole batch.
// Every group is killed on exit, on error, and on SIGINT/SIGTERM; were this
// process SIGKILLed, the sleeps would still end on their own after 600 s.
import { spawn } from 'node:child_process';

const BATCH = 100;
const groups = []; // { pid, size }
let hooked = false;

function killAll() {
  while (groups.length) {
    const g = groups.pop();
    try {
      process.kill(-g.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

function hook() {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      killAll();
      process.exit(130);
    });
  }
}

function startBatch(size) {
  return new Promise((resolve, reject) => {
    // On SIGTERM the shell kills its sleeps and reaps them, so a shrink leaves
    // no zombies behind in /proc (this machine's init reaps orphans slowly).
    const script = `p=; trap 'kill $p 2>/dev/null; wait; exit 0' TERM; i=0; while [ $i -lt ${size} ]; do sleep 600 & p="$p $!"; i=$((i+1)); done; echo ready; wait`;
    const child = spawn('sh', ['-c', script], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    const group = { pid: child.pid, size, child, exited: new Promise((r) => child.once('exit', r)) };
    groups.push(group);
    child.stdout.once('data', () => resolve());
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`load batch exited early (${code})`)));
  });
}

/** How many extra processes are running now. */
export function loadSize() {
  return groups.reduce((n, g) => n + g.size, 0);
}

/** Grows or shrinks the extra load to `n` sleeps (in steps of BATCH). */
export async function setLoad(n) {
  hook();
  const stopping = [];
  while (loadSize() > n && groups.length) {
    const g = groups.pop();
    g.child.kill('SIGTERM');
    stopping.push(g.exited);
  }
  await Promise.all(stopping);
  const pending = [];
  let size = loadSize();
  while (size < n) {
    const step = Math.min(BATCH, n - size);
    pending.push(startBatch(step));
    size += step;
    if (pending.length >= 10) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
}

/** Stops every batch and waits until they are reaped. */
export async function stopLoad() {
  await setLoad(0);
}
