// The Windows addon itself: what describe() says it can do is what it does,
// the rest rejects with UNSUPPORTED, and it loads in a renamed host (the
// delay-load hook), as it must inside Electron's Procyon.exe.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

import * as c from './collector.mjs';

// What src/windows implements: the whole list, so a capability that appears or disappears fails here.
const IMPLEMENTED = [
  'Process', 'Process.cpuAffinity', 'Process.ionice', 'bootTime', 'cpuCount', 'cpuFreq', 'cpuPercent', 'cpuStats', 'cpuTimes', 'cpuTimesPercent', 'diskIoCounters',
  'diskPartitions', 'diskUsage', 'getloadavg', 'netConnections', 'netIfAddrs', 'netIfStats', 'netIoCounters', 'pidExists', 'pids', 'processIter',
  'processTable', 'sensorsBattery', 'swapMemory', 'systemSnapshot', 'users', 'virtualMemory', 'waitProcs',
  'winServiceGet', 'winServiceIter', 'winServiceStart', 'winServiceStop',
];

// One call per function that is not implemented yet.
const UNIMPLEMENTED_CALLS = {
  sensorsTemperatures: () => c.sensorsTemperatures(),
  sensorsFans: () => c.sensorsFans(),
  'Process.rlimit': async () => (await c.Process.create(process.pid)).rlimit(0),
  // Control groups are Linux's (issue 23): the list and every group action.
  cgroups: () => c.cgroups(),
  cgroupFreeze: () => c.cgroupFreeze('/app.slice'),
  cgroupThaw: () => c.cgroupThaw('/app.slice'),
  cgroupKill: () => c.cgroupKill('/app.slice'),
  cgroupSetMemoryMax: () => c.cgroupSetMemoryMax('/app.slice', null),
};

test('dist/ loads the cross-built addon from build-win/Release on its own (the installed layout), not the Linux build/', async () => {
  await c.cpuTimes();
  const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.endsWith('.node'));
  assert.deepEqual(loaded.map((k) => path.relative(path.resolve(import.meta.dirname, '..'), k)), [path.join('build-win', 'Release', 'procyon_collector.node')]);
});

test('describe(): platform win32, and exactly the implemented functions available', () => {
  assert.equal(c.describe().platform, 'win32');
  const available = Object.entries(c.capabilities()).filter(([, ok]) => ok).map(([name]) => name).sort();
  assert.deepEqual(available, IMPLEMENTED);
});

test('unimplemented functions reject with UNSUPPORTED and report unavailable', async () => {
  const caps = c.capabilities();
  for (const [name, call] of Object.entries(UNIMPLEMENTED_CALLS)) {
    assert.equal(caps[name], false, name);
    await assert.rejects(Promise.resolve().then(call), (err) => err instanceof c.Unsupported && err.code === 'UNSUPPORTED', name);
  }
});

test('control groups: every function unavailable for the reason "platform"', () => {
  const report = c.capabilityReport();
  for (const name of ['cgroups', 'cgroupFreeze', 'cgroupThaw', 'cgroupKill', 'cgroupSetMemoryMax']) {
    assert.deepEqual(report.find((entry) => entry.name === name), { name, available: false, reason: 'platform' }, name);
  }
});

test('systemSnapshot: the implemented topics in one trip, an unimplemented one as its own error', async () => {
  const snap = await c.systemSnapshot({ topics: ['cpuTimes', 'virtualMemory', 'sensorsFans'] });
  assert.ok(snap.cpuTimes.idle > 0);
  assert.equal(snap.virtualMemory.total, os.totalmem());
  assert.ok(c.isSnapshotError(snap.sensorsFans), JSON.stringify(snap.sensorsFans));
});

test('the addon loads in a renamed host (Procyon.exe), through the delay-load hook', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procyon-host-'));
  try {
    const renamed = path.join(dir, 'Procyon.exe');
    fs.copyFileSync(process.execPath, renamed);
    const addon = process.env.PROCYON_WIN_ADDON;
    const script = `require(${JSON.stringify(addon)}).cpuTimes({}).then((t) => console.log('idle', t.idle > 0))`;
    const r = spawnSync(renamed, ['-e', script], { encoding: 'utf8', timeout: 120000 });
    assert.equal(r.status, 0, `${r.error ?? ''} ${r.stderr}`);
    assert.match(r.stdout, /idle true/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
