// Section 5: how the table snapshot and the tick cost grow with the number of
// processes. The tick is the collector's part of a process-page tick: the
// dashboard's systemSnapshot plus the sampler's table read (a change list
// from ProcessTableReader, 50 ms after the previous one here rather than 1 s,
// so fewer rows change than at a 1 s refresh), in-process; its CPU (all
// threads, from process.cpuUsage) per tick is the share of one core it costs
// at a 1 s refresh.
import * as collector from '@procyon/collector';
import { setLoad } from './spawn-load.mjs';
import { floorTable, procyonTable, psutilTable } from './process-table.mjs';
import { mountpoints, procyonSystemTick } from './system.mjs';
import { TABLE_FIELDS, median, sleep } from './lib.mjs';

async function tickCost(n) {
  const paths = await mountpoints();
  // The sampler's reads: its table comes as a change list (ProcessTableReader), io included for the rates.
  const reader = new collector.ProcessTableReader({ fields: [...TABLE_FIELDS, 'io'] });
  await reader.read();
  const wall = [];
  const cpu = [];
  const changed = [];
  for (let i = 0; i < n + 2; i++) {
    await sleep(50); // let the previous tick's garbage and threads settle, as 1 s would
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await procyonSystemTick(paths);
    const changes = await reader.read();
    const dt = performance.now() - t0;
    const dc = process.cpuUsage(c0);
    if (i >= 2) {
      wall.push(dt);
      cpu.push((dc.user + dc.system) / 1000);
      changed.push(changes.rows.length);
    }
  }
  return { wallMs: median(wall), cpuMs: median(cpu), percentOfCoreAt1s: median(cpu) / 10, changedRows: median(changed) };
}

export async function measureScaling({ sizes, n, floorBin, log }) {
  const rows = [];
  for (const size of sizes) {
    log(`  ${size} extra processes…`);
    await setLoad(size);
    await sleep(300);
    const procyon = await procyonTable(n);
    const psutil = await psutilTable(n);
    const floor = await floorTable(floorBin, n);
    const tick = await tickCost(n);
    rows.push({
      extra: size,
      processes: procyon.count,
      procyonMs: procyon.ms,
      procyonUsPerProcess: (procyon.ms * 1000) / procyon.count,
      psutilMs: psutil.ms,
      floorMs: floor.ms,
      psutilVsProcyon: psutil.ms / procyon.ms,
      procyonVsFloor: procyon.ms / floor.ms,
      tick,
    });
  }
  return rows;
}
