// GPUs on captured trees: the amdgpu card of prometheus-procfs, and
// test/fixtures/gpu's amdgpu (RX 6800 XT), i915 (Arc A770), xe (Arc B580) and
// amdgpu APU (Radeon 680M) machines laid out as sysfs exposes them, with /proc trees of
// DRM clients whose fdinfo follows the kernel's drm-usage-stats.rst. A DRM fd
// in a tree is a link to /dev/dri/<node> (the char device major 226 cannot
// be made in a fixture; where the target exists it must be one), with the
// fdinfo's mandatory drm-driver key. Rates are checked over two reads with
// known deltas: the tests change the files between the reads.

import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import type { ProcessGpuReading } from '../lib/gpu_usage';
import { collector, FIXTURE_ROOTS, PACKAGE_DIR } from './helpers';

const require = createRequire(import.meta.url);
const binding = require(path.join(PACKAGE_DIR, 'build', 'Release', 'procyon_collector.node')) as {
  processGpu(options: { procfs: string; sysfs: string; pid?: number }): Promise<ProcessGpuReading>;
};
const { GpuUsageTracker } = require(path.join(PACKAGE_DIR, 'dist', 'gpu_usage.js')) as typeof import('../lib/gpu_usage');

const TREES = path.join(PACKAGE_DIR, 'test', 'fixtures', 'gpu');
const rootsOf = (dir: string): { procfs: string; sysfs: string } => ({ procfs: path.join(dir, 'proc'), sysfs: path.join(dir, 'sys') });
const KiB = 1024;

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A private copy of a machine tree (links kept as links), for a test that changes it. */
function copyOf(machine: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `procyon-gpu-${machine}-`));
  copies.push(dir);
  cpSync(path.join(TREES, machine), dir, { recursive: true, verbatimSymlinks: true });
  // The pci.ids link points at the shared file beside the machines.
  cpSync(path.join(TREES, 'pci.ids'), path.join(dir, '..', `${path.basename(dir)}.pci.ids`));
  rmSync(path.join(dir, 'usr/share/hwdata/pci.ids'));
  symlinkSync(path.join(dir, '..', `${path.basename(dir)}.pci.ids`), path.join(dir, 'usr/share/hwdata/pci.ids'));
  copies.push(path.join(dir, '..', `${path.basename(dir)}.pci.ids`));
  return dir;
}

const hrSeconds = (): number => Number(process.hrtime.bigint()) / 1e9;
/** Reads twice around `change`, with the bounds the elapsed time between the two native reads lies in. */
async function twoReads<T>(read: () => Promise<T>, change: () => void): Promise<{ first: T; second: T; minElapsed: number; maxElapsed: number }> {
  const a1 = hrSeconds();
  const first = await read();
  const b1 = hrSeconds();
  change();
  const a2 = hrSeconds();
  const second = await read();
  const b2 = hrSeconds();
  return { first, second, minElapsed: a2 - b1, maxElapsed: b2 - a1 };
}

const NO_MEMORY = { vramUsed: null, vramTotal: null, visVramUsed: null, visVramTotal: null, gttUsed: null, gttTotal: null };

describe('gpus(): devices', () => {
  it('the captured amdgpu card0 exactly, and the i915 card1 beside it; connectors are no cards', async () => {
    const gpus = await collector.gpus(FIXTURE_ROOTS);
    expect(gpus.map((g) => g.id)).toEqual(['card0', 'card1']);
    expect(gpus[0]).toEqual({
      id: 'card0',
      source: 'drm',
      driver: 'amdgpu',
      pciSlot: '0000:09:00.0',
      vendorId: 0x1002,
      deviceId: 0x687f,
      vendor: null, // the captured tree has no pci.ids
      model: null,
      busyPercent: 4,
      memoryBusyPercent: null,
      engines: [],
      memory: { vramUsed: 1490378752, vramTotal: 8573157376, visVramUsed: 1490378752, visVramTotal: 8573157376, gttUsed: 144560128, gttTotal: 8573157376 },
      temperatures: [],
      powerWatts: null,
      powerLimitWatts: null,
      fanRpm: null,
      fanPercent: null,
      clockGraphicsMhz: 852, // pp_dpm_sclk's current level (no hwmon in the capture)
      clockMemoryMhz: 167,
      clockGraphicsMaxMhz: 1630,
      performanceLevel: 'manual',
    });
    expect(gpus[1]).toMatchObject({ id: 'card1', driver: 'i915', pciSlot: '0000:00:02.0', vendorId: 0x8086, deviceId: 0x5917, memory: NO_MEMORY });
    expect(collector.capabilities(FIXTURE_ROOTS).gpus).toBe(true);
  });

  it('i915 (discrete Arc A770): frequencies, hwmon power limit, names from pci.ids; power from the energy counter over two reads', async () => {
    const dir = copyOf('i915');
    const roots = rootsOf(dir);
    const energy = path.join(dir, 'sys/devices/pci0000:00/0000:00:01.0/0000:03:00.0/hwmon/hwmon2/energy1_input');
    const { first, second, minElapsed, maxElapsed } = await twoReads(
      () => collector.gpus(roots),
      () => writeFileSync(energy, `${4523000000 + 250000}\n`), // +0.25 J
    );
    expect(first).toEqual([
      {
        id: 'card0',
        source: 'drm',
        driver: 'i915',
        pciSlot: '0000:03:00.0',
        vendorId: 0x8086,
        deviceId: 0x56a0,
        vendor: 'Intel Corporation',
        model: 'DG2 [Arc A770]',
        busyPercent: null, // no rates on a first read
        memoryBusyPercent: null,
        engines: ['compute', 'copy', 'render', 'video', 'video-enhance'].map((name) => ({ name, busyPercent: null })),
        memory: NO_MEMORY,
        temperatures: [],
        powerWatts: null,
        powerLimitWatts: 190,
        fanRpm: null,
        fanPercent: null,
        clockGraphicsMhz: 1200,
        clockMemoryMhz: null,
        clockGraphicsMaxMhz: 2400,
        performanceLevel: null,
      },
    ]);
    const watts = second[0]!.powerWatts!;
    expect(watts).toBeGreaterThanOrEqual(0.25 / maxElapsed);
    expect(watts).toBeLessThanOrEqual(0.25 / minElapsed);
  });

  it('i915: device engine busy is the sum over its clients (each client once), the device figure the busiest engine', async () => {
    const dir = copyOf('i915');
    const roots = rootsOf(dir);
    const fdinfo = (pid: number, fd: number): string => path.join(dir, `proc/${pid}/fdinfo/${fd}`);
    const bump = (file: string, engine: string, from: number, by: number): void => {
      const text = require('node:fs').readFileSync(file, 'utf8') as string;
      writeFileSync(file, text.replace(`drm-engine-${engine}:\t${from} ns`, `drm-engine-${engine}:\t${from + by} ns`));
    };
    const { second, minElapsed, maxElapsed } = await twoReads(
      () => collector.gpus(roots),
      () => {
        // Client 7 (two fds of pid 2001) and client 9 (pid 2002) each ran render for 1 µs; client 9 video for 4 µs over capacity 2.
        for (const fd of [3, 4]) bump(fdinfo(2001, fd), 'render', 9288864723, 1000);
        bump(fdinfo(2002, 3), 'render', 1000000000, 1000);
        bump(fdinfo(2002, 3), 'video', 500000000, 4000);
      },
    );
    const engines = Object.fromEntries(second[0]!.engines.map((e) => [e.name, e.busyPercent]));
    // render: 2 µs over the elapsed time, in percent; video: 4 µs over two engines.
    expect(engines.render).toBeGreaterThanOrEqual((2e-6 / maxElapsed) * 100);
    expect(engines.render).toBeLessThanOrEqual((2e-6 / minElapsed) * 100);
    expect(engines.video).toBeCloseTo(engines.render!, 12);
    expect(engines.copy).toBe(0);
    expect(second[0]!.busyPercent).toBe(Math.max(...Object.values(engines).map(Number)));
  });

  it('xe (Arc B580): tile0/gt0 frequencies, hwmon temperatures and fan; engine busy from cycles, exact', async () => {
    const dir = copyOf('xe');
    const roots = rootsOf(dir);
    const file = path.join(dir, 'proc/3001/fdinfo/5');
    const { first, second } = await twoReads(
      () => collector.gpus(roots),
      () => {
        const text = require('node:fs').readFileSync(file, 'utf8') as string;
        // rcs busy 25 000 of 100 000 GPU cycles; vcs 20 000 of them over capacity 2.
        writeFileSync(
          file,
          text
            .replaceAll('7655183225', String(7655183225 + 100000))
            .replace('drm-cycles-rcs:\t28257900', `drm-cycles-rcs:\t${28257900 + 25000}`)
            .replace('drm-cycles-vcs:\t0', 'drm-cycles-vcs:\t20000'),
        );
      },
    );
    expect(first[0]).toMatchObject({
      driver: 'xe',
      pciSlot: '0000:03:00.0',
      vendor: 'Intel Corporation',
      model: 'Battlemage G21 [Arc B580]',
      clockGraphicsMhz: 2850,
      clockGraphicsMaxMhz: 2850,
      powerLimitWatts: 150,
      fanRpm: 1350,
      temperatures: [
        { label: 'pkg', current: 52, high: null, critical: null },
        { label: 'vram', current: 58, high: null, critical: null },
      ],
    });
    expect(second[0]!.engines).toEqual([
      { name: 'bcs', busyPercent: 0 },
      { name: 'ccs', busyPercent: 0 },
      { name: 'rcs', busyPercent: 25 },
      { name: 'vcs', busyPercent: 10 },
      { name: 'vecs', busyPercent: 0 },
    ]);
    expect(second[0]!.busyPercent).toBe(25);
  });

  it('amdgpu discrete (RX 6800 XT): every device file and its hwmon exactly; gfx busy the sum of its clients’ ns over two reads', async () => {
    const dir = copyOf('amdgpu');
    const roots = rootsOf(dir);
    const file = path.join(dir, 'proc/1001/fdinfo/12');
    const { first, second, minElapsed, maxElapsed } = await twoReads(
      () => collector.gpus(roots),
      () => {
        const text = require('node:fs').readFileSync(file, 'utf8') as string;
        writeFileSync(file, text.replace('drm-engine-gfx:\t43312000000 ns', 'drm-engine-gfx:\t43312003000 ns')); // +3 µs
      },
    );
    expect(first).toEqual([
      {
        id: 'card0',
        source: 'drm',
        driver: 'amdgpu',
        pciSlot: '0000:09:00.0',
        vendorId: 0x1002,
        deviceId: 0x73bf,
        vendor: 'Advanced Micro Devices, Inc. [AMD/ATI]',
        model: 'Navi 21 [Radeon RX 6800/6800 XT / 6900 XT]',
        busyPercent: 12,
        memoryBusyPercent: 3,
        engines: ['compute', 'dec', 'dma', 'enc', 'enc_1', 'gfx'].map((name) => ({ name, busyPercent: null })),
        memory: { vramUsed: 1389068288, vramTotal: 17163091968, visVramUsed: 41947136, visVramTotal: 268435456, gttUsed: 84578304, gttTotal: 16777216000 },
        temperatures: [
          { label: 'edge', current: 45, high: null, critical: 100 },
          { label: 'junction', current: 52, high: null, critical: 110 },
          { label: 'mem', current: 60, high: null, critical: 100 },
        ],
        powerWatts: 38, // power1_average
        powerLimitWatts: 255, // power1_cap
        fanRpm: 1100,
        fanPercent: 29.8, // pwm1 76 of 255
        clockGraphicsMhz: 500, // hwmon freq1_input (sclk), Hz
        clockMemoryMhz: 1000, // freq2_input (mclk)
        clockGraphicsMaxMhz: 2250, // pp_dpm_sclk's top level
        performanceLevel: 'auto',
      },
    ]);
    const gfx = second[0]!.engines.find((e) => e.name === 'gfx')!.busyPercent!;
    expect(gfx).toBeGreaterThanOrEqual((3e-6 / maxElapsed) * 100);
    expect(gfx).toBeLessThanOrEqual((3e-6 / minElapsed) * 100);
    expect(second[0]!.busyPercent).toBe(12); // amdgpu's own gpu_busy_percent stays the device figure
  });

  it('amdgpu APU (Radeon 680M): its carve-out VRAM and GTT, hwmon edge temperature, PPT power and cap, sclk', async () => {
    const [gpu] = await collector.gpus(rootsOf(path.join(TREES, 'apu')));
    expect(gpu).toMatchObject({
      driver: 'amdgpu',
      pciSlot: '0000:e4:00.0',
      vendor: 'Advanced Micro Devices, Inc. [AMD/ATI]',
      model: 'Rembrandt [Radeon 680M]',
      busyPercent: 37,
      memoryBusyPercent: 0,
      memory: { vramUsed: 417370112, vramTotal: 536870912, visVramUsed: 417370112, visVramTotal: 536870912, gttUsed: 1153712128, gttTotal: 8220835840 },
      temperatures: [{ label: 'edge', current: 48, high: null, critical: null }],
      powerWatts: 14.123,
      powerLimitWatts: 25,
      clockGraphicsMhz: 1100, // hwmon freq1_input, Hz
      clockMemoryMhz: 1200, // pp_dpm_mclk's current level
      clockGraphicsMaxMhz: 2200,
      performanceLevel: 'auto',
    });
  });

  it('no class/drm: capability false; an empty class/drm: []', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'procyon-gpu-none-'));
    copies.push(dir);
    mkdirSync(path.join(dir, 'proc'), { recursive: true });
    mkdirSync(path.join(dir, 'sys/class'), { recursive: true });
    expect(collector.capabilities(rootsOf(dir)).gpus).toBe(false);
    mkdirSync(path.join(dir, 'sys/class/drm'));
    writeFileSync(path.join(dir, 'sys/class/drm/version'), 'drm 1.1.0 20060810\n');
    expect(await collector.gpus(rootsOf(dir))).toEqual([]);
  });
});

describe('per process: DRM fdinfo', () => {
  it('i915: two fds sharing drm-client-id 7 count once; /dev/null (even with a drm-driver line), a socket and a file are no DRM fds', async () => {
    const reading = await binding.processGpu({ ...rootsOf(path.join(TREES, 'i915')), pid: 2001 });
    expect(reading.processes).toEqual([
      {
        pid: 2001,
        devices: ['0000:03:00.0'],
        memoryBytes: 81920 * KiB, // local0 resident; system memory not counted on a discrete card
        counters: [
          ['render', 9288864723, 1],
          ['copy', 2035071108, 1],
          ['video', 0, 2],
          ['video-enhance', 0, 2],
          ['compute', 0, 4],
        ].map(([engine, busy, capacity]) => ({ device: '0000:03:00.0', client: '0000:03:00.0/7', engine, busy, total: null, capacity })),
        nvml: [],
      },
    ]);
    expect((await binding.processGpu({ ...rootsOf(path.join(TREES, 'i915')), pid: 2003 })).processes).toEqual([]);
    // Without a pid: every holder, and only them.
    expect((await binding.processGpu(rootsOf(path.join(TREES, 'i915')))).processes.map((p) => p.pid)).toEqual([2001, 2002]);
  });

  it('memory: a discrete card its VRAM (xe vram0, older amdgpu drm-memory-vram), not GTT; the APU its carve-out and GTT', async () => {
    const one = async (machine: string, pid: number): Promise<number> => (await binding.processGpu({ ...rootsOf(path.join(TREES, machine)), pid })).processes[0]!.memoryBytes;
    expect(await one('xe', 3001)).toBe(23992 * KiB); // 192 KiB of GTT besides
    expect(await one('amdgpu', 1001)).toBe(262144 * KiB); // 4096 KiB of GTT besides
    expect(await one('apu', 4001)).toBe((65536 + 131072) * KiB);
  });

  it('memory: an amdgpu device is an APU by its hwmon vddnb (in1), which amdgpu shows on APUs only', async () => {
    // The APU machine without in1: its client counts only the carve-out, as on a discrete card.
    const dir = copyOf('apu');
    const hwmon = path.join(dir, 'sys/devices/pci0000:00/0000:00:08.1/0000:e4:00.0/hwmon/hwmon5');
    rmSync(path.join(hwmon, 'in1_label'));
    rmSync(path.join(hwmon, 'in1_input'));
    expect((await binding.processGpu({ ...rootsOf(dir), pid: 4001 })).processes[0]!.memoryBytes).toBe(65536 * KiB);
    // The discrete card's client on the APU's slot: GTT counts (a tree's /dev/dri links decide nothing here).
    const amd = copyOf('amdgpu');
    const file = path.join(amd, 'proc/1001/fdinfo/12');
    writeFileSync(file, readFileSync(file, 'utf8').replace('0000:09:00.0', '0000:e4:00.0'));
    expect((await binding.processGpu({ procfs: path.join(amd, 'proc'), sysfs: path.join(TREES, 'apu', 'sys'), pid: 1001 })).processes[0]!.memoryBytes).toBe((262144 + 4096) * KiB);
  });

  it('memory of an integrated Intel client (no device-local region): every region’s resident figure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'procyon-gpu-igpu-'));
    copies.push(dir);
    mkdirSync(path.join(dir, 'proc/88/fd'), { recursive: true });
    mkdirSync(path.join(dir, 'proc/88/fdinfo'), { recursive: true });
    symlinkSync('/dev/dri/card0', path.join(dir, 'proc/88/fd/4'));
    writeFileSync(
      path.join(dir, 'proc/88/fdinfo/4'),
      'pos:\t0\nflags:\t02100002\nmnt_id:\t26\nino:\t9\ndrm-driver:\ti915\ndrm-client-id:\t3\ndrm-pdev:\t0000:00:02.0\n' +
        'drm-total-system0:\t24576 KiB\ndrm-shared-system0:\t0\ndrm-resident-system0:\t20480 KiB\ndrm-total-stolen-system0:\t0\ndrm-resident-stolen-system0:\t1024 KiB\n' +
        'drm-engine-render:\t123 ns\n',
    );
    expect((await binding.processGpu({ ...rootsOf(dir), pid: 88 })).processes[0]!.memoryBytes).toBe((20480 + 1024) * KiB);
  });

  it('rates over two reads with known deltas: ns engines over the readings’ own timestamps, xe cycles over total cycles', async () => {
    const dir = copyOf('i915');
    const roots = rootsOf(dir);
    const file = path.join(dir, 'proc/2002/fdinfo/3');
    const before = (await binding.processGpu({ ...roots, pid: 2002 })).processes[0]!;
    const t1 = (await binding.processGpu({ ...roots, pid: 2002 })).timestamp;
    const text = require('node:fs').readFileSync(file, 'utf8') as string;
    writeFileSync(file, text.replace('drm-engine-render:\t1000000000 ns', 'drm-engine-render:\t1000200000 ns').replace('drm-engine-video:\t500000000 ns', 'drm-engine-video:\t500600000 ns'));
    const after = await binding.processGpu({ ...roots, pid: 2002 });
    const elapsed = after.timestamp - t1;
    const gpu = collector.processGpuBetween(before, after.processes[0]!, elapsed);
    const round = (n: number): number => Math.round(Math.min(100, n) * 10) / 10;
    expect(gpu.engines).toEqual({ render: round((0.2e-3 / elapsed) * 100), copy: 0, video: round((0.6e-3 / elapsed / 2) * 100), 'video-enhance': 0, compute: 0 });
    expect(gpu.busyPercent).toBe(Math.max(...Object.values(gpu.engines)));
    expect(gpu.devices).toEqual(['0000:03:00.0']);
    // Known elapsed: exact.
    expect(collector.processGpuBetween(before, after.processes[0]!, 0.01).engines).toMatchObject({ render: 2, video: 3 });

    const xe = copyOf('xe');
    const tracker = new GpuUsageTracker({ ...rootsOf(xe) });
    expect((await tracker.one(3001))!.engines).toEqual({ rcs: 0, bcs: 0, vcs: 0, vecs: 0, ccs: 0 });
    const xeFile = path.join(xe, 'proc/3001/fdinfo/5');
    const xeText = require('node:fs').readFileSync(xeFile, 'utf8') as string;
    writeFileSync(xeFile, xeText.replaceAll('7655183225', String(7655183225 + 200000)).replace('drm-cycles-ccs:\t0', 'drm-cycles-ccs:\t100000'));
    expect(await tracker.one(3001)).toEqual({ busyPercent: 12.5, engines: { rcs: 0, bcs: 0, vcs: 0, vecs: 0, ccs: 12.5 }, memoryBytes: 23992 * KiB, devices: ['0000:03:00.0'] });
  });

  it('a process that exits between two reads is left out, never an error', async () => {
    const dir = copyOf('i915');
    const tracker = new GpuUsageTracker(rootsOf(dir));
    expect([...(await tracker.all()).keys()]).toEqual([2001, 2002]);
    rmSync(path.join(dir, 'proc/2002'), { recursive: true });
    expect([...(await tracker.all()).keys()]).toEqual([2001]);
    expect(await tracker.one(2002)).toBeNull();
  });

  it('cadence: a new pid is read at once; a known process that opens its first DRM fd is found at the next full scan', async () => {
    const dir = copyOf('i915');
    const roots = rootsOf(dir);
    const holders = async (): Promise<number[]> => (await binding.processGpu(roots)).processes.map((p) => p.pid);
    expect(await holders()).toEqual([2001, 2002]); // the first read scans every process
    const addClient = (pid: number, fd: number, client: number): void => {
      mkdirSync(path.join(dir, `proc/${pid}/fd`), { recursive: true });
      mkdirSync(path.join(dir, `proc/${pid}/fdinfo`), { recursive: true });
      symlinkSync('/dev/dri/renderD128', path.join(dir, `proc/${pid}/fd/${fd}`));
      writeFileSync(path.join(dir, `proc/${pid}/fdinfo/${fd}`), `drm-driver:\ti915\ndrm-pdev:\t0000:03:00.0\ndrm-client-id:\t${client}\ndrm-engine-render:\t5 ns\n`);
    };
    addClient(2500, 3, 30); // a new process
    addClient(2003, 9, 31); // a process already seen without one
    const seen: number[][] = [];
    for (let i = 0; i < 5; i++) seen.push(await holders());
    expect(seen[0]).toEqual([2001, 2002, 2500]);
    // Read 2..4 since the full scan leave 2003 out; the 5th read (a full scan, every 5 reads) finds it.
    expect(seen.slice(1, 4)).toEqual([
      [2001, 2002, 2500],
      [2001, 2002, 2500],
      [2001, 2002, 2500],
    ]);
    expect(seen[4]).toEqual([2001, 2002, 2003, 2500]);
  });

  it('hostile fdinfo: overflowing, malformed and endless keys are dropped, the rest read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'procyon-gpu-garbage-'));
    copies.push(dir);
    mkdirSync(path.join(dir, 'proc/77/fd'), { recursive: true });
    mkdirSync(path.join(dir, 'proc/77/fdinfo'), { recursive: true });
    symlinkSync('/dev/dri/renderD128', path.join(dir, 'proc/77/fd/3'));
    const many = Array.from({ length: 500 }, (_, i) => `drm-engine-e${i}:\t1 ns`).join('\n');
    writeFileSync(
      path.join(dir, 'proc/77/fdinfo/3'),
      `drm-driver:\tamdgpu\ndrm-client-id:\tnot-a-number\ndrm-memory-vram:\t99999999999999999999 GiB\ndrm-memory-gtt:\t18014398509481984 GiB\n` +
        `drm-resident-vram0:\t8 KiB\ndrm-engine-gfx:\t12 parsecs\ndrm-engine-:\t3 ns\ndrm-engine-${'x'.repeat(100)}:\t1 ns\n${many}\n`,
    );
    const [process77] = (await binding.processGpu({ ...rootsOf(dir), pid: 77 })).processes;
    expect(process77!.memoryBytes).toBe(8 * KiB);
    expect(process77!.counters.length).toBe(64); // engines per client are bounded
    expect(process77!.counters.map((c) => c.engine)).not.toContain('gfx');
  });
});

describe('per process: the public API', () => {
  it('processTable({gpu: true}) gives each row `gpu` (null: no DRM client here); without it rows carry none and nothing is read', async () => {
    const withGpu = await collector.processTable({ fields: ['name'], gpu: true });
    const own = withGpu.rows.find((r) => r.pid === process.pid)!;
    expect(own.gpu).toBeNull();
    expect(withGpu.rows.every((r) => 'gpu' in r)).toBe(true);
    const without = await collector.processTable({ fields: ['name'] });
    expect(without.rows.some((r) => 'gpu' in r)).toBe(false);
    await expect(collector.processTable({ gpu: 'yes' as unknown as boolean })).rejects.toBeInstanceOf(collector.InvalidArgument);
    const reader = new collector.ProcessTableReader({ fields: ['name'], gpu: true });
    const changes = await reader.read();
    expect(changes.gpu).toEqual([]);
    expect(changes.rows.find((r) => r.pid === process.pid)!.gpu).toBeNull();
  });

  it('Process#gpu(): null without a DRM client; NoSuchProcess once gone', async () => {
    const self = await collector.Process.create(process.pid);
    expect(await self.gpu()).toBeNull();
    const child = spawn('sleep', ['60'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const other = await collector.Process.create(child.pid!);
    child.kill('SIGKILL');
    await exited;
    await expect(other.gpu()).rejects.toBeInstanceOf(collector.NoSuchProcess);
  });
});
