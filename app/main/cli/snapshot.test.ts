import { describe, expect, it, vi } from 'vitest';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { formatSnapshotText } from './report';
import { main } from './main';
import { collectSnapshot, failed } from './snapshot';

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

  // test/fixtures/prometheus-procfs: proc/pressure/{cpu,io,memory}; cpu has only `some`, irq is absent.
  const fixtureStall = {
    cpu: { some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6 }, full: null },
    memory: { some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6 }, full: { avg10: 0.2, avg60: 3, avg300: 4.95, total: 25e-6 } },
    io: { some: { avg10: 0.1, avg60: 2, avg300: 3.85, total: 15e-6 }, full: { avg10: 0.2, avg60: 3, avg300: 4.95, total: 25e-6 } },
    irq: null,
  };

  it('prints pressure stall information, text and --json, from --procfs', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await main(['snapshot', '--json', '--procfs', FIXTURE_PROC, '--sysfs', FIXTURE_SYS])).toBe(0);
      expect(JSON.parse(String(log.mock.calls.at(-1)?.[0])).pressureStall).toEqual(fixtureStall);
      expect(await main(['snapshot', '--procfs', FIXTURE_PROC, '--sysfs', FIXTURE_SYS])).toBe(0);
      const text = String(log.mock.calls.at(-1)?.[0]);
      expect(text).toContain('Pressure stall (PSI)\n');
      expect(text).toMatch(/^cpu\s+some\s+0\.10%\s+2\.00%\s+3\.85%\s+0\.000015s$/m);
      expect(text).toMatch(/^\s+full\s+0\.20%\s+3\.00%\s+4\.95%\s+0\.000025s$/m);
      expect(text).toMatch(/^irq\s+\(none\)$/m);
    } finally {
      log.mockRestore();
    }
  });

  it('a kernel without PSI: its section says so, the rest still prints', async () => {
    const s = await collectSnapshot({ procfs: '/nonexistent/procyon', sysfs: FIXTURE_SYS });
    expect(s.pressureStall).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(formatSnapshotText(s)).toMatch(/Pressure stall \(PSI\)\n-+\n {2}unavailable: NOT_FOUND: /);
  });
});
