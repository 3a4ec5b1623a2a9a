// cpu_stats, getloadavg, disk_io_counters, users and sensors_battery on
// Windows. Wine answers most of these with nothing to check against (see
// native/README.md, "Windows"): these tests pin what it does answer, and the
// battery against the host's /sys/class/power_supply.
import test from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';

import * as c from './collector.mjs';
import * as host from './host.mjs';

const isCount = (n) => Number.isInteger(n) && n >= 0;

test('cpuStats: psutil\'s four counters, whole and non-negative, in the snapshot too (Wine: ctx switches, interrupts and syscalls 0, DPCs its random bytes)', async () => {
  const s = await c.cpuStats();
  assert.deepEqual(Object.keys(s), ['ctxSwitches', 'interrupts', 'softInterrupts', 'syscalls']);
  for (const [name, value] of Object.entries(s)) assert.ok(isCount(value), `${name} ${value}`);
  // DPCs are summed over the CPUs' 32-bit counts.
  assert.ok(s.softInterrupts < os.cpus().length * 2 ** 32);
  const snap = await c.systemSnapshot({ topics: ['cpuStats'] });
  assert.equal(c.isSnapshotError(snap.cpuStats), false, JSON.stringify(snap.cpuStats));
  assert.deepEqual(Object.keys(snap.cpuStats), Object.keys(s));
});

test('getloadavg: psutil\'s emulation; where the queue-length counter is missing (Wine), IO_ERROR naming it on every call', async () => {
  let first;
  try {
    first = await c.getloadavg();
  } catch (err) {
    assert.equal(err.code, 'IO_ERROR');
    assert.match(err.message, /\\System\\Processor Queue Length/);
    // Nothing was left half-started: the next call tries again and fails the same way.
    await assert.rejects(c.getloadavg(), (again) => again.code === 'IO_ERROR' && again.message === err.message);
    const snap = await c.systemSnapshot({ topics: ['loadavg', 'cpuTimes'] });
    assert.equal(snap.loadavg.error.code, 'IO_ERROR');
    assert.ok(snap.cpuTimes.idle > 0, 'the other topics still answer');
    return;
  }
  // Real Windows: the sampler has only just started, so psutil's first answer is zeros.
  assert.deepEqual(first, [0, 0, 0]);
  for (const load of await c.getloadavg()) assert.ok(load >= 0 && Math.round(load * 100) === load * 100, `${load}`);
});

test('diskIoCounters: PhysicalDriveN per disk, the total their sum; none answering (Wine) is {} and null, as psutil', async () => {
  const perDisk = await c.diskIoCounters({ perdisk: true });
  const total = await c.diskIoCounters();
  const names = Object.keys(perDisk);
  for (const name of names) assert.match(name, /^PhysicalDrive\d+$/);
  if (names.length === 0) {
    assert.equal(total, null);
    return;
  }
  for (const field of ['readCount', 'writeCount', 'readBytes', 'writeBytes']) {
    const sum = names.reduce((acc, name) => acc + perDisk[name][field], 0);
    assert.ok(total[field] >= sum, `${field}: total ${total[field]} vs ${sum} (counters only grow between the reads)`);
  }
});

test('users: psutil\'s Windows entries (terminal and pid null, host null or IPv4); Wine has no sessions', async () => {
  const users = await c.users();
  assert.ok(Array.isArray(users));
  for (const u of users) {
    assert.deepEqual(Object.keys(u), ['name', 'terminal', 'host', 'started', 'pid']);
    assert.ok(u.name.length > 0);
    assert.equal(u.terminal, null);
    assert.equal(u.pid, null);
    assert.ok(u.host === null || /^\d+\.\d+\.\d+\.\d+$/.test(u.host), u.host);
    assert.ok(u.started > 0 && u.started <= Date.now() / 1000 + 5, `started ${u.started}`);
  }
});

test('sensorsBattery: null where the host has no battery in /sys/class/power_supply (Wine reads it), else psutil\'s sbattery', async () => {
  const battery = await c.sensorsBattery();
  if (!host.hostHasBattery()) {
    assert.equal(battery, null);
    return;
  }
  assert.ok(battery.percent >= 0 && battery.percent <= 100, `percent ${battery.percent}`);
  assert.equal(typeof battery.powerPlugged, 'boolean');
  const { POWER_TIME_UNLIMITED, POWER_TIME_UNKNOWN } = c;
  if (battery.powerPlugged) assert.equal(battery.secsleft, POWER_TIME_UNLIMITED);
  else assert.ok(battery.secsleft === POWER_TIME_UNKNOWN || battery.secsleft >= 0);
});
