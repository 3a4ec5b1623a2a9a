// Section 3: steady-state cost at a 1 s refresh. Every subject runs at the
// same time over the same window (so they share the machine's conditions),
// and is charged from /proc: utime+stime of the process, its reaped children
// (cutime+cstime) and its live descendants; VmHWM as the peak; VmRSS sampled
// through the window to see whether it is flat.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { BENCH_DIR, PYTHON, ROOT, accounting, median, sleep } from './lib.mjs';

const ALL_TOPICS = ['cpu', 'disks', 'partitions', 'network', 'sensors', 'battery'];
const ELD_PRELOAD = pathToFileURL(path.join(BENCH_DIR, 'eld-preload.mjs')).href;

/**
 * A Node subject; with `eldFile`, preloaded with the event-loop probe. The
 * probe's 1 ms timer costs about 1% of a core, so CPU is measured on subjects
 * without it and the event loop on twin subjects with it.
 */
function nodeChild(args, eldFile) {
  return spawn(process.execPath, eldFile ? ['--import', ELD_PRELOAD, ...args] : args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: eldFile ? { ...process.env, PROCYON_BENCH_ELD_FILE: eldFile } : process.env,
  });
}

function waitForLine(stream, re, ms) {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re}; got: ${buf.slice(0, 500)}`)), ms);
    const onData = (d) => {
      buf += d;
      const m = buf.match(re);
      if (m) {
        clearTimeout(timer);
        stream.off('data', onData);
        resolve(m);
      }
    };
    stream.on('data', onData);
  });
}

const killChild = (child) => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};

/**
 * `procyon serve` on a free port with one WebSocket client that has every system topic on screen
 * (or `topics`); `onSnapshot` sees each snapshot the client receives.
 */
export async function startServe(tmp, name, probe, { topics = ALL_TOPICS, args = [], optional = false, onSnapshot } = {}) {
  const eld = probe ? path.join(tmp, `${name}.eld`) : null;
  const child = nodeChild([path.join(ROOT, 'bin', 'procyon.js'), 'serve', '--port', '0', '--no-settings', ...args], eld);
  const [url] = await waitForLine(child.stdout, /http:\/\/\S+#token=\S+/, 20000);
  const u = new URL(url);
  // The printed URL carries the token in its fragment; a script presents it as a Bearer header.
  const token = new URLSearchParams(u.hash.slice(1)).get('token');
  const ws = new WebSocket(`ws://${u.host}/api/ws`, { headers: { authorization: `Bearer ${token}` } });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const state = { snapshots: 0, topicsReply: null };
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.type === 'snapshot') {
      state.snapshots++;
      onSnapshot?.(msg.snapshot);
    }
    else if (msg.type === 'reply' && msg.id === 1) state.topicsReply = msg;
  });
  ws.send(JSON.stringify({ type: 'call', id: 1, op: 'setTopics', arg: { topics } }));
  ws.send(JSON.stringify({ type: 'subscribe' }));
  return {
    pid: child.pid,
    eld,
    state,
    // An optional variant this build cannot do (setTopics refused) is left out, not an error.
    check: () => (state.topicsReply?.ok ? null : optional ? 'unsupported' : `setTopics failed: ${JSON.stringify(state.topicsReply)}`),
    stop: () => {
      ws.terminate();
      killChild(child);
    },
  };
}

function startNodeScript(tmp, name, args, probe) {
  const eld = probe ? path.join(tmp, `${name}.eld`) : null;
  const child = nodeChild(args, eld);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return { pid: child.pid, eld, check: () => (child.exitCode !== null ? `exited ${child.exitCode}: ${stderr.trim()}` : null), stop: () => killChild(child) };
}

function startPlain(cmd, args) {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return { pid: child.pid, check: () => (child.exitCode !== null ? `exited ${child.exitCode}: ${stderr.trim()}` : null), stop: () => killChild(child) };
}

/** A terminal monitor in a detached 200×50 tmux session on its own tmux server socket. */
async function startInTmux(name, command, env = {}) {
  const sock = `procyon-bench-${name}-${process.pid}`;
  const tmux = (...a) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8', env: { ...process.env, TMUX: '' } });
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const r = tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50', ...envArgs, `exec ${command}`);
  if (r.status !== 0) throw new Error(`tmux: ${r.stderr}`);
  await sleep(1000);
  const panePid = Number(tmux('list-panes', '-t', name, '-F', '#{pane_pid}').stdout.trim());
  const serverPid = Number(tmux('display-message', '-p', '-t', name, '#{pid}').stdout.trim());
  const comm = existsSync(`/proc/${panePid}/comm`) ? readFileSync(`/proc/${panePid}/comm`, 'utf8').trim() : '(gone)';
  if (comm !== name) throw new Error(`expected ${name} in the tmux pane, found ${comm}`);
  const stop = () => tmux('kill-server');
  process.once('exit', stop);
  return { pid: panePid, tmuxPid: serverPid, check: () => null, stop };
}

/** htop -d 10: a 1 s refresh. */
const startHtop = () => startInTmux('htop', 'htop -d 10');

/** btop with update_ms = 1000 (its default is 2000) from a config of its own. */
export function startBtop(tmp) {
  const config = path.join(tmp, 'btop-config');
  mkdirSync(path.join(config, 'btop'), { recursive: true });
  writeFileSync(path.join(config, 'btop', 'btop.conf'), 'update_ms = 1000\nshown_boxes = "cpu mem net proc"\n');
  return startInTmux('btop', 'btop --utf-force', { XDG_CONFIG_HOME: config, LANG: 'C.UTF-8' });
}

function readEld(file) {
  if (!file || !existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  return lines.length ? JSON.parse(lines[lines.length - 1]) : null;
}

/**
 * Runs every subject at once for `seconds` after a warm-up and returns, per
 * subject, CPU % of one core, peak RSS, RSS growth and (Node subjects) the
 * event loop's worst delay.
 */
export async function measureSteady({ seconds, warmup, hostBundle, log }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-bench-steady-'));
  const subjects = {};
  const sampler = (...flags) => [path.join(BENCH_DIR, 'sampler-alone.mjs'), hostBundle, ...flags];
  const withProcesses = { topics: [...ALL_TOPICS, 'processes'], optional: true };
  // [key, label, start, event-loop probe?]
  const defs = [
    ['serve', 'procyon serve + 1 client (all system topics)', (k, p) => startServe(tmp, k, p)],
    ['serveNoMetrics', 'the same, serve --no-metrics', (k, p) => startServe(tmp, k, p, { args: ['--no-metrics'] })],
    ['serveProcesses', 'procyon serve + 1 client (system + processes topics)', (k, p) => startServe(tmp, k, p, withProcesses)],
    ['tray', 'procyon sampler alone (no topics: tray)', (k, p) => startNodeScript(tmp, k, sampler(), p)],
    ['htop', 'htop -d 10 (in tmux)', () => startHtop()],
    ['btop', 'btop, update_ms 1000 (in tmux)', () => startBtop(tmp)],
    ['psutil', 'psutil loop: system calls', () => startPlain(PYTHON, [path.join(BENCH_DIR, 'psutil_loop.py')])],
    ['psutilTable', 'psutil loop: system + process_iter', () => startPlain(PYTHON, [path.join(BENCH_DIR, 'psutil_loop.py'), '--table'])],
    ['si', 'systeminformation loop: system calls', () => startPlain(process.execPath, [path.join(BENCH_DIR, 'si-loop.mjs')])],
    ['siTable', 'systeminformation loop: system + processes()', () => startPlain(process.execPath, [path.join(BENCH_DIR, 'si-loop.mjs'), '--table'])],
    ['serveProbe', 'procyon serve + 1 client (system topics)', (k, p) => startServe(tmp, k, p), true],
    ['serveProcessesProbe', 'procyon serve + 1 client (system + processes)', (k, p) => startServe(tmp, k, p, withProcesses), true],
    ['trayProbe', 'sampler alone', (k, p) => startNodeScript(tmp, k, sampler(), p), true],
    ['idle', 'idle node (reference)', (k, p) => startNodeScript(tmp, k, [path.join(BENCH_DIR, 'idle.cjs')], p), true],
  ];
  const stopAll = () => {
    for (const s of Object.values(subjects)) s.stop();
  };
  process.once('exit', stopAll);
  try {
    for (const [key, label, start, probe = false] of defs) {
      try {
        subjects[key] = { label, probe, ...(await start(key, probe)) };
      } catch (err) {
        // btop is a reference, not a subject the run depends on: the report falls back to the figure.
        if (key !== 'btop') throw err;
        log(`  btop did not start (${err.message}); comparing with the issue's reference figure`);
      }
    }
    log(`  warm-up ${warmup} s…`);
    await sleep(warmup * 1000);
    const unsupported = [];
    for (const [key, s] of Object.entries(subjects)) {
      const problem = s.check();
      if (problem === 'unsupported') {
        unsupported.push(key);
        s.stop();
        delete subjects[key];
      } else if (problem) throw new Error(`${key}: ${problem}`);
    }
    const signalEld = () => {
      for (const s of Object.values(subjects)) if (s.eld) process.kill(s.pid, 'SIGUSR2');
    };
    signalEld(); // start the event-loop window now
    const t0 = performance.now();
    const start = {};
    const rss = {};
    for (const [key, s] of Object.entries(subjects)) {
      start[key] = accounting(s.pid);
      rss[key] = [start[key].rss];
    }
    for (const t of ['htop', 'btop']) if (subjects[t]?.tmuxPid) start[`${t}Tmux`] = accounting(subjects[t].tmuxPid);
    log(`  measuring ${seconds} s…`);
    const step = Math.max(2, Math.round(seconds / 15));
    for (let t = step; t < seconds; t += step) {
      await sleep(t * 1000 - (performance.now() - t0));
      for (const [key, s] of Object.entries(subjects)) rss[key].push(accounting(s.pid).rss);
    }
    await sleep(seconds * 1000 - (performance.now() - t0));
    const elapsed = (performance.now() - t0) / 1000;
    const end = {};
    for (const [key, s] of Object.entries(subjects)) {
      end[key] = accounting(s.pid);
      rss[key].push(end[key].rss);
    }
    signalEld();
    await sleep(300);
    const out = { seconds: elapsed, warmup, subjects: {}, unsupported };
    for (const [key, s] of Object.entries(subjects)) {
      const samples = rss[key];
      const third = Math.max(1, Math.floor(samples.length / 3));
      out.subjects[key] = {
        label: s.label,
        probe: s.probe,
        cpuPercent: ((end[key].cpuSeconds - start[key].cpuSeconds) / elapsed) * 100,
        peakRss: end[key].hwm,
        rss: end[key].rss,
        rssGrowth: median(samples.slice(-third)) - median(samples.slice(0, third)),
        eventLoop: readEld(s.eld),
      };
    }
    for (const t of ['htop', 'btop']) {
      if (!start[`${t}Tmux`]) continue;
      const e = accounting(subjects[t].tmuxPid);
      out.subjects[t].tmuxCpuPercent = ((e.cpuSeconds - start[`${t}Tmux`].cpuSeconds) / elapsed) * 100;
    }
    out.serveSnapshots = subjects.serve.state.snapshots;
    return out;
  } finally {
    stopAll();
    process.off('exit', stopAll);
    rmSync(tmp, { recursive: true, force: true });
  }
}
