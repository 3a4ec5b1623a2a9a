// Run by action_identity.test.ts inside a fresh user + pid namespace
// (unshare -Urpf --mount-proc), where writing ns_last_pid lets us hand a pid
// to a new process on purpose. For each action: spawn `sleep` (pid P), start
// the action held between its identity check and its syscall by the test hook
// (PROCYON_TEST_ACTION_GATE), kill the sleep there, give P to a second sleep,
// let the action go, and report what it answered and whether the successor
// was touched. Prints one JSON line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getPriority, tmpdir } from 'node:os';
import path from 'node:path';

const collector = createRequire(import.meta.url)(process.argv[2]);

const exited = (child) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));

function statFields(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

async function started(child) {
  // Until exec completes the child still runs node's image.
  for (let i = 0; i < 200 && readFileSync(`/proc/${child.pid}/comm`, 'utf8') !== 'sleep\n'; i++) await new Promise((r) => setTimeout(r, 10));
}

/** A new `sleep` that holds `pid`, or null when the namespace would not give it. */
async function sleepWithPid(pid) {
  for (let attempt = 0; attempt < 5; attempt++) {
    writeFileSync('/proc/sys/kernel/ns_last_pid', String(pid - 1));
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    if (child.pid === pid) return child;
    child.kill('SIGKILL');
    await exited(child);
  }
  return null;
}

// Seven above the nice this runs at (0 unless the suite runs niced): raising it needs no privilege in the namespace.
const NICE = Math.min(19, getPriority() + 7);

const ACTIONS = {
  nice: (p) => p.nice(NICE),
  ionice: (p) => p.ionice(2, 5),
  cpuAffinity: (p) => p.cpuAffinity([0]),
  rlimit: (p) => p.rlimit(7 /* RLIMIT_NOFILE */, [100, 200]),
  signal: (p) => p.terminate(),
};

async function run(name) {
  const first = spawn('sleep', ['60'], { stdio: 'ignore' });
  await started(first);
  const proc = await collector.Process.create(first.pid);
  const gate = mkdtempSync(path.join(tmpdir(), 'procyon-gate-'));
  process.env.PROCYON_TEST_ACTION_GATE = gate;
  let settled = false;
  const answer = ACTIONS[name](proc).then(
    () => ((settled = true), { ok: true }),
    (err) => ((settled = true), { ok: false, code: err.code, message: err.message }),
  );
  try {
    while (!settled && !existsSync(path.join(gate, 'checked'))) await new Promise((r) => setTimeout(r, 5));
    if (settled) {
      // No gate: nothing could be done in between.
      first.kill('SIGKILL');
      return { name, reused: false, ...(await answer) };
    }
    first.kill('SIGKILL');
    await exited(first);
    const successor = await sleepWithPid(first.pid);
    if (successor) await started(successor);
    writeFileSync(path.join(gate, 'go'), '');
    const result = await answer;
    if (!successor) return { name, reused: false };
    return await report(name, result, successor);
  } finally {
    delete process.env.PROCYON_TEST_ACTION_GATE;
    rmSync(gate, { recursive: true, force: true });
  }
}

async function report(name, result, successor) {
  const fields = statFields(successor.pid);
  const report = { name, reused: true, ...result, successorNice: Number(fields[16]), successorState: fields[0] };
  successor.kill('SIGKILL');
  await exited(successor);
  return report;
}

(async () => {
  const reports = [];
  for (const name of Object.keys(ACTIONS)) reports.push(await run(name));
  process.stdout.write(`${JSON.stringify(reports)}\n`);
})().catch((err) => {
  process.stdout.write(`${JSON.stringify({ error: String(err && err.stack) })}\n`);
  process.exitCode = 1;
});
