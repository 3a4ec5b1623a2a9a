import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_PROC } from './fixture-root.test-util';
import { hostCapabilities } from './host-capabilities';

afterEach(() => vi.unstubAllEnvs());

describe('HostInfo capabilities', () => {
  it('are live on this machine, and carry the collector’s own report', () => {
    vi.stubEnv('PROCYON_PROCFS', '');
    vi.stubEnv('PROCYON_SYSFS', '');
    const caps = hostCapabilities({});
    expect(caps.live).toBe(true);
    expect(caps.functions.processTable).toBe(true);
  });

  it('are not live over a captured tree, whether named by option or by PROCYON_PROCFS', () => {
    expect(hostCapabilities({ procfs: FIXTURE_PROC }).live).toBe(false);
    vi.stubEnv('PROCYON_PROCFS', FIXTURE_PROC);
    expect(hostCapabilities({}).live).toBe(false);
  });

  it('say why each unavailable function is: a captured tree without hwmon lacks the file, not the platform', () => {
    const caps = hostCapabilities({ procfs: FIXTURE_PROC, sysfs: FIXTURE_PROC });
    expect(caps.functions.hwmonChips).toBe(false);
    expect(caps.why.hwmonChips).toBe('missing-file');
    expect(Object.keys(caps.why).every((name) => caps.functions[name] === false)).toBe(true);
  });
});
