// Section 6 (`--only gpu`): what the GPU column adds to the process page.
// The sampler's table read (ProcessTableReader, the fields of section 1 plus
// io) with gpu: false and with gpu: true, alternated read by read so both see
// the same machine, on the live /proc and on a generated tree whose DRM
// clients have fdinfo. The collector reads the known DRM holders (and pids
// not seen before) at every read and rescans every process's fds every
// kDrmRescanEvery-th read (native/src/linux/drm_clients.h): those reads are
// reported apart from the ones in between.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as collector from '@procyon/collector';
import { ROOT, TABLE_FIELDS, median, sleep } from './lib.mjs';

/** The collector's rescan period (kDrmRescanEvery): read i (0-based, per procfs root) scans every process's fds when i % 5 == 0. */
export const RESCAN_EVERY = Number(readFileSync(path.join(ROOT, 'native', 'src', 'linux', 'drm_clients.h'), 'utf8').match(/kDrmRescanEvery\s*=\s*(\d+)/)?.[1]);
const FIELDS = [...TABLE_FIELDS, 'io'];
// The generated tree: about as many processes as a desktop has, each with a desktop process's fds.
export const TREE = { processes: 300, fdsPerProcess: 50, drmHolders: 10 };
const FIXTURE_FDINFO = path.join(ROOT, 'native', 'test', 'fixtures', 'gpu', 'amdgpu', 'proc', '1001', 'fdinfo', '12');

/**
 * A /proc tree of TREE.processes processes with TREE.fdsPerProcess fds each,
 * laid out as native/test/fixtures/gpu's: fd/N links and fdinfo/N files; the
 * first TREE.drmHolders processes hold two DRM fds (/dev/dri/renderD128 and
 * card0) whose fdinfo is the amdgpu fixture's with its own drm-client-id.
 * The per-process files the table reads (stat, statm, status, io, cmdline)
 * are this process's, with the pid changed.
 */
export function makeTree() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-bench-gpu-'));
  const proc = path.join(dir, 'proc');
  mkdirSync(proc);
  // Read and written, not copied: /proc files report a size of 0.
  for (const f of ['stat', 'uptime', 'meminfo', 'loadavg']) writeFileSync(path.join(proc, f), readFileSync(`/proc/${f}`));
  const self = process.pid;
  const own = Object.fromEntries(['stat', 'statm', 'status', 'io', 'cmdline'].map((f) => [f, readFileSync(`/proc/${self}/${f}`, 'utf8')]));
  const drmInfo = readFileSync(FIXTURE_FDINFO, 'utf8');
  const others = ['/dev/null', 'socket:[4242]', 'pipe:[4343]', '/usr/lib/x86_64-linux-gnu/libc.so.6', 'anon_inode:[eventfd]'];
  for (let i = 0; i < TREE.processes; i++) {
    const pid = 10000 + i;
    const p = path.join(proc, String(pid));
    mkdirSync(path.join(p, 'fd'), { recursive: true });
    mkdirSync(path.join(p, 'fdinfo'));
    writeFileSync(path.join(p, 'stat'), own.stat.replace(/^\d+/, String(pid)));
    writeFileSync(path.join(p, 'statm'), own.statm);
    writeFileSync(path.join(p, 'status'), own.status.replace(/^Pid:\t\d+$/m, `Pid:\t${pid}`));
    writeFileSync(path.join(p, 'io'), own.io);
    writeFileSync(path.join(p, 'cmdline'), own.cmdline);
    for (let fd = 0; fd < TREE.fdsPerProcess; fd++) {
      const drm = i < TREE.drmHolders && fd >= TREE.fdsPerProcess - 2;
      const target = drm ? `/dev/dri/${fd === TREE.fdsPerProcess - 1 ? 'card0' : 'renderD128'}` : others[fd % others.length];
      symlinkSync(target, path.join(p, 'fd', String(fd)));
      const info = drm
        ? drmInfo.replace(/^drm-client-id:\t\d+$/m, `drm-client-id:\t${pid * 2 + (fd & 1)}`)
        : `pos:\t0\nflags:\t02\nmnt_id:\t26\nino:\t${pid * 100 + fd}\n`;
      writeFileSync(path.join(p, 'fdinfo', String(fd)), info);
    }
  }
  return { procfs: proc, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `reads` reads of each reader, alternated (off, on, off, on, …), `gapMs`
 * apart untimed; the first RESCAN_EVERY reads of each are warm-up (the first
 * is the whole table; the first GPU read scans everything). This must be the
 * first GPU reader on `procfs` in this process (the rescan count is per
 * root), so read i with gpu on is a full scan when i % RESCAN_EVERY == 0.
 */
async function compare(procfs, fullReads, gapMs) {
  const roots = procfs ? { procfs } : {};
  const off = new collector.ProcessTableReader({ ...roots, fields: FIELDS });
  const on = new collector.ProcessTableReader({ ...roots, fields: FIELDS, gpu: true });
  const time = async (reader) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const changes = await reader.read();
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { wall, cpu: (c.user + c.system) / 1000, changes };
  };
  const sample = { off: { between: [], full: [] }, on: { between: [], full: [] } };
  let rows = 0;
  let holders = 0;
  const total = RESCAN_EVERY * (fullReads + 1);
  for (let i = 0; i < total; i++) {
    if (i) await sleep(gapMs);
    const a = await time(off);
    await sleep(gapMs);
    const b = await time(on);
    if (i < RESCAN_EVERY) continue;
    const kind = i % RESCAN_EVERY === 0 ? 'full' : 'between';
    sample.off[kind].push(a);
    sample.on[kind].push(b);
    rows = b.changes.count;
    holders = b.changes.gpu?.length ?? 0;
  }
  const stats = (xs) => ({ wallMs: median(xs.map((x) => x.wall)), cpuMs: median(xs.map((x) => x.cpu)), reads: xs.length });
  const out = { processes: rows, gpuHolders: holders };
  for (const kind of ['between', 'full']) {
    const o = stats(sample.off[kind]);
    const g = stats(sample.on[kind]);
    out[kind] = { off: o, on: g, addedWallMs: g.wallMs - o.wallMs, addedCpuMs: g.cpuMs - o.cpuMs, ratio: g.wallMs / o.wallMs };
  }
  // Averaged over a rescan period: what the column costs per tick at a 1 s refresh.
  const per = (k) => (out.full.on[k] + (RESCAN_EVERY - 1) * out.between.on[k] - out.full.off[k] - (RESCAN_EVERY - 1) * out.between.off[k]) / RESCAN_EVERY;
  out.perTick = { addedWallMs: per('wallMs'), addedCpuMs: per('cpuMs') };
  return out;
}

/** Both subjects: `n` full-scan reads each (and 4n reads in between), 50 ms apart. */
export async function measureGpu({ n, log }) {
  if (!Number.isInteger(RESCAN_EVERY) || RESCAN_EVERY < 1) throw new Error('could not read kDrmRescanEvery from native/src/linux/drm_clients.h');
  log('  live /proc: ProcessTableReader with gpu off and on…');
  const live = await compare(undefined, n, 50);
  log(`  generated tree (${TREE.processes} processes × ${TREE.fdsPerProcess} fds, ${TREE.drmHolders} holding DRM clients)…`);
  const tree = makeTree();
  try {
    const generated = await compare(tree.procfs, n, 50);
    return { rescanEvery: RESCAN_EVERY, tree: TREE, live, generated };
  } finally {
    tree.cleanup();
  }
}
