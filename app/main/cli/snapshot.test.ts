import { describe, expect, it, vi } from 'vitest';
import { capabilityReport, SNAPSHOT_TOPICS } from '@procyon/collector';
import { FIXTURE_PROC, FIXTURE_SYS, writableProcRoot } from '../core/fixture-root.test-util';
import { amdgpuCard0 } from '../core/gpu-fixture.test-util';
import { formatSnapshotText } from './report';
import { main } from './main';
import { BESPOKE_TOPICS, collectSnapshot, failed } from './snapshot';

const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };

describe('procyon snapshot', () => {
  it('reads every system function from a captured tree, leaving out what only this machine can answer', async () => {
    const s = await collectSnapshot(roots);
    expect(s.bootTime).toBe(1418183276);
    expect(s.cpuCount).toEqual({ logical: 8, physical: 2 });
    expect(s.cpuTimesPercpu).toHaveLength(8);
    expect(failed(s.virtualMemory)).toBe(false);
    expect(Object.keys(s.netIoCounters as object)).toContain('eth0');
    // getifaddrs, utmp and statvfs describe this host, not the tree.
    expect(s.netIfAddrs).toBeUndefined();
    expect(s.users).toBeUndefined();
    expect(s.diskUsage).toEqual({});
  });

  it('reports a function that fails in its place and keeps the others', async () => {
    const s = await collectSnapshot({ procfs: '/nonexistent/procyon', sysfs: FIXTURE_SYS });
    expect(s.cpuTimes).toMatchObject({ error: { code: 'NOT_FOUND' } });
    // Sensors read only the sysfs root, which is intact: the fixture's thermal zones.
    expect(failed(s.sensorsTemperatures)).toBe(false);
    expect(Object.keys(s.sensorsTemperatures as object).length).toBeGreaterThan(0);
  });

  it('prints readable sections like psutil\'s example scripts', async () => {
    const text = formatSnapshotText(await collectSnapshot(roots));
    for (const title of ['CPU', 'Memory (psutil virtual_memory, swap_memory)', 'Disks (df)', 'Network (ifconfig)', 'Connections (netstat)', 'Sensors', 'Users (who)']) {
      expect(text).toContain(`\n${title}\n`.trimStart());
    }
    expect(text).toContain('count      8 logical, 2 physical');
    expect(text).toMatch(/^Mem:\s+14\.9G\s+449\.2M/m);
    expect(text).toContain('(not read under another root)');
  });

  it('prints a Windows collector\'s CPU times in its own modes, and its users without pid or host', async () => {
    const s = await collectSnapshot(roots);
    const windows = {
      ...s,
      cpuTimes: { user: 12.5, system: 3.25, idle: 100, interrupt: 0.5, dpc: 0.25 },
      users: [{ name: 'ann', terminal: null, host: null, started: 1_700_000_000, pid: null }],
    } as typeof s;
    const text = formatSnapshotText(windows);
    expect(text).toContain('times      user 12.50s  system 3.25s  idle 100.00s  interrupt 0.50s  dpc 0.25s');
    expect(text).not.toContain('iowait');
    expect(text).toMatch(/ann\s+-\s+2023-11-14 22:13\s+\(\)\s+-/);
  });

  /** What `procyon snapshot` prints over these roots: the --json object and the text. */
  async function runSnapshot(procfs: string, sysfs: string): Promise<{ json: Record<string, unknown>; text: string }> {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await main(['snapshot', '--json', '--procfs', procfs, '--sysfs', sysfs])).toBe(0);
      const json = JSON.parse(String(log.mock.calls.at(-1)?.[0])) as Record<string, unknown>;
      expect(await main(['snapshot', '--procfs', procfs, '--sysfs', sysfs])).toBe(0);
      return { json, text: String(log.mock.calls.at(-1)?.[0]) };
    } finally {
      log.mockRestore();
    }
  }

  // The bespoke sections, by the --json key each prints. As before, per-CPU
  // times are in --json only, and the whole-disk diskIoCounters total is
  // stood for by the per-disk counters (its parts) in both.
  const SECTION_OF_KEY: Record<string, string> = {
    cpuTimes: 'CPU',
    cpuTimesPercpu: 'CPU',
    cpuStats: 'CPU',
    cpuFreq: 'CPU',
    getloadavg: 'CPU',
    virtualMemory: 'Memory (psutil virtual_memory, swap_memory)',
    swapMemory: 'Memory (psutil virtual_memory, swap_memory)',
    diskIoCounters: 'Disks (df)',
    diskPartitions: 'Disks (df)',
    diskUsage: 'Disks (df)',
    netIoCounters: 'Network (ifconfig)',
    netIfStats: 'Network (ifconfig)',
    sensorsTemperatures: 'Sensors',
    sensorsFans: 'Sensors',
    sensorsBattery: 'Sensors',
  };

  it('prints every topic the collector describes, in --json and in the text', async () => {
    expect(SNAPSHOT_TOPICS.length).toBeGreaterThan(0);
    const { json, text } = await runSnapshot(FIXTURE_PROC, FIXTURE_SYS);
    const headings = text.split('\n').filter((line, i, lines) => /^-+$/.test(lines[i + 1] ?? '') && lines[i + 1]!.length === line.length);
    // What the platform lacks altogether (Windows services here) is not printed at all.
    const lacked = new Set(capabilityReport().filter((c) => c.reason === 'platform').map((c) => c.name));
    expect(lacked).toContain('winServiceIter');
    for (const topic of SNAPSHOT_TOPICS) {
      if (lacked.has(topic)) {
        expect(json).not.toHaveProperty([topic]);
        expect(text).not.toContain(`(${topic})`);
        continue;
      }
      const bespokeKey = (BESPOKE_TOPICS as Record<string, string>)[topic];
      const key = bespokeKey ?? topic;
      expect.soft(json, topic).toHaveProperty([key]);
      if (bespokeKey) expect.soft(headings, topic).toContain(SECTION_OF_KEY[bespokeKey]);
      // Every other topic has a section of its own, named for it.
      else expect.soft(headings.filter((h) => h.endsWith(` (${topic})`)), topic).toHaveLength(1);
    }
    // Topics beyond the bespoke sections, without a line of CLI code for them.
    for (const topic of ['pressureStall', 'hwmonChips', 'powerSupplies', 'gpus']) expect(json).toHaveProperty([topic]);
    // The captured amdgpu card, through the generic printer.
    // The captured amdgpu card, every figure exactly as its files say (gpu-fixture.test-util reads them).
    expect(json.gpus).toEqual([amdgpuCard0(), expect.objectContaining({ id: 'card1', driver: 'i915' })]);
    expect(text).toContain('Power supplies (powerSupplies)\n------------------------------\n  0:\n    name: AC\n    attributes:\n      0: online, 0\n      1: type, Mains\n');
  });

  // test/fixtures/prometheus-procfs: proc/pressure/{cpu,io,memory}; cpu has only `some`, irq is absent.
  const fixtureStall = {
    cpu: { some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6 }, full: null },
    memory: { some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6 }, full: { avg10: 0.2, avg60: 3, avg300: 4.95, total: 25e-6 } },
    io: { some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6 }, full: { avg10: 0.2, avg60: 3, avg300: 4.95, total: 25e-6 } },
    irq: null,
  };
  const some = ['    some:', '      avg10: 0.1', '      avg60: 2', '      avg300: 3.85', '      total: 0.000015'];
  const full = ['    full:', '      avg10: 0.2', '      avg60: 3', '      avg300: 4.95', '      total: 0.000025'];
  const fixtureStallText = [
    'Pressure stall (pressureStall)',
    '------------------------------',
    ...['  cpu:', ...some, '    full: none'],
    ...['  memory:', ...some, ...full],
    ...['  io:', ...some, ...full],
    '  irq: none',
    '',
  ].join('\n');

  it('prints pressure stall information through the generic printer, text and --json, from --procfs', async () => {
    const { json, text } = await runSnapshot(FIXTURE_PROC, FIXTURE_SYS);
    expect(json.pressureStall).toEqual(fixtureStall);
    expect(text).toContain(fixtureStallText);
  });

  it('a captured tree without /proc/pressure: the section says unavailable in its place, the rest still prints', async () => {
    const tree = writableProcRoot();
    const { json, text } = await runSnapshot(tree.dir, FIXTURE_SYS);
    expect(json.pressureStall).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining(`${tree.dir}/pressure`) } });
    expect(text).toMatch(/\nPressure stall \(pressureStall\)\n-+\n {2}unavailable: NOT_FOUND: \S+\/pressure\b.*$/m);
    expect(text).toContain('count      8 logical, 2 physical');
    expect(text).toContain('Power supplies (powerSupplies)\n------------------------------\n  0:\n');
  });
});
