// NVML's loading and mapping, driven by a stand-in library (test/nvml_fake.c)
// built here from C: this project's machines have no NVIDIA GPU, so real NVML
// cannot be exercised; the fake answers fixed values through NVML's
// documented entry points and struct layouts. Each case runs in a child node
// whose environment names the library (PROCYON_NVML_LIBRARY), as a user
// would, so the addon of this test process is not touched.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GpuDevice } from '../lib/gpu';
import type { ProcessGpuReading } from '../lib/gpu_usage';
import { PACKAGE_DIR } from './helpers';

const TREE = path.join(PACKAGE_DIR, 'test', 'fixtures', 'gpu', 'i915');
const roots = { procfs: path.join(TREE, 'proc'), sysfs: path.join(TREE, 'sys') };
let dir = '';
let library = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'procyon-nvml-'));
  library = path.join(dir, 'libnvidia-ml.so.1');
  const cc = spawnSync('cc', ['-shared', '-fPIC', '-O1', '-o', library, path.join(PACKAGE_DIR, 'test', 'nvml_fake.c')], { encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`cc failed: ${cc.stderr}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** gpus() and processGpu() over the i915 tree in a child node with `env`. */
function run(env: Record<string, string>): { gpus: GpuDevice[]; processes: ProcessGpuReading['processes'] } {
  const script = `
    const c = require(${JSON.stringify(path.join(PACKAGE_DIR, 'dist', 'index.js'))});
    const b = require(${JSON.stringify(path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node'))});
    const roots = ${JSON.stringify(roots)};
    Promise.all([c.gpus(roots), b.processGpu(roots)]).then(([gpus, reading]) => process.stdout.write(JSON.stringify({ gpus, processes: reading.processes })));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as { gpus: GpuDevice[]; processes: ProcessGpuReading['processes'] };
}

describe('NVML (through a stand-in library: unverified on NVIDIA hardware)', () => {
  it('maps every device figure, after the DRM cards', () => {
    const { gpus } = run({ PROCYON_NVML_LIBRARY: library });
    expect(gpus.map((g) => g.id)).toEqual(['card0', 'nvml0']);
    expect(gpus[1]).toEqual({
      id: 'nvml0',
      source: 'nvml',
      driver: 'nvidia',
      pciSlot: '0000:01:00.0',
      vendorId: 0x10de,
      deviceId: 0x2684,
      vendor: 'NVIDIA Corporation', // the tree's pci.ids
      model: 'NVIDIA GeForce RTX 4090',
      busyPercent: 63,
      memoryBusyPercent: 21,
      engines: [
        { name: 'encoder', busyPercent: 12 },
        { name: 'decoder', busyPercent: null }, // NOT_SUPPORTED
      ],
      memory: { vramUsed: 3221225472, vramTotal: 25757220864, visVramUsed: null, visVramTotal: null, gttUsed: null, gttTotal: null },
      temperatures: [{ label: 'gpu', current: 61, high: null, critical: null }],
      powerWatts: 215.34,
      powerLimitWatts: 450,
      fanRpm: null,
      fanPercent: 44,
      clockGraphicsMhz: 2520,
      clockMemoryMhz: 10501,
      clockGraphicsMaxMhz: 3105,
      performanceLevel: null,
    });
  });

  it('per process: compute and graphics memory summed, the newest utilization sample; an unavailable figure is null', () => {
    const { processes } = run({ PROCYON_NVML_LIBRARY: library });
    const byPid = new Map(processes.map((p) => [p.pid, p]));
    expect(byPid.get(4242)).toEqual({
      pid: 4242,
      devices: ['nvml0'],
      memoryBytes: 1073741824 + 268435456,
      counters: [],
      nvml: [{ device: 'nvml0', memoryBytes: 1073741824 + 268435456, smPercent: 55, encPercent: 7, decPercent: 0 }],
    });
    expect(byPid.get(4343)!.nvml).toEqual([{ device: 'nvml0', memoryBytes: null, smPercent: null, encPercent: null, decPercent: null }]);
    // The DRM clients are still there.
    expect(byPid.has(2001)).toBe(true);
  });

  it('an absent library is no NVML device and no error; a captured tree is never mixed with this machine’s NVML', () => {
    expect(run({ PROCYON_NVML_LIBRARY: path.join(dir, 'missing.so') }).gpus.map((g) => g.id)).toEqual(['card0']);
    expect(run({ PROCYON_NVML_LIBRARY: '' }).gpus.map((g) => g.id)).toEqual(['card0']);
  });
});
