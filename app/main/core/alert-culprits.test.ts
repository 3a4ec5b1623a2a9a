import { describe, expect, it } from 'vitest';
import type { AlertRule, Culprits, Snapshot } from '../../shared';
import { AlertEngine } from './alerts';

// A system-wide alert names the processes behind it at the moment it fires.

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

function snap(time: number, over: Partial<Snapshot>): Snapshot {
  return {
    seq: time,
    time,
    intervalMs: 1000,
    cpu: { percent: 95, perCpu: [95], timesPercent: {} as never, perCpuTimesPercent: [], ctxSwitchesPerSec: 0, interruptsPerSec: 0, softInterruptsPerSec: 0 },
    memory: { total: 16 * GiB, available: 8 * GiB, percent: 50, used: 0, free: 0, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 },
    swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null },
    ...over,
  };
}

const culprits: Culprits = {
  cpu: [
    { pid: 10, createTime: 1, name: 'ffmpeg', value: 71.4 },
    { pid: 11, createTime: 1, name: 'chromium', value: 12.2 },
  ],
  memory: [{ pid: 12, createTime: 1, name: 'leaky', value: 30 * MiB }],
  disk: [{ pid: 13, createTime: 1, name: 'dd', value: 120 * MiB }],
};

function fire(rule: AlertRule, over: Partial<Snapshot>): string[] {
  const engine = new AlertEngine('x');
  const events = [0, 1000, 2000].flatMap((t) => engine.evaluate([rule], snap(t, over), t));
  return events.filter((e) => e.state === 'firing').map((e) => e.message);
}

describe('system-wide alerts name the top processes when they fire', () => {
  it('CPU: the tick’s CPU culprits with their share of the machine', () => {
    expect(fire({ id: 'c', kind: 'cpu', enabled: true, abovePercent: 90, forSeconds: 2 }, { culprits })).toEqual(['CPU above 90 % for 2 s (now 95 %): ffmpeg (71 %), chromium (12 %)']);
  });

  it('available memory: who grew; a full disk: who reads and writes', () => {
    expect(fire({ id: 'm', kind: 'memoryAvailable', enabled: true, belowBytes: 10 * GiB, forSeconds: 0 }, { culprits })).toEqual([
      'Available memory below 10.0 GiB (now 8.0 GiB): leaky (+30.0 MiB/s)',
    ]);
    const partitions = [{ device: '/dev/vda1', mountpoint: '/', fstype: 'ext4', opts: 'rw', usage: { total: 100, used: 95, free: 5, percent: 95 } }];
    expect(fire({ id: 'd', kind: 'diskUsage', enabled: true, abovePercent: 90, forSeconds: 0 }, { culprits, partitions })).toEqual(['Disk / above 90 % used (now 95 %): dd (120 MiB/s)']);
  });

  it('says nothing more when the tick named nobody', () => {
    expect(fire({ id: 'c', kind: 'cpu', enabled: true, abovePercent: 90, forSeconds: 0 }, {})).toEqual(['CPU above 90 % (now 95 %)']);
  });
});
