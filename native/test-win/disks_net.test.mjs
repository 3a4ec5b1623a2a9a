// Disks and network I/O from the Windows addon in node.exe under Wine: Z:\
// is the host's /, measured by the runner with statfs (df's numbers), and the
// NICs are the host's, read from its /proc/net/dev around each call.
import test from 'node:test';
import assert from 'node:assert/strict';

import * as c from './collector.mjs';
import * as host from './host.mjs';

const GiB = 1024 ** 3;

test('diskUsage(Z:\\): the host root\'s size exactly, its free space within 1 GiB (other writers)', async () => {
  const df = host.rootStatfs();
  const u = await c.diskUsage('Z:\\');
  assert.equal(u.total, df.total);
  // Wine's free bytes are those an unprivileged user may use (df's Available).
  assert.ok(Math.abs(u.free - df.avail) < GiB, `free ${u.free} vs df ${df.avail}`);
  assert.equal(u.used, u.total - u.free);
  assert.equal(u.percent, Math.round((u.used / u.total) * 1000) / 10);
});

test('diskUsage: a path that does not exist is NotFound, naming it', async () => {
  const missing = 'Z:\\procyon-no-such-dir\\x';
  await assert.rejects(c.diskUsage(missing), (err) => err instanceof c.NotFound && err.path === missing);
});

test('diskPartitions: the drive letters, C: and Z: fixed, device = mountpoint; all=true lists at least as many', async () => {
  const parts = await c.diskPartitions();
  for (const letter of ['C:\\', 'Z:\\']) {
    const p = parts.find((x) => x.device === letter);
    assert.ok(p, `${letter} in ${JSON.stringify(parts)}`);
    assert.equal(p.mountpoint, letter);
    assert.match(p.opts, /^(rw|ro)(,compressed)?,fixed$/);
    assert.ok(p.fstype.length > 0);
  }
  assert.ok((await c.diskPartitions({ all: true })).length >= parts.length);
});

test('netIoCounters({pernic}): the host\'s NICs, every counter between two /proc/net/dev readings', async () => {
  const before = host.netDev();
  const nics = await c.netIoCounters({ pernic: true });
  const after = host.netDev();
  assert.deepEqual(Object.keys(nics).sort(), Object.keys(before).sort());
  for (const [name, counters] of Object.entries(nics)) {
    for (const [field, value] of Object.entries(counters)) {
      assert.ok(value >= before[name][field] && value <= after[name][field], `${name}.${field} ${value} not within [${before[name][field]}, ${after[name][field]}]`);
    }
  }
});

test('netIoCounters(): the sum over NICs, bracketed the same way', async () => {
  const sum = (dev, field) => Object.values(dev).reduce((acc, nic) => acc + nic[field], 0);
  const before = host.netDev();
  const total = await c.netIoCounters();
  const after = host.netDev();
  for (const [field, value] of Object.entries(total)) {
    assert.ok(value >= sum(before, field) && value <= sum(after, field), `${field} ${value}`);
  }
});
