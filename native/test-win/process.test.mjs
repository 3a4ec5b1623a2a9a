// Processes on Windows, against processes this test starts (a child node.exe,
// one under `cmd /c`), whose pid, parent, name, command line, cwd and
// environment it knows; actions are checked from outside: node's own
// os.getPriority (libuv's GetPriorityClass), the child's exit code, a counter
// the child writes while it runs, pidExists.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

import * as c from './collector.mjs';
import { waitFor } from './host.mjs';

const same = (a, b) => a.toLowerCase() === b.toLowerCase();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A node.exe that writes an increasing counter to `<dir>\count` every 20 ms until killed.
const COUNTER = "const fs=require('fs');let i=0;setInterval(()=>fs.writeFileSync('count',String(++i)),20)";

function startChild(t, { viaCmd = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procyon-proc-'));
  const before = Date.now() / 1000;
  const env = { ...process.env, PROCYON_MARK: 'win-proc' };
  let args = ['-e', COUNTER, 'procyon-marker', 'two words'];
  let child;
  if (viaCmd) {
    // cmd /s /c "<line>": the script from a file, so that cmd's own quoting never meets it.
    fs.writeFileSync(path.join(dir, 'counter.js'), COUNTER);
    args = ['counter.js', 'procyon-marker'];
    child = spawn('cmd.exe', ['/d', '/s', '/c', `""${process.execPath}" counter.js procyon-marker"`], { cwd: dir, env, stdio: 'ignore', windowsVerbatimArguments: true });
  } else {
    child = spawn(process.execPath, args, { cwd: dir, env, stdio: 'ignore' });
  }
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  t.after(async () => {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const count = () => {
    try {
      return Number(fs.readFileSync(path.join(dir, 'count'), 'utf8')) || 0;
    } catch {
      return 0;
    }
  };
  return { child, dir, before, exited, count, args };
}

test('processTable: a started node.exe with its pid, parent, name, create time, cmdline, exe, user and memory', async (t) => {
  const { child, before, count, args } = startChild(t);
  await waitFor(() => count() > 0);
  const after = Date.now() / 1000;
  const { rows } = await c.processTable();
  const row = rows.find((r) => r.pid === child.pid);
  assert.ok(row, `pid ${child.pid} in the table`);
  assert.equal(row.ppid, process.pid);
  assert.equal(row.name, 'node.exe');
  assert.ok(row.createTime >= before - 2 && row.createTime <= after + 2, `createTime ${row.createTime} in [${before}, ${after}]`);
  assert.deepEqual(row.cmdline.slice(1), args);
  assert.ok(same(row.cmdline[0], process.execPath) || same(path.basename(row.cmdline[0]), 'node.exe'), row.cmdline[0]);
  assert.ok(same(row.exe, process.execPath), `exe ${row.exe} vs ${process.execPath}`);
  assert.ok(row.username.endsWith(`\\${os.userInfo().username}`), `username ${row.username}`);
  assert.equal(row.status, 'running');
  assert.ok(row.rss > 1e6 && row.vms > 1e6, `rss ${row.rss} vms ${row.vms}`);
  assert.ok(row.numThreads >= 1);
  assert.equal(row.nice, c.describe().constants.priorityClasses.NORMAL_PRIORITY_CLASS);
  const self = rows.find((r) => r.pid === process.pid);
  assert.equal(self.ppid, process.ppid);
  assert.ok(self.cpuTimes > 0);
});

test('Process: name, exe, cmdline, cwd, environ, parent, children, status, times, memory, threads, priority, affinity', async (t) => {
  const { child, dir, before, count, args } = startChild(t);
  await waitFor(() => count() > 0);
  const p = await c.Process.create(child.pid);
  assert.equal(await p.name(), 'node.exe');
  assert.ok(same(await p.exe(), process.execPath));
  assert.deepEqual((await p.cmdline()).slice(1), args);
  assert.ok(same(await p.cwd(), fs.realpathSync.native(dir)) || same(await p.cwd(), dir), `cwd ${await p.cwd()} vs ${dir}`);
  assert.equal((await p.environ()).PROCYON_MARK, 'win-proc');
  const created = await p.createTime();
  assert.ok(created >= before - 2 && created <= Date.now() / 1000 + 2);
  assert.equal(await p.ppid(), process.pid);
  assert.equal((await p.parent()).pid, process.pid);
  const me = await c.Process.create(process.pid);
  assert.ok((await me.children()).some((k) => k.pid === child.pid));
  assert.equal(await p.status(), 'running');
  assert.ok((await p.username()).endsWith(`\\${os.userInfo().username}`));
  const times = await p.cpuTimes();
  assert.ok(times.user >= 0 && times.system >= 0 && times.user + times.system > 0, JSON.stringify(times));
  const mem = await p.memoryInfo();
  assert.ok(mem.rss > 1e6 && mem.vms > 1e6, JSON.stringify(mem));
  const threads = await p.threads();
  assert.ok(threads.length >= 1 && threads.every((th) => th.id > 0));
  assert.equal(await p.numThreads(), threads.length);
  const handles = await p.numFds();  // psutil's num_handles
  assert.ok(Number.isInteger(handles) && handles >= 0);
  t.diagnostic(`num_handles under Wine: ${handles}`);
  const io = await p.ioCounters();
  assert.ok(io.readBytes >= 0 && io.writeBytes >= 0);  // Wine answers 0: nothing more to check
  assert.equal(await p.nice(), c.describe().constants.priorityClasses.NORMAL_PRIORITY_CLASS);
  assert.deepEqual(await p.cpuAffinity(), os.cpus().map((_, i) => i));
  assert.equal(await p.isRunning(), true);
  // parents: the test's node.exe first, each ancestor older than the one below it.
  const parents = await p.parents();
  assert.equal(parents[0]?.pid, process.pid);
  for (let i = 1; i < parents.length; i++) assert.ok((await parents[i].createTime()) <= (await parents[i - 1].createTime()));
  // The child writes every 20 ms: some CPU, never more than every CPU's worth.
  const busy = await p.cpuPercent({ interval: 0.5 });
  assert.ok(busy >= 0 && busy <= 100 * os.cpus().length, `cpuPercent ${busy}`);
  await assert.rejects(p.rlimit(0), (e) => e instanceof c.Unsupported);
});

test('uids, gids, terminal and cpuNum are UNSUPPORTED (psutil has none on Windows); asDict() leaves them out, asked by name they fail', async () => {
  const me = await c.Process.create(process.pid);
  for (const attr of ['uids', 'gids', 'terminal', 'cpuNum']) {
    await assert.rejects(me[attr](), (e) => e instanceof c.Unsupported && e.message.includes(attr), attr);
    await assert.rejects(me.asDict({ attrs: ['pid', attr] }), (e) => e instanceof c.Unsupported, `asDict([${attr}])`);
  }
  // Wine's QueryWorkingSet fails (uss, IO_ERROR, as psutil's OSError would raise from as_dict): stood in for, so that the
  // whole default list is read here.
  me.memoryFullInfo = async () => ({ ...(await me.memoryInfo()), uss: 0 });
  const d = await me.asDict({ adValue: 'denied' });
  for (const attr of ['uids', 'gids', 'terminal', 'cpuNum']) assert.equal(attr in d, false, `${attr} in asDict()`);
  // psutil's pcputimes on Windows: no iowait (Linux's alone).
  assert.deepEqual(Object.keys(d.cpuTimes), ['user', 'system', 'childrenUser', 'childrenSystem']);
  assert.equal(d.pid, process.pid);
  assert.equal(d.name, 'node.exe');
  assert.ok(Object.keys(d).length > 20, Object.keys(d).join(' '));
});

test('a started cmd /c: its node.exe child is in the tree below it', async (t) => {
  const { child, count } = startChild(t, { viaCmd: true });
  await waitFor(() => count() > 0);
  const cmd = await c.Process.create(child.pid);
  assert.equal((await cmd.name()).toLowerCase(), 'cmd.exe');
  const kids = await cmd.children();
  assert.equal(kids.length, 1);
  t.after(() => {
    try {
      process.kill(kids[0].pid, 'SIGKILL');  // cmd's own kill does not reach its child
    } catch {
      // already gone
    }
  });
  assert.equal(await kids[0].name(), 'node.exe');
  assert.ok((await kids[0].cmdline()).includes('procyon-marker'));
  assert.ok((await c.Process.create(process.pid).then((me) => me.children({ recursive: true }))).some((k) => k.pid === kids[0].pid));
  await kids[0].kill();
  await waitFor(async () => !(await c.pidExists(kids[0].pid)));
});

test('nice: priority classes set through the handle, seen by libuv; affinity set and read back', async (t) => {
  const { child, count } = startChild(t);
  await waitFor(() => count() > 0);
  const classes = c.describe().constants.priorityClasses;
  const p = await c.Process.create(child.pid);
  await p.nice(classes.BELOW_NORMAL_PRIORITY_CLASS);
  assert.equal(os.getPriority(child.pid), os.constants.priority.PRIORITY_BELOW_NORMAL);
  assert.equal(await (await c.Process.create(child.pid)).nice(), classes.BELOW_NORMAL_PRIORITY_CLASS);
  await p.nice(classes.IDLE_PRIORITY_CLASS);
  assert.equal(os.getPriority(child.pid), os.constants.priority.PRIORITY_LOW);
  await assert.rejects(p.nice(5), (e) => e instanceof c.InvalidArgument);
  if (os.cpus().length > 1) {
    await p.cpuAffinity([0]);
    assert.deepEqual(await (await c.Process.create(child.pid)).cpuAffinity(), [0]);
    await p.cpuAffinity([]);
    assert.deepEqual(await p.cpuAffinity(), os.cpus().map((_, i) => i));
  }
});

test('suspend stops the child (its counter stops), resume restarts it', async (t) => {
  const { child, count } = startChild(t);
  await waitFor(() => count() > 0);
  const p = await c.Process.create(child.pid);
  await p.suspend();
  const stopped = count();
  // An observation window, not a wait for a condition: a running child would write ~25 times in it.
  await sleep(500);
  assert.equal(count(), stopped, 'no writes while suspended');
  t.diagnostic(`status while suspended: ${await p.status()}`);
  await p.resume();
  await waitFor(() => count() > stopped);
  assert.equal(await p.status(), 'running');
});

test('terminate and kill end the child through TerminateProcess (exit code: the signal number, as psutil); wait and waitProcs read it', async (t) => {
  const a = startChild(t);
  const b = startChild(t);
  await waitFor(() => a.count() > 0 && b.count() > 0);
  const pa = await c.Process.create(a.child.pid);
  const pb = await c.Process.create(b.child.pid);
  await assert.rejects(pa.wait({ timeout: 0.05 }), (e) => e instanceof c.TimeoutExpired);
  // wait() holds the handle from its call on, so it reads the exit code however late it looks.
  const waiting = pa.wait({ timeout: 30 });
  await pa.terminate();
  assert.equal(await a.exited, 15);
  assert.equal(await waiting, 15, 'wait(): the exit code through the held handle, as psutil on Windows');
  const waitingAll = c.waitProcs([pb], { timeout: 30 });
  await pb.kill();
  assert.equal(await b.exited, 9);
  const { gone, alive } = await waitingAll;
  assert.deepEqual([gone.map((p) => [p.pid, p.returncode]), alive], [[[b.child.pid, 9]], []]);
  assert.equal(await c.pidExists(a.child.pid), false);
  await assert.rejects((await c.Process.create(process.pid)).sendSignal('SIGINT'), (e) => e instanceof c.InvalidArgument);
});

test('a stale createTime is NoSuchProcess and nothing is touched', async (t) => {
  const { child, count, exited } = startChild(t);
  await waitFor(() => count() > 0);
  const p = await c.Process.create(child.pid);
  const stale = new c.Process(child.pid, (await p.createTime()) - 30, p.roots);
  for (const act of [() => stale.terminate(), () => stale.kill(), () => stale.suspend(), () => stale.nice(c.describe().constants.priorityClasses.IDLE_PRIORITY_CLASS), () => stale.cpuAffinity([0])]) {
    await assert.rejects(act(), (e) => e instanceof c.NoSuchProcess, String(act));
  }
  assert.equal(await stale.isRunning(), false);
  assert.equal(await c.pidExists(child.pid), true);
  assert.equal(os.getPriority(child.pid), os.constants.priority.PRIORITY_NORMAL);
  const seen = count();
  await waitFor(() => count() > seen);  // still running: not suspended, not killed
  let done = false;
  exited.then(() => (done = true));
  await sleep(0);
  assert.equal(done, false);
});

test('processIter and asDict over every process Wine runs: each attribute a value or AccessDenied\'s ad value, never another error', async (t) => {
  const { child, count } = startChild(t);
  await waitFor(() => count() > 0);
  const attrs = ['name', 'exe', 'cmdline', 'cwd', 'environ', 'ppid', 'status', 'username', 'createTime', 'cpuTimes', 'memoryInfo', 'numThreads', 'threads', 'nice', 'cpuAffinity', 'ioCounters', 'numCtxSwitches'];
  let seen = 0;
  let found = false;
  for await (const p of c.processIter({ attrs: ['name', 'cmdline'] })) {
    if (p.pid === child.pid) found = p.info.name === 'node.exe' && p.info.cmdline.includes('procyon-marker');
    try {
      const d = await p.asDict({ attrs, adValue: 'denied' });
      assert.equal(typeof d.name, 'string', `pid ${p.pid}`);
      seen += 1;
    } catch (err) {
      assert.ok(err instanceof c.NoSuchProcess, `pid ${p.pid}: ${err}`);  // exited meanwhile
    }
  }
  assert.ok(found, 'the started child, with its name and cmdline');
  assert.ok(seen >= 3, `processes read: ${seen}`);
});
