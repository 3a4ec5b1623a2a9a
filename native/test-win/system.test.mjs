// CPU, memory, boot time and pids from the Windows addon in node.exe under
// Wine, against the Linux host (Wine answers these from the host's /proc)
// and node's own os module. Each reading of ours is bracketed by two host
// readings; slack covers /proc/stat's 1/100 s ticks and Wine's own sampling.
import test from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { spawn } from 'node:child_process';

import * as c from './collector.mjs';
import * as host from './host.mjs';

const CPU_SLACK_S = 2;
const WINDOWS_FIELDS = ['user', 'system', 'idle', 'interrupt', 'dpc'];

function assertBetween(value, low, high, what) {
  assert.ok(value >= low && value <= high, `${what}: ${value} not within [${low}, ${high}]`);
}

test('cpuTimes: user + system + idle is the host\'s CPU time, idle is its idle time', async () => {
  const before = host.procStat().total;
  const t = await c.cpuTimes();
  const after = host.procStat().total;
  assertBetween(t.user + t.system + t.idle, before.total - CPU_SLACK_S, after.total + CPU_SLACK_S, 'total');
  assertBetween(t.idle, before.idle - CPU_SLACK_S, after.idle + CPU_SLACK_S, 'idle');
  assert.ok(t.user > 0 && t.system > 0, 'user and system are counted');
  // psutil's Windows record, exactly its fields (Wine keeps interrupt and DPC time 0: unchecked).
  assert.deepEqual(Object.keys(t), WINDOWS_FIELDS);
  assert.deepEqual(c.describe().records.WindowsCpuTimes, WINDOWS_FIELDS);
  assert.ok(c.isWindowsCpuTimes(t));
  assert.ok(t.interrupt >= 0 && t.dpc >= 0);
});

test('cpuTimes({percpu}): one entry per host CPU, each bracketed by that CPU\'s /proc/stat line', async () => {
  const before = host.procStat().cpus;
  const per = await c.cpuTimes({ percpu: true });
  const after = host.procStat().cpus;
  assert.equal(per.length, before.length);
  assert.equal(per.length, os.cpus().length);
  per.forEach((t, i) => {
    assert.deepEqual(Object.keys(t), WINDOWS_FIELDS);
    assertBetween(t.user + t.system + t.idle, before[i].total - CPU_SLACK_S, after[i].total + CPU_SLACK_S, `cpu${i} total`);
    assertBetween(t.idle, before[i].idle - CPU_SLACK_S, after[i].idle + CPU_SLACK_S, `cpu${i} idle`);
  });
});

test('cpuCount: logical is node\'s and the host\'s CPU count; physical is between 1 and logical', async () => {
  const logical = await c.cpuCount();
  assert.equal(logical, os.cpus().length);
  assert.equal(logical, host.procStat().cpus.length);
  assert.equal(c.cpuCountSync(), logical);
  const physical = await c.cpuCount({ logical: false });
  assert.ok(physical === null || (physical >= 1 && physical <= logical), `physical ${physical}`);
});

test('cpuPercent: a share in 0..100 over an interval; cpuTimesPercent in Windows\' record, its shares adding up to 100', async () => {
  const p = await c.cpuPercent({ interval: 0.1 });
  assertBetween(p, 0, 100, 'cpuPercent');
  const shares = await c.cpuTimesPercent({ interval: 0.2 });
  assert.deepEqual(Object.keys(shares), WINDOWS_FIELDS);
  const sum = WINDOWS_FIELDS.reduce((acc, field) => acc + shares[field], 0);
  // Each share is rounded to 0.1.
  assertBetween(sum, 99.5, 100.5, 'sum of shares');
  const tracker = c.createCpuPercentTracker();
  assert.deepEqual(await tracker.cpuTimesPercent({ percpu: true }), os.cpus().map(() => Object.fromEntries(WINDOWS_FIELDS.map((f) => [f, 0]))));
});

test('cpuFreq: one entry, the first CPU\'s MHz as the host\'s /proc/cpuinfo says, min 0', async () => {
  const per = await c.cpuFreq({ percpu: true });
  assert.equal(per.length, 1);
  assertBetween(per[0].current, host.cpuinfoMhz() - 1, host.cpuinfoMhz() + 1, 'current');
  assert.ok(per[0].max >= 1);
  assert.equal(per[0].min, 0);
  assert.deepEqual(await c.cpuFreq(), per[0]);
});

test('virtualMemory: total is node\'s and the host\'s MemTotal; available is node\'s free memory', async () => {
  const m = await c.virtualMemory();
  const free = os.freemem();
  assert.equal(m.total, os.totalmem());
  // Wine rounds MemTotal to whole pages.
  assertBetween(m.total, host.meminfo().MemTotal - 1024 * 1024, host.meminfo().MemTotal + 1024 * 1024, 'total');
  // Other processes allocate between the two calls: 5% of memory.
  assertBetween(m.available, free - 0.05 * m.total, free + 0.05 * m.total, 'available');
  assert.equal(m.free, m.available);
  assert.equal(m.used, m.total - m.available);
  assert.equal(m.percent, Math.round((m.used / m.total) * 1000) / 10);
  for (const linuxOnly of ['active', 'inactive', 'buffers', 'cached', 'shared', 'slab']) assert.equal(m[linuxOnly], 0, linuxOnly);
});

test('swapMemory: consistent when the paging-file counter answers, IoError naming it when it does not (Wine 8)', async () => {
  let s;
  try {
    s = await c.swapMemory();
  } catch (err) {
    assert.ok(err instanceof c.IoError, `${err}`);
    assert.match(err.message, /Paging File\(_Total\)/);
    return;
  }
  assert.equal(s.used + s.free, s.total);
  assertBetween(s.percent, 0, 100, 'percent');
  assert.equal(s.sin, 0);
  assert.equal(s.sout, 0);
});

// psutil's answer drops the uptime's fraction (up to 1 s late), btime is whole
// seconds, and Wine's tick count and the kernel's boot clock drift apart by
// a second or so over days of uptime (seen: 2.002 s): 5 s.
const BOOT_SLACK_S = 5;

test('bootTime: the host\'s btime, within 5 s', async () => {
  const bt = await c.bootTime();
  assertBetween(bt, host.bootTime() - BOOT_SLACK_S, host.bootTime() + BOOT_SLACK_S, 'bootTime');
  assertBetween(c.bootTimeSync(), host.bootTime() - BOOT_SLACK_S, host.bootTime() + BOOT_SLACK_S, 'bootTimeSync');
});

test('pids / pidExists: this process, and a child node.exe while it lives and after it is killed', async () => {
  assert.ok((await c.pids()).includes(process.pid));
  assert.equal(await c.pidExists(process.pid), true);
  assert.equal(await c.pidExists(0), true); // the System Idle Process, as psutil says
  assert.equal(await c.pidExists(-1), false);
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
    await host.waitFor(async () => (await c.pids()).includes(child.pid));
    assert.equal(await c.pidExists(child.pid), true);
  } finally {
    child.kill();
  }
  await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', resolve)));
  await host.waitFor(async () => !(await c.pidExists(child.pid)));
  assert.ok(!(await c.pids()).includes(child.pid));
});
