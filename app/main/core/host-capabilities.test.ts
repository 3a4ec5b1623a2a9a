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
});
