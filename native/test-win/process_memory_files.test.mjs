// Process memory, I/O, mapped files, open files and I/O priority on Windows,
// against child node.exe processes this test starts: one that allocates and
// touches a known amount of memory, one that holds a known file open. The
// records are psutil's Windows ones (describe().records names them).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

import * as c from './collector.mjs';
import { waitFor } from './host.mjs';

const MiB = 1024 * 1024;
const ALLOCATED = 200 * MiB;
const records = c.describe().records;
const lower = (s) => s.toLowerCase();

// A node.exe running `script` in a fresh directory; it writes `ready` there once set up.
function startChild(t, script) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procyon-mem-'));
  const child = spawn(process.execPath, ['-e', script], { cwd: dir, stdio: 'ignore' });
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
  const ready = () => fs.existsSync(path.join(dir, 'ready'));
  return { child, dir, ready };
}

// Allocates ALLOCATED bytes outside V8's heap and writes every page, so they are committed and private.
const ALLOCATOR = `const b=Buffer.alloc(${ALLOCATED},1);for(let i=0;i<b.length;i+=4096)b[i]=2;require('fs').writeFileSync('ready','');setInterval(()=>b[0]++,1000)`;
// Holds held.txt open for reading and writing until killed.
const HOLDER = "const fs=require('fs');fs.writeFileSync('held.txt','x');const fd=fs.openSync('held.txt','r+');fs.writeFileSync('ready','');setInterval(()=>fs.fstatSync(fd),1000)";

test('memoryInfo: psutil\'s Windows record; a child that commits 200 MiB has pagefile (and private, where counted) above that', async (t) => {
  const { child, ready } = startChild(t, ALLOCATOR);
  await waitFor(ready);
  const p = await c.Process.create(child.pid);
  const mem = await p.memoryInfo();
  assert.deepEqual(Object.keys(mem), records.WindowsProcessMemoryInfo);
  assert.deepEqual(records.WindowsProcessMemoryInfo, ['rss', 'vms', 'numPageFaults', 'peakWset', 'wset', 'peakPagedPool', 'pagedPool', 'peakNonpagedPool', 'nonpagedPool', 'pagefile', 'peakPagefile', 'private']);
  t.diagnostic(`memory_info under Wine: ${JSON.stringify(mem)}`);
  // Wine answers 0 for PrivateUsage (and the NT list's private bytes): checked only where it counts.
  if (mem.private === 0) t.diagnostic('private is 0: Wine does not count it (unchecked)');
  else assert.ok(mem.private >= ALLOCATED, `private ${mem.private}`);
  assert.ok(mem.pagefile >= ALLOCATED && mem.peakPagefile >= mem.pagefile, `pagefile ${mem.pagefile}, peak ${mem.peakPagefile}`);
  assert.ok(mem.wset > 0 && mem.peakWset >= mem.wset, `wset ${mem.wset}, peak ${mem.peakWset}`);
  // psutil's aliases.
  assert.equal(mem.rss, mem.wset);
  assert.equal(mem.vms, mem.pagefile);
  // A node.exe of its own is far below the allocating one: the figures are the child's, not ours.
  const mine = await (await c.Process.create(process.pid)).memoryInfo();
  assert.ok(mine.pagefile < mem.pagefile, `ours ${mine.pagefile} vs the child's ${mem.pagefile}`);
  // memory_percent takes Windows' fields, not Linux's.
  assert.ok((await p.memoryPercent({ memtype: 'pagefile' })) > 0);
  await assert.rejects(p.memoryPercent({ memtype: 'shared' }), (e) => e instanceof c.InvalidArgument);
});

test('memoryFullInfo: memoryInfo plus uss; ioCounters: psutil\'s Windows record with other_count and other_bytes', async (t) => {
  const { child, ready } = startChild(t, ALLOCATOR);
  await waitFor(ready);
  const p = await c.Process.create(child.pid);
  // Wine's QueryWorkingSet (NtQueryVirtualMemory(MemoryWorkingSetInformation)) answers
  // ERROR_INVALID_PARAMETER for another process: uss is checked only where it answers.
  const full = await p.memoryFullInfo().catch((e) => e);
  if (full instanceof c.ProcyonError && full.code === 'IO_ERROR' && /QueryWorkingSet/.test(full.message)) {
    t.diagnostic(`uss unchecked: ${full.message}`);
    const own = await (await c.Process.create(process.pid)).memoryFullInfo().catch((e) => e);
    t.diagnostic(`own uss: ${own instanceof Error ? own.message : own.uss}`);
  } else {
    assert.deepEqual(Object.keys(full), [...records.WindowsProcessMemoryInfo, 'uss']);
    // The child's touched 200 MiB are its own pages.
    assert.ok(full.uss >= ALLOCATED && full.uss <= full.wset, `uss ${full.uss}, wset ${full.wset}`);
  }
  const io = await p.ioCounters();
  assert.deepEqual(Object.keys(io), records.WindowsProcessIoCounters);
  assert.deepEqual(records.WindowsProcessIoCounters, ['readCount', 'writeCount', 'readBytes', 'writeBytes', 'otherCount', 'otherBytes']);
  t.diagnostic(`io_counters under Wine: ${JSON.stringify(io)}`);
  for (const v of Object.values(io)) assert.ok(Number.isInteger(v) && v >= 0);
});

test('memoryMaps: node.exe\'s image, kernel32 and ntdll with drive-letter paths; grouped sums the regions', async (t) => {
  const { child, ready } = startChild(t, ALLOCATOR);
  await waitFor(ready);
  const p = await c.Process.create(child.pid);
  const flat = await p.memoryMaps({ grouped: false });
  assert.ok(flat.length > 3);
  assert.deepEqual(Object.keys(flat[0]), records.WindowsProcessMemoryMap);
  for (const m of flat) {
    assert.match(m.addr, /^0x[0-9a-f]+$/);
    assert.match(m.perms, /^(|r|rw|wc|x|xr|xrw|xwc|\?)$/);
    assert.ok(m.rss > 0 && m.rss % 4096 === 0, JSON.stringify(m));
    assert.match(m.path, /^([A-Z]:\\|\\\\)/, `a drive-letter or UNC path: ${m.path}`);
  }
  const grouped = await p.memoryMaps();
  const paths = grouped.map((m) => lower(m.path));
  assert.deepEqual(Object.keys(grouped[0]), ['path', 'rss']);
  assert.equal(new Set(paths).size, paths.length);
  assert.ok(paths.includes(lower(process.execPath)), `node.exe's image ${process.execPath} in ${paths.join(', ')}`);
  for (const dll of ['kernel32.dll', 'ntdll.dll']) assert.ok(paths.some((f) => f.endsWith(`\\${dll}`)), dll);
  const exe = grouped.find((m) => lower(m.path) === lower(process.execPath));
  const regions = flat.filter((m) => lower(m.path) === lower(process.execPath));
  assert.equal(exe.rss, regions.reduce((sum, m) => sum + m.rss, 0));
});

test('openFiles: the file a child holds open, by the path the test knows; no directories', async (t) => {
  const { child, dir, ready } = startChild(t, HOLDER);
  await waitFor(ready);
  const p = await c.Process.create(child.pid);
  const held = lower(path.join(fs.realpathSync.native(dir), 'held.txt'));
  let files = [];
  // The name query is bounded per handle (psutil's 100 ms): a loaded machine may miss one on a pass.
  await waitFor(async () => {
    files = await p.openFiles();
    return files.some((f) => lower(f.path) === held);
  });
  assert.deepEqual(Object.keys(files[0]), records.WindowsProcessOpenFile);
  for (const f of files) {
    assert.equal(f.fd, -1);
    assert.ok(!fs.statSync(f.path).isDirectory(), `a directory: ${f.path}`);
  }
  // The child's cwd is a directory handle it holds: not listed.
  assert.ok(!files.some((f) => lower(f.path) === lower(fs.realpathSync.native(dir))));
});

test('ionice: IOPRIO_* levels in describe(); set through the identity-checked handle and read back where the system has the class; a stale createTime changes nothing', async (t) => {
  const levels = c.describe().constants.ioPriorities;
  assert.deepEqual(levels, { IOPRIO_VERYLOW: 0, IOPRIO_LOW: 1, IOPRIO_NORMAL: 2, IOPRIO_HIGH: 3 });
  assert.equal(c.IOPRIO_LOW, 1);
  assert.ok(Number.isNaN(c.IOPRIO_CLASS_BE));
  const { child, ready } = startChild(t, HOLDER);
  await waitFor(ready);
  const p = await c.Process.create(child.pid);
  // The identity check comes before any I/O priority call: a stale createTime is NoSuchProcess on every system.
  const stale = new c.Process(child.pid, (await p.createTime()) - 30, p.roots);
  await assert.rejects(stale.ionice(c.IOPRIO_VERYLOW), (e) => e instanceof c.NoSuchProcess);
  // psutil: a level only, no value; nothing outside the levels.
  await assert.rejects(p.ionice(c.IOPRIO_LOW, 3), (e) => e instanceof c.InvalidArgument);
  await assert.rejects(p.ionice(7), (e) => e instanceof c.InvalidArgument);
  const before = await p.ionice().catch((e) => e);
  if (before instanceof c.Unsupported) {
    // Wine 8 has no ProcessIoPriority information class (STATUS_INVALID_INFO_CLASS): unchecked.
    assert.match(before.message, /ProcessIoPriority/);
    t.diagnostic(`ionice unchecked: ${before.message}`);
    const set = await p.ionice(c.IOPRIO_LOW).catch((e) => e);
    t.diagnostic(`ionice(IOPRIO_LOW) under Wine: ${set instanceof Error ? set.message : 'accepted'}`);
    assert.ok(set === undefined || set instanceof c.Unsupported, String(set));
    return;
  }
  assert.deepEqual(before, { ioclass: c.IOPRIO_NORMAL, value: 0 }, 'the stale call changed nothing');
  await p.ionice(c.IOPRIO_LOW);
  assert.deepEqual(await (await c.Process.create(child.pid)).ionice(), { ioclass: c.IOPRIO_LOW, value: 0 });
});
