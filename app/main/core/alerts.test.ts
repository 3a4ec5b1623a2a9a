import { describe, expect, it } from 'vitest';
import type { AlertRule, ProcessRow, Snapshot } from '../../shared';
import type { GpuDevice } from '@procyon/collector';
import { AlertEngine, formatBytes, topicsForRules } from './alerts';
import { amdgpuCard0, amdgpuCard0WithHwmon } from './gpu-fixture.test-util';

// The engine is pure: each test feeds it ticks (plain snapshot data, one per
// second) and reads what it says, tick by tick. Times are explicit, not waited for.

const GiB = 1024 ** 3;

function snap(time: number, over: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: time,
    time,
    intervalMs: 1000,
    cpu: null,
    memory: { total: 16 * GiB, available: 8 * GiB, percent: 50, used: 0, free: 0, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 },
    swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null },
    ...over,
  };
}

const cpuAt = (percent: number) => ({ percent, perCpu: [percent], timesPercent: {} as never, perCpuTimesPercent: [], ctxSwitchesPerSec: 0, interruptsPerSec: 0, softInterruptsPerSec: 0 });

function proc(pid: number, name: string, rss: number, cmdline: string[] = [name], createTime = 1000): ProcessRow {
  return { pid, createTime, ppid: 1, name, username: 'u', status: 'running', cpuPercent: 0, cpuTimes: 0, rss, vms: rss, memoryPercent: 0, numThreads: 1, nice: 0, cmdline, readBytesPerSec: null, writeBytesPerSec: null, terminal: null, cpuNum: 0 };
}

/** Runs the engine over values, one tick a second; returns "t:state" for each event. */
function run(engine: AlertEngine, rules: AlertRule[], ticks: Partial<Snapshot>[], start = 0) {
  return ticks.flatMap((over, i) => engine.evaluate(rules, snap(start + i * 1000, over), start + i * 1000).map((e) => ({ t: i, ...e })));
}

const cpuRule: AlertRule = { id: 'c', kind: 'cpu', enabled: true, abovePercent: 90, forSeconds: 3 };

describe('alert engine: CPU', () => {
  it('fires once the value has stayed above the threshold for forSeconds, with a sentence naming rule and value', () => {
    const events = run(new AlertEngine('x'), [cpuRule], [95, 95, 95, 97, 97].map((p) => ({ cpu: cpuAt(p) })));
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['3:firing']);
    expect(events[0]).toMatchObject({ ruleId: 'c', kind: 'cpu', value: 97, at: 3000, message: 'CPU above 90 % for 3 s (now 97 %)' });
    expect(events[0]!.subject).toBeUndefined();
  });

  it('starts the wait over when the condition breaks before forSeconds', () => {
    const events = run(new AlertEngine(), [cpuRule], [95, 95, 50, 95, 95, 95, 95].map((p) => ({ cpu: cpuAt(p) })));
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['6:firing']);
  });

  it('is one episode while the value hovers at the threshold, and resolves only 2 points below it', () => {
    const values = [95, 91, 89, 91, 89.5, 88.5, 87.9, 50];
    const events = run(new AlertEngine(), [{ ...cpuRule, forSeconds: 0 }], values.map((p) => ({ cpu: cpuAt(p) })));
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['0:firing', '6:resolved']);
    expect(events[1]!.message).toBe('CPU back below 90 % (now 88 %)');
    // Exactly at the threshold is not above it.
    expect(run(new AlertEngine(), [{ ...cpuRule, forSeconds: 0 }], [{ cpu: cpuAt(90) }])).toEqual([]);
  });

  it('fires again for a new episode after resolving, with a new id', () => {
    const events = run(new AlertEngine(), [{ ...cpuRule, forSeconds: 0 }], [95, 10, 95].map((p) => ({ cpu: cpuAt(p) })));
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['0:firing', '1:resolved', '2:firing']);
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
  });

  it('ignores a tick without the data (the first tick has no CPU rate)', () => {
    const events = run(new AlertEngine(), [{ ...cpuRule, forSeconds: 2 }], [{ cpu: cpuAt(95) }, { cpu: null }, { cpu: cpuAt(95) }, { cpu: null }]);
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['2:firing']);
  });

  it('does nothing for a disabled rule', () => {
    expect(run(new AlertEngine(), [{ ...cpuRule, enabled: false, forSeconds: 0 }], [{ cpu: cpuAt(100) }])).toEqual([]);
  });

  it('closes a firing episode when its rule is disabled, removed or changed', () => {
    const rule = { ...cpuRule, forSeconds: 0 };
    for (const next of [[], [{ ...rule, enabled: false }], [{ ...rule, abovePercent: 80 }]] as AlertRule[][]) {
      const engine = new AlertEngine();
      expect(engine.evaluate([rule], snap(0, { cpu: cpuAt(95) }), 0).map((e) => e.state)).toEqual(['firing']);
      const after = engine.evaluate(next, snap(1000, { cpu: cpuAt(95) }), 1000);
      const changed = next.length > 0 && next[0]!.enabled;
      // A changed rule is a new rule: the old episode closes and the new one fires on its own terms.
      expect(after.map((e) => e.state)).toEqual(changed ? ['resolved', 'firing'] : ['resolved']);
      expect(after[0]!.message).toMatch(changed ? /rule was changed/ : /disabled or removed/);
      // Nothing more while it stays that way.
      expect(engine.evaluate(next, snap(2000, { cpu: cpuAt(95) }), 2000)).toEqual([]);
    }
  });

  it('keeps rules apart', () => {
    const rules: AlertRule[] = [
      { ...cpuRule, id: 'a', abovePercent: 50, forSeconds: 0 },
      { ...cpuRule, id: 'b', abovePercent: 90, forSeconds: 0 },
    ];
    const events = run(new AlertEngine(), rules, [60, 95, 60].map((p) => ({ cpu: cpuAt(p) })));
    expect(events.map((e) => `${e.t}:${e.ruleId}:${e.state}`)).toEqual(['0:a:firing', '1:b:firing', '2:b:resolved']);
  });
});

describe('alert engine: memory available', () => {
  const rule: AlertRule = { id: 'm', kind: 'memoryAvailable', enabled: true, belowBytes: 2 * GiB, forSeconds: 1 };
  const mem = (available: number) => ({ memory: { ...snap(0).memory, available } });

  it('fires below the threshold after forSeconds and resolves 5 % above it', () => {
    const values = [1 * GiB, 1 * GiB, 2.05 * GiB, 2.11 * GiB];
    const events = run(new AlertEngine(), [rule], values.map(mem));
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['1:firing', '3:resolved']);
    expect(events[0]!.message).toBe('Available memory below 2.0 GiB for 1 s (now 1.0 GiB)');
  });
});

describe('alert engine: disk usage', () => {
  const part = (mountpoint: string, percent: number | null) => ({
    device: '/dev/x',
    mountpoint,
    fstype: 'ext4',
    opts: 'rw',
    usage: percent === null ? null : { total: 100, used: percent, free: 100 - percent, percent },
  });
  const rule: AlertRule = { id: 'd', kind: 'diskUsage', enabled: true, abovePercent: 90, forSeconds: 0 };

  it('watches each mountpoint, and announces one episode for the rule until every one is clear', () => {
    const ticks = [
      { partitions: [part('/', 95), part('/home', 50)] },
      { partitions: [part('/', 95), part('/home', 96)] },
      { partitions: [part('/', 80), part('/home', 96)] },
      { partitions: [part('/', 80), part('/home', 80)] },
    ];
    const events = run(new AlertEngine(), [rule], ticks);
    // /home joins the episode / opened: no second notice; it ends when /home is clear too.
    expect(events.map((e) => `${e.t}:${e.subject}:${e.state}`)).toEqual(['0:/:firing', '3:undefined:resolved']);
    expect(events[0]!.message).toBe('Disk / above 90 % used (now 95 %)');
    expect(events[1]!.message).toBe('All 2 disks back below 90 % used');
  });

  it('names every mountpoint that fires on the same tick in one event', () => {
    const events = run(new AlertEngine(), [rule], [{ partitions: [part('/', 95), part('/home', 97)] }]);
    expect(events).toHaveLength(1);
    expect(events[0]!.message).toBe('2 disks above 90 % used: /home (97 %), / (95 %)');
    expect(events[0]!.value).toBe(97);
  });

  it('watches only the named mountpoint when one is given, and skips unreadable usage', () => {
    const events = run(new AlertEngine(), [{ ...rule, mountpoint: '/home' }], [{ partitions: [part('/', 99), part('/home', 91), part('/mnt', null)] }]);
    expect(events.map((e) => e.subject)).toEqual(['/home']);
  });

  it('resolves when the filesystem is unmounted, and waits while the topic is missing', () => {
    const engine = new AlertEngine();
    expect(engine.evaluate([rule], snap(0, { partitions: [part('/mnt', 99)] }), 0)).toHaveLength(1);
    expect(engine.evaluate([rule], snap(1000), 1000)).toEqual([]);
    const gone = engine.evaluate([rule], snap(2000, { partitions: [] }), 2000);
    expect(gone).toMatchObject([{ state: 'resolved', subject: '/mnt', value: 99 }]);
    expect(gone[0]!.message).toMatch(/no longer mounted/);
  });
});

describe('alert engine: temperature', () => {
  const sensors = (cpu: number, nvme: number, acpi: number) => ({
    sensors: {
      temperatures: {
        coretemp: [{ label: 'Package id 0', current: cpu, high: 80, critical: 100 }],
        nvme: [{ label: '', current: nvme, high: 70, critical: 85 }],
        acpitz: [{ label: '', current: acpi, high: null, critical: null }],
      },
      fans: {},
    },
  });
  const rule: AlertRule = { id: 't', kind: 'temperature', enabled: true, forSeconds: 0 };

  it("compares each sensor to its own high mark, resolving 2 °C below, one episode for the rule", () => {
    const ticks = [sensors(85, 60, 99), sensors(79, 75, 99), sensors(77.5, 75, 99), sensors(77.5, 67, 99)];
    const events = run(new AlertEngine(), [rule], ticks);
    expect(events.map((e) => `${e.t}:${e.subject}:${e.state}`)).toEqual(['0:coretemp Package id 0:firing', '3:undefined:resolved']);
    expect(events[0]!.message).toBe('coretemp Package id 0 above its high mark 80 °C (now 85 °C)');
    expect(events[1]!.message).toBe('All 2 sensors back below their high mark');
  });

  it('uses the fallback for sensors without a high mark, and skips them without one', () => {
    const events = run(new AlertEngine(), [{ ...rule, fallbackCelsius: 90 }], [sensors(20, 20, 99)]);
    expect(events.map((e) => e.subject)).toEqual(['acpitz temp1']);
    expect(events[0]!.message).toBe('acpitz temp1 above the fallback 90 °C (now 99 °C)');
  });
});

describe('alert engine: battery', () => {
  const bat = (percent: number, powerPlugged: boolean | null) => ({ battery: { percent, secsleft: -1, powerPlugged } });
  const rule: AlertRule = { id: 'b', kind: 'battery', enabled: true, belowPercent: 20, forSeconds: 0 };

  it('fires only while discharging, and resolves when plugged in', () => {
    const events = run(new AlertEngine(), [rule], [bat(15, true), bat(15, null), bat(15, false), bat(14, false), bat(14, true)]);
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['2:firing', '4:resolved']);
    expect(events[0]!.message).toBe('Battery below 20 % and discharging (now 15 %)');
    expect(events[1]!.message).toBe('Battery charging (now 14 %)');
  });

  it('resolves 2 points above the threshold while still discharging', () => {
    const events = run(new AlertEngine(), [rule], [bat(19, false), bat(21, false), bat(22.5, false)]);
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['0:firing', '2:resolved']);
  });

  it('does nothing on a machine without a battery', () => {
    expect(run(new AlertEngine(), [rule], [{ battery: null }])).toEqual([]);
  });
});

describe('alert engine: process memory', () => {
  const rule: AlertRule = { id: 'p', kind: 'processMemory', enabled: true, nameMatch: 'Chrom', aboveBytes: GiB, forSeconds: 0 };

  it('matches name or command line case-insensitively, and names each process in one event', () => {
    const ticks = [
      { processes: [proc(10, 'chromium', 2 * GiB), proc(11, 'bash', 5 * GiB), proc(12, 'python3', 3 * GiB, ['python3', '/opt/CHROMe-tool.py'])] },
      { processes: [proc(10, 'chromium', 2 * GiB), proc(12, 'python3', 0.9 * GiB, ['python3', '/opt/CHROMe-tool.py'])] },
      { processes: [proc(10, 'chromium', 0.5 * GiB)] },
    ];
    const events = run(new AlertEngine(), [rule], ticks);
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['0:firing', '2:resolved']);
    expect(events[0]!.message).toBe('2 processes named Chrom over 1.0 GiB: python3 (12) 3.0 GiB, chromium (10) 2.0 GiB');
    expect(events[1]!.message).toBe('All 2 processes named Chrom back below 1.0 GiB or exited');
  });

  it('one rule matching 50 processes is one event naming the count and the biggest', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => proc(100 + i, 'sleep', 2 * 1024 ** 2 + i * 1024));
    const engine = new AlertEngine();
    const small: AlertRule = { ...rule, nameMatch: 'sleep', aboveBytes: 1024 ** 2 };
    const first = engine.evaluate([small], snap(0, { processes: fifty.slice(0, 20) }), 0);
    expect(first).toHaveLength(1);
    expect(first[0]!.message).toBe('20 processes named sleep over 1.0 MiB: sleep (119) 2.0 MiB, sleep (118) 2.0 MiB, sleep (117) 2.0 MiB and 17 more');
    // The other 30 show up a tick later: they join the episode, no new event.
    expect(engine.evaluate([small], snap(1000, { processes: fifty }), 1000)).toEqual([]);
    const gone = engine.evaluate([small], snap(2000, { processes: [] }), 2000);
    expect(gone.map((e) => [e.state, e.message])).toEqual([['resolved', 'All 50 processes named sleep back below 1.0 MiB or exited']]);
  });

  it('one process: resolves when it exits; a reused pid keeps the episode open', () => {
    const engine = new AlertEngine();
    expect(engine.evaluate([rule], snap(0, { processes: [proc(10, 'chromium', 2 * GiB)] }), 0)).toHaveLength(1);
    // Another process (same pid, new createTime) is over the limit as the first one goes: still the same episode.
    expect(engine.evaluate([rule], snap(1000, { processes: [proc(10, 'chromium', 2 * GiB, ['chromium'], 2000)] }), 1000)).toEqual([]);
    const single = new AlertEngine();
    single.evaluate([rule], snap(0, { processes: [proc(10, 'chromium', 2 * GiB)] }), 0);
    const gone = single.evaluate([rule], snap(1000, { processes: [] }), 1000);
    expect(gone.map((e) => [e.state, e.subject, e.message])).toEqual([['resolved', 'chromium (10)', 'chromium (10) exited (last 2.0 GiB)']]);
  });
});

describe('topicsForRules', () => {
  it('asks for what enabled rules need, nothing for CPU and memory', () => {
    const rules: AlertRule[] = [
      cpuRule,
      { id: 'm', kind: 'memoryAvailable', enabled: true, belowBytes: 1, forSeconds: 0 },
      { id: 'd', kind: 'diskUsage', enabled: true, abovePercent: 1, forSeconds: 0 },
      { id: 't', kind: 'temperature', enabled: false, forSeconds: 0 },
      { id: 'b', kind: 'battery', enabled: true, belowPercent: 1, forSeconds: 0 },
      { id: 'p', kind: 'processMemory', enabled: true, nameMatch: 'x', aboveBytes: 1, forSeconds: 0 },
    ];
    expect(topicsForRules(rules).sort()).toEqual(['battery', 'partitions', 'processes']);
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect([512, 1536, 2 * GiB, 150 * 1024 ** 2].map(formatBytes)).toEqual(['512 B', '1.5 KiB', '2.0 GiB', '150 MiB']);
  });
});

describe('alert engine: GPUs', () => {
  // The captured amdgpu card: 1.39 GiB of 7.98 GiB VRAM used (17 %), busy 4 %; the hwmon variant adds edge 47 °C, junction 52 °C.
  const card = (over: Partial<GpuDevice> = {}): GpuDevice => ({ ...amdgpuCard0WithHwmon(), ...over });
  const base = { id: 'g', enabled: true, forSeconds: 2 } as const;

  it('utilization: each GPU its own episode, fired after forSeconds, named by card and model', () => {
    const rule: AlertRule = { ...base, kind: 'gpuUtilization', abovePercent: 90 };
    const events = run(new AlertEngine(), [rule], [95, 96, 97, 50].map((busyPercent) => ({ gpus: [card({ busyPercent })] })));
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['2:firing', '3:resolved']);
    expect(events[0]).toMatchObject({ kind: 'gpuUtilization', subject: 'card0 (Vega 10 XL/XT [Radeon RX Vega 56/64])', value: 97 });
    expect(events[0]!.message).toBe('card0 (Vega 10 XL/XT [Radeon RX Vega 56/64]) busy above 90 % for 2 s (now 97 %)');
  });

  it('memory: VRAM used as a share of its size (the captured card is at 17 %), or GTT on a GPU without VRAM', () => {
    const rule: AlertRule = { ...base, kind: 'gpuMemory', abovePercent: 15, forSeconds: 0 };
    const events = run(new AlertEngine(), [rule], [{ gpus: [amdgpuCard0()] }]);
    expect(events).toHaveLength(1);
    expect(events[0]!.value).toBeCloseTo((1490378752 / 8573157376) * 100, 6);
    const apu = card({ memory: { vramUsed: null, vramTotal: null, visVramUsed: null, visVramTotal: null, gttUsed: 900, gttTotal: 1000 } });
    expect(run(new AlertEngine(), [{ ...rule, abovePercent: 85 }], [{ gpus: [apu] }]).map((e) => e.value)).toEqual([90]);
    expect(run(new AlertEngine(), [{ ...rule, abovePercent: 20 }], [{ gpus: [amdgpuCard0()] }])).toEqual([]);
  });

  it('temperature: each sensor of each GPU, above the rule’s threshold', () => {
    const rule: AlertRule = { ...base, kind: 'gpuTemperature', aboveCelsius: 50, forSeconds: 0 };
    const events = run(new AlertEngine(), [rule], [{ gpus: [card()] }]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject: 'card0 (Vega 10 XL/XT [Radeon RX Vega 56/64]) junction', value: 52 });
  });

  it('a tick without GPUs read changes nothing; a GPU that goes ends its episode; the rules ask for the gpus topic', () => {
    const rule: AlertRule = { ...base, kind: 'gpuUtilization', abovePercent: 90, forSeconds: 0 };
    const events = run(new AlertEngine(), [rule], [{ gpus: [card({ busyPercent: 99 })] }, {}, { gpus: [] }]);
    expect(events.map((e) => `${e.t}:${e.state}`)).toEqual(['0:firing', '2:resolved']);
    expect(topicsForRules([rule, { ...rule, id: 'm', kind: 'gpuMemory' }])).toEqual(['gpus']);
  });
});
