import { SNAPSHOT_TOPICS } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import { Collector } from './collector';
import { FIXTURE_PROC, FIXTURE_SYS } from './fixture-root.test-util';
import { amdgpuCard0 } from './gpu-fixture.test-util';

// The collector side of the GPU column: the table carries each row's GPU
// share only while the processGpu topic is asked for. Needs the collector's
// GPU support (the gpu branch's native side): skipped on an addon without
// the gpus topic, it runs once both sides are merged.

describe.skipIf(!SNAPSHOT_TOPICS.includes('gpus' as never))('collector: GPU shares in the process table', () => {
  it('rows have `gpu` (null: no DRM fd in the captured tree) only with the processGpu topic; the gpus topic reads the captured amdgpu card exactly', async () => {
    const c = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
    const plain = await c.readTick(new Set(['processes']));
    const rows = (t: typeof plain) => (t.processes && 'rows' in t.processes ? t.processes.rows : []);
    expect(rows(plain).length).toBeGreaterThan(0);
    expect(rows(plain).some((r) => 'gpu' in r)).toBe(false);
    const withGpu = await c.readTick(new Set(['processes', 'processGpu', 'gpus']));
    expect(rows(withGpu).length).toBeGreaterThan(0);
    expect(rows(withGpu).every((r) => 'gpu' in r)).toBe(true);
    const card0 = Array.isArray(withGpu.gpus) ? withGpu.gpus.find((d) => d.id === 'card0') : undefined;
    expect(card0).toEqual(amdgpuCard0());
  });
});
