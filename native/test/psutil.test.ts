// Against Debian's python3-psutil on the same machine, the reference implementation.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { collector } from './helpers';

const PYTHON = '/usr/bin/python3';
const SCRIPT = `
import json, psutil
print(json.dumps({
  "version": psutil.__version__,
  "logical": psutil.cpu_count(),
  "physical": psutil.cpu_count(logical=False),
  "boot_time": psutil.boot_time(),
  "vm": psutil.virtual_memory()._asdict(),
  "swap": psutil.swap_memory()._asdict(),
}))
`;

interface PsutilSnapshot {
  version: string;
  logical: number | null;
  physical: number | null;
  boot_time: number;
  vm: Record<string, number>;
  swap: Record<string, number>;
}

function runPsutil(): { snapshot?: PsutilSnapshot; problem?: string } {
  const result = spawnSync(PYTHON, ['-W', 'ignore', '-c', SCRIPT], { encoding: 'utf8' });
  if (result.error) return { problem: `${PYTHON} could not run: ${result.error.message}` };
  if (result.status !== 0) return { problem: `python3-psutil is not usable: ${result.stderr.trim().split('\n').pop()}` };
  return { snapshot: JSON.parse(result.stdout) as PsutilSnapshot };
}

const { snapshot, problem } = runPsutil();

if (!snapshot) {
  if (process.env.CI) {
    describe('psutil comparison', () => {
      it('needs python3-psutil on CI', () => {
        throw new Error(`python3-psutil is required on CI (apt-get install python3-psutil): ${problem}`);
      });
    });
  } else {
    console.warn(`skipping the psutil comparison: ${problem} (install python3-psutil to run it)`);
  }
}

// Memory moves between two reads a moment apart; allow this much drift.
const DRIFT_BYTES = 64 * 1024 * 1024;

describe.skipIf(!snapshot)(`psutil ${snapshot?.version ?? ''} comparison`, () => {
  const ps = snapshot!;

  it('cpu_count(logical=True) and cpu_count(logical=False)', async () => {
    expect(await collector.cpuCount()).toBe(ps.logical);
    expect(await collector.cpuCount({ logical: false })).toBe(ps.physical);
    expect(collector.cpuCountSync({ logical: false })).toBe(ps.physical);
  });

  it('boot_time() within a second', async () => {
    expect(Math.abs((await collector.bootTime()) - ps.boot_time)).toBeLessThanOrEqual(1);
  });

  it('virtual_memory(): total exact, the rest within drift', async () => {
    // psutil read again just before: memory moves on a busy machine while the file's other tests run.
    const now = runPsutil().snapshot!;
    const vm = await collector.virtualMemory();
    expect(vm.total).toBe(now.vm.total);
    for (const field of ['available', 'used', 'free', 'active', 'inactive', 'buffers', 'cached', 'shared', 'slab'] as const) {
      expect(Math.abs(vm[field] - now.vm[field]!), field).toBeLessThanOrEqual(DRIFT_BYTES);
    }
    expect(Math.abs(vm.percent - now.vm.percent!)).toBeLessThanOrEqual((DRIFT_BYTES / vm.total) * 100 + 0.1);
  });

  it('swap_memory(): total exact, the rest within drift', async () => {
    const now = runPsutil().snapshot!;
    const swap = await collector.swapMemory();
    expect(swap.total).toBe(now.swap.total);
    for (const field of ['used', 'free', 'sin', 'sout'] as const) {
      expect(Math.abs(swap[field] - now.swap[field]!), field).toBeLessThanOrEqual(DRIFT_BYTES);
    }
  });
});
