// cpu/disk/other-system functions against Debian's python3-psutil on the same machine.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { collector } from './helpers';

const PYTHON = '/usr/bin/python3';
const SCRIPT = `
import json, os, psutil
def parts(all):
    return sorted([p.device, p.mountpoint, p.fstype] for p in psutil.disk_partitions(all=all))
print(json.dumps({
  "version": psutil.__version__,
  "partitions": parts(False),
  "partitions_all": parts(True),
  "usage": psutil.disk_usage("/")._asdict(),
  "loadavg": psutil.getloadavg(),
  "cpu_stats": psutil.cpu_stats()._asdict(),
  "cpu_freq": [f._asdict() for f in psutil.cpu_freq(percpu=True)],
  "users": sorted([u.name, u.terminal] for u in psutil.users()),
  "pids": psutil.pids(),
  "pid_exists": [psutil.pid_exists(os.getpid()), psutil.pid_exists(0), psutil.pid_exists(2**31 - 2)],
  "perdisk": sorted(psutil.disk_io_counters(perdisk=True).keys()),
  "disk_total": (lambda d: d._asdict() if d else None)(psutil.disk_io_counters()),
  "constants": {n: (v if isinstance(v, str) else int(v)) for n, v in vars(psutil).items()
                if n.startswith(("STATUS_", "CONN_", "NIC_DUPLEX_", "POWER_TIME_", "IOPRIO_CLASS_", "RLIMIT_", "RLIM_"))},
}))
`;

interface Reference {
  version: string;
  partitions: string[][];
  partitions_all: string[][];
  usage: Record<'total' | 'used' | 'free' | 'percent', number>;
  loadavg: number[];
  cpu_stats: Record<'ctx_switches' | 'interrupts' | 'soft_interrupts' | 'syscalls', number>;
  cpu_freq: Record<'current' | 'min' | 'max', number>[];
  users: [string, string | null][];
  pids: number[];
  pid_exists: boolean[];
  perdisk: string[];
  disk_total: Record<string, number> | null;
  constants: Record<string, string | number>;
}

function runPsutil(): { reference?: Reference; problem?: string } {
  const result = spawnSync(PYTHON, ['-W', 'ignore', '-c', SCRIPT], { encoding: 'utf8' });
  if (result.error) return { problem: `${PYTHON} could not run: ${result.error.message}` };
  if (result.status !== 0) return { problem: `python3-psutil is not usable: ${result.stderr.trim().split('\n').pop()}` };
  return { reference: JSON.parse(result.stdout) as Reference };
}

const { reference, problem } = runPsutil();
if (!reference) {
  if (process.env.CI) {
    describe('psutil comparison (system)', () => {
      it('needs python3-psutil on CI', () => {
        throw new Error(`python3-psutil is required on CI: ${problem}`);
      });
    });
  } else {
    console.warn(`skipping the psutil comparison: ${problem}`);
  }
}

const DRIFT_BYTES = 256 * 1024 * 1024;

describe.skipIf(!reference)(`psutil ${reference?.version ?? ''} comparison: cpu, disks, other`, () => {
  const ps = reference!;
  const triples = (parts: { device: string; mountpoint: string; fstype: string }[]) =>
    parts.map((p) => [p.device, p.mountpoint, p.fstype]).sort();

  it('disk_partitions(all=False) and (all=True): same device/mountpoint/fstype entries', async () => {
    const physical = await collector.diskPartitions();
    expect(physical.length).toBeGreaterThan(0);
    expect(triples(physical)).toEqual(ps.partitions);
    expect(triples(await collector.diskPartitions({ all: true }))).toEqual(ps.partitions_all);
  });

  it("disk_usage('/'): total exact, used/free within drift, percent consistent", async () => {
    const usage = await collector.diskUsage('/');
    expect(usage.total).toBe(ps.usage.total);
    expect(Math.abs(usage.used - ps.usage.used)).toBeLessThanOrEqual(DRIFT_BYTES);
    expect(Math.abs(usage.free - ps.usage.free)).toBeLessThanOrEqual(DRIFT_BYTES);
    expect(usage.percent).toBe(Number(((usage.used / (usage.used + usage.free)) * 100).toFixed(1)));
    expect(Math.abs(usage.percent - ps.usage.percent)).toBeLessThanOrEqual(0.5);
  });

  it('getloadavg() within drift (both from sysinfo(2))', async () => {
    const load = await collector.getloadavg();
    expect(load).toHaveLength(3);
    load.forEach((value, i) => expect(Math.abs(value - ps.loadavg[i]!)).toBeLessThanOrEqual(1.5));
  });

  it('cpu_stats(): ctx_switches and interrupts within drift, syscalls 0', async () => {
    const stats = await collector.cpuStats();
    expect(stats.ctxSwitches).toBeGreaterThanOrEqual(ps.cpu_stats.ctx_switches);
    expect(stats.ctxSwitches - ps.cpu_stats.ctx_switches).toBeLessThan(5_000_000);
    expect(stats.interrupts).toBeGreaterThanOrEqual(ps.cpu_stats.interrupts);
    expect(stats.softInterrupts).toBeGreaterThanOrEqual(ps.cpu_stats.soft_interrupts);
    expect(stats.syscalls).toBe(0);
  });

  it('cpu_freq(percpu=True): same CPUs and min/max', async () => {
    const freqs = await collector.cpuFreq({ percpu: true });
    expect(freqs).toHaveLength(ps.cpu_freq.length);
    freqs.forEach((f, i) => {
      expect(f.min).toBe(ps.cpu_freq[i]!.min);
      expect(f.max).toBe(ps.cpu_freq[i]!.max);
      expect(f.current).toBeGreaterThan(0);
    });
  });

  it('users(): same names and terminals', async () => {
    const mine = (await collector.users()).map((u) => [u.name, u.terminal]).sort();
    expect(mine).toEqual(ps.users);
  });

  it('pids(): sorted, and overlapping psutil’s list (long-lived processes are in both)', async () => {
    const mine = await collector.pids();
    expect(mine).toEqual([...mine].sort((a, b) => a - b));
    expect(mine).toContain(process.pid);
    expect(mine).toContain(1);
    const theirs = new Set(ps.pids);
    const common = mine.filter((pid) => theirs.has(pid)).length;
    // psutil's list was taken in beforeAll; other suites running in parallel
    // (and the slow sanitizer build) start and end processes in between.
    expect(common).toBeGreaterThanOrEqual(Math.min(mine.length, ps.pids.length) * 0.9);
  });

  it('pid_exists(): self true, 0 and a huge pid as psutil says', async () => {
    expect(ps.pid_exists[0]).toBe(true);
    expect(await collector.pidExists(process.pid)).toBe(true);
    expect(await collector.pidExists(0)).toBe(ps.pid_exists[1]);
    expect(await collector.pidExists(2 ** 31 - 2)).toBe(ps.pid_exists[2]);
    expect(await collector.pidExists(2 ** 40)).toBe(false);
    expect(await collector.pidExists(-5)).toBe(false);
  });

  it('disk_io_counters(perdisk=True): the same device names; the total over the same whole disks', async () => {
    const perdisk = await collector.diskIoCounters({ perdisk: true });
    expect(Object.keys(perdisk).sort()).toEqual(ps.perdisk);
    const total = await collector.diskIoCounters();
    if (ps.disk_total === null) {
      expect(total).toBeNull();
    } else {
      expect(total).not.toBeNull();
      // Counters only grow between psutil's read and ours.
      expect(total!.readCount).toBeGreaterThanOrEqual(ps.disk_total.read_count!);
      expect(total!.writeBytes).toBeGreaterThanOrEqual(ps.disk_total.write_bytes!);
      expect(total!.readCount - ps.disk_total.read_count!).toBeLessThan(100_000);
    }
  });

  it('constants: every one psutil exposes on Linux, with the same value', () => {
    const names = Object.keys(ps.constants);
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      expect((collector.constants as Record<string, unknown>)[name], name).toBe(ps.constants[name]);
    }
  });
});
