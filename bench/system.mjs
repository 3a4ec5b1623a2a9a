// Section 2: everything the dashboard shows in one tick — CPU times (total and
// per CPU), CPU stats/freq/load, memory, swap, disk I/O per disk, net I/O per
// NIC, partitions and their usage, sensors, battery — by each contender.
import path from 'node:path';
import * as collector from '@procyon/collector';
import si from 'systeminformation';
import { BENCH_DIR, PYTHON, lastJsonLine, median, run, timeRepeated } from './lib.mjs';

/** What the sampler reads each tick when a client has every system topic on screen (app/main/core/collector.ts). */
export const DASHBOARD_TOPICS = [
  'cpuTimes',
  'perCpuTimes',
  'cpuStats',
  'loadavg',
  'perCpuFreq',
  'virtualMemory',
  'swapMemory',
  'perDiskIoCounters',
  'diskPartitions',
  'diskUsage',
  'perNicIoCounters',
  'netIfStats',
  'sensorsTemperatures',
  'sensorsFans',
  'sensorsBattery',
];

/** The mount points, as the sampler knows them from its previous tick. */
export async function mountpoints() {
  return (await collector.diskPartitions()).map((p) => p.mountpoint);
}

export async function procyonSystemTick(diskUsagePaths) {
  return collector.systemSnapshot({ topics: DASHBOARD_TOPICS, diskUsagePaths });
}

/** systeminformation's closest equivalents of the same tick. */
export async function siSystemTick() {
  return Promise.all([
    si.currentLoad(), // per-CPU load from /proc/stat
    si.mem(),
    si.disksIO(), // whole-system totals only: it has no per-disk call
    si.networkStats('*'),
    si.fsSize(), // partitions and usage (runs df)
    si.cpuTemperature(),
    si.battery(),
  ]);
}

export async function measureSystem({ n, log }) {
  const paths = await mountpoints();
  const results = {};
  log('  procyon systemSnapshot…');
  results.procyon = await timeRepeated(() => procyonSystemTick(paths), n);
  log('  psutil calls…');
  const py = lastJsonLine(await run(PYTHON, [path.join(BENCH_DIR, 'psutil_system.py'), String(n)]));
  results.psutil = { times: py.times };
  log('  systeminformation calls…');
  // Like processes(), some of these answer from a cache for a while (disksIO,
  // networkStats); 1 s apart is how a dashboard would call them.
  results.systeminformation = await timeRepeated(siSystemTick, n, 1, 1000);
  const out = {};
  for (const [name, r] of Object.entries(results)) out[name] = { ms: median(r.times), min: Math.min(...r.times), runs: r.times.length };
  for (const r of Object.values(out)) r.vsProcyon = r.ms / out.procyon.ms;
  return out;
}
