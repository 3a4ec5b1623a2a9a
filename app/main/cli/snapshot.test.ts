import { describe, expect, it } from 'vitest';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { formatSnapshotText } from './report';
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
});
