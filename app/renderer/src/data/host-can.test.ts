// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { HostInfo } from '../../../shared/payloads';
import { actionsBlocked, hostLacks, isCaptured, platformOffers } from './host-can';

/** A host whose collector lacks each `false` function for `reason` (the platform's, unless said). */
const host = (over: Partial<HostInfo> = {}, functions: Record<string, boolean> = {}, live = true, reason: HostInfo['capabilities']['why'][string] = 'platform') =>
  ({
    readOnly: false,
    capabilities: { live, functions, why: Object.fromEntries(Object.entries(functions).flatMap(([name, ok]) => (ok ? [] : [[name, reason]]))) },
    ...over,
  }) as HostInfo;

describe('what the host can do', () => {
  it('offers every action on a live, writable host whose collector lacks nothing', () => {
    expect(actionsBlocked(host({}, { Process: true, 'Process.ionice': true }))).toBeNull();
    expect(platformOffers(host(), 'ionice')).toBe(true);
  });

  it('blocks every action on a read-only host, a captured tree, or one that cannot act on processes, saying which', () => {
    expect(actionsBlocked(null)?.label).toBe('Connecting');
    expect(actionsBlocked(host({ readOnly: true }))?.hint).toMatch(/read-only/);
    expect(actionsBlocked(host({}, {}, false))?.label).toBe('Captured tree');
    expect(isCaptured(host({}, {}, false))).toBe(true);
    expect(actionsBlocked(host({}, { Process: false }))?.label).toBe('No process control');
  });

  it('leaves out an action whose collector function the platform lacks, and only that one', () => {
    const info = host({}, { 'Process.ionice': false, 'Process.cpuAffinity': false, 'Process.rlimit': false });
    expect(platformOffers(info, 'ionice')).toBe(false);
    expect(platformOffers(info, 'setAffinity')).toBe(false);
    expect(platformOffers(info, 'setRlimit')).toBe(false);
    expect(platformOffers(info, 'renice')).toBe(true);
    expect(platformOffers(info, 'terminate')).toBe(true);
  });

  it('takes a function the collector does not name as available', () => {
    expect(hostLacks(host(), 'sensorsTemperatures')).toBe(false);
    expect(hostLacks(host({}, { sensorsTemperatures: false }), 'sensorsTemperatures')).toBe(true);
  });

  it('does not call lacking what only this machine or a captured tree has no file for: its page says what the data lacks', () => {
    expect(hostLacks(host({}, { sensorsTemperatures: false }, true, 'missing-file'), 'sensorsTemperatures')).toBe(false);
    expect(hostLacks(host({}, { sensorsBattery: false }, false, 'missing-file'), 'sensorsBattery')).toBe(false);
    expect(hostLacks(host({}, { 'Process.rlimit': false }, true, 'permission'), 'Process.rlimit')).toBe(false);
  });
});
