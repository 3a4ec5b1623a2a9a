import { describe, expect, it } from 'vitest';
import { formatSnapshotText } from '../../app/main/cli/report';
import { bytes2human } from '../../app/main/cli/report/units';
import { collectSnapshot } from '../../app/main/cli/snapshot';
import { Collector } from '../../app/main/core/collector';
import { Sampler } from '../../app/main/core/sampler';
import { buildFamilies } from '../../app/main/server/metrics-families';
import { memoryPageFigures, memoryTileText } from '../../app/renderer/src/data/memory';
import { formatBytes } from '../../app/renderer/src/format';

// One tick of this machine's memory, taken once, through the code of every
// place a person reads "used" in: the Overview tile (and the tray popup, which
// shows it), the Memory page, `procyon snapshot` and the exporter. Each must
// show psutil's virtual_memory().used of that tick, under that name.

const UNITS: Record<string, number> = { B: 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30, TiB: 2 ** 40 };
function bytesOf(text: string): number {
  const m = /^([\d.]+)\s*([A-Za-z]+)$/.exec(text.trim());
  if (!m || UNITS[m[2]!] === undefined) throw new Error(`not a size: ${text}`);
  return Number(m[1]) * UNITS[m[2]!]!;
}

/** The `used` cell of the Mem: row of `procyon snapshot`'s memory table, found by its header. */
function cliUsed(text: string): string {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^\s+total\s+used\s+free\b/.test(l));
  expect(header).toBeGreaterThanOrEqual(0);
  const column = lines[header]!.trim().split(/\s+/).indexOf('used');
  const mem = lines.slice(header + 1).find((l) => l.startsWith('Mem:'))!;
  return mem.trim().split(/\s+/)[column + 1]!;
}

describe('the used-memory figure', () => {
  it('is the same number, psutil’s used, on the Overview tile, the Memory page, in procyon snapshot and in the exporter', async () => {
    const sampler = new Sampler(new Collector(), { intervalMs: 1000 });
    const tick = (await sampler.tick())!;
    const m = tick.memory;
    // A machine where total − available and used coincide could not tell the two apart.
    expect(m.total - m.available).not.toBe(m.used);

    const tile = /\bused (\S+ \S+)/.exec(memoryTileText(m).detail)?.[1];
    const page = memoryPageFigures(m).find((f) => f.name === 'used')?.text;
    const cli = cliUsed(formatSnapshotText({ ...(await collectSnapshot({})), virtualMemory: m }));
    const exported = buildFamilies({ snapshot: tick, perCpu: null, cpuStats: null, disks: null, hwmon: null, powerSupplies: null, processes: null, bootTime: null, updateSeconds: 0 }).procyon_memory_used_bytes;

    expect(tile).toBe(formatBytes(m.used));
    expect(page).toBe(formatBytes(m.used));
    expect(cli).toBe(bytes2human(m.used));
    expect(exported).toEqual([{ labels: {}, value: m.used }]);
    // What a person compares: the dashboard's three significant digits and the CLI's one decimal read as the same size.
    const gib = 2 ** 30;
    expect(Math.abs(bytesOf(tile!) - bytesOf(cli))).toBeLessThanOrEqual(Math.max(0.05 * bytesOf(cli), 0.06 * gib));
  });
});
