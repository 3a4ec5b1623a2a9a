import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { arrangePs, collectPs, formatPs, type PsRow } from './ps';

const row = (pid: number, ppid: number, o: Partial<PsRow> = {}): PsRow => ({
  pid, ppid, user: 'root', status: 'sleeping', cpuPercent: 0, memoryPercent: 0, rss: 0, vms: 0, numThreads: 1, nice: 0, createTime: 0, name: `p${pid}`, cmdline: [`/bin/p${pid}`], gpuPercent: null, gpuMemory: null, ...o,
});

describe('procyon ps arrangement', () => {
  const rows = [row(1, 0, { cpuPercent: 1 }), row(20, 1, { cpuPercent: 30, user: 'ann' }), row(21, 20, { cpuPercent: 5, user: 'ann' }), row(30, 1, { cpuPercent: 9 })];

  it('sorts numbers descending (like top) and pids ascending', () => {
    expect(arrangePs(rows, { sort: 'cpuPercent', tree: false }).map((r) => r.row.pid)).toEqual([20, 30, 21, 1]);
    expect(arrangePs(rows, { sort: 'pid', tree: false }).map((r) => r.row.pid)).toEqual([1, 20, 21, 30]);
  });

  it('filters by user; an orphaned child starts its own tree', () => {
    const t = arrangePs(rows, { sort: 'pid', tree: true, user: 'ann' });
    expect(t.map((r) => [r.row.pid, r.depth])).toEqual([
      [20, 0],
      [21, 1],
    ]);
  });

  it('tree puts children under parents, siblings in sort order', () => {
    const t = arrangePs(rows, { sort: 'cpuPercent', tree: true });
    expect(t.map((r) => [r.row.pid, r.depth])).toEqual([
      [1, 0],
      [20, 1],
      [21, 2],
      [30, 1],
    ]);
    expect(formatPs(t).split('\n')[3]).toMatch(/ {4}└─ \/bin\/p21$/);
  });

  it('cuts lines to the terminal width when asked', () => {
    expect(formatPs(arrangePs(rows, { sort: 'pid', tree: false }), 30).split('\n').every((l) => l.length <= 30)).toBe(true);
  });

  it('sorts by GPU % and GPU memory, processes without a GPU client last; shows the GPU columns only when one holds one', () => {
    const gpu = [row(5, 1), row(6, 1, { gpuPercent: 0, gpuMemory: 4096 }), row(7, 1, { gpuPercent: 12.5, gpuMemory: 1024 }), row(8, 1)];
    expect(arrangePs(gpu, { sort: 'gpuPercent', tree: false }).map((r) => r.row.pid)).toEqual([7, 6, 5, 8]);
    expect(arrangePs(gpu, { sort: 'gpuMemory', tree: false }).map((r) => r.row.pid)).toEqual([6, 7, 5, 8]);
    const text = formatPs(arrangePs(gpu, { sort: 'gpuPercent', tree: false }));
    expect(text.split('\n')[0]).toMatch(/NI +%GPU +GPUMEM +COMMAND/);
    expect(text.split('\n')[1]).toMatch(/12\.5 +1\.0K +\/bin\/p7$/);
    expect(text.split('\n')[4]).toMatch(/ - +- +\/bin\/p8$/);
    expect(formatPs(arrangePs(rows, { sort: 'pid', tree: false }))).not.toContain('GPU');
  });

  it('shows kernel threads (no cmdline) by name in brackets', () => {
    expect(formatPs([{ row: row(2, 0, { cmdline: [], name: 'kthreadd' }), depth: 0 }])).toContain('[kthreadd]');
  });
});

describe('procyon ps on a captured tree with a DRM client', () => {
  it('reads the GPU share of the process holding one (its VRAM: the captured card is discrete), null for the rest; --sort gpu puts it first', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-ps-gpu-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(FIXTURE_PROC, dir, { recursive: true, verbatimSymlinks: true });
    // The amdgpu fixture client (native/test/fixtures/gpu) on the captured card's slot, 0000:09:00.0.
    const fdinfo = readFileSync(path.join(__dirname, '../../../native/test/fixtures/gpu/amdgpu/proc/1001/fdinfo/12'), 'utf8');
    symlinkSync('/dev/dri/renderD128', path.join(dir, '26232/fd/9'));
    mkdirSync(path.join(dir, '26232/fdinfo'), { recursive: true });
    writeFileSync(path.join(dir, '26232/fdinfo/9'), fdinfo);
    const rows = await collectPs({ procfs: dir, sysfs: FIXTURE_SYS }, 10);
    const holder = rows.find((r) => r.pid === 26232)!;
    expect(holder.gpuMemory).toBe(262144 * 1024); // drm-memory-vram; its 4096 KiB of GTT is system RAM
    expect(holder.gpuPercent).toBe(0); // its counters did not move
    expect(rows.filter((r) => r.pid !== 26232).every((r) => r.gpuPercent === null && r.gpuMemory === null)).toBe(true);
    expect(arrangePs(rows, { sort: 'gpuPercent', tree: false })[0]!.row.pid).toBe(26232);
  });
});
