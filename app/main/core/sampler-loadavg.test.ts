import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Collector } from './collector';
import { FIXTURE_SYS, writableProcRoot } from './fixture-root.test-util';
import { Sampler } from './sampler';

// A load average that fails alone (Windows without its PDH counter: IO_ERROR)
// must not take the CPU page's other details (frequencies) with it.
describe('Sampler: a load average that fails alone', () => {
  it('is errors.loadavg with cpuDetails.loadavg null; cpuDetails (the frequencies) stays', async () => {
    // The copy has no loadavg file: getloadavg fails with NOT_FOUND.
    const root = writableProcRoot();
    const sampler = new Sampler(new Collector({ procfs: root.dir, sysfs: FIXTURE_SYS }), { topics: () => new Set(['cpu']) });
    const snap = await sampler.tick();
    expect(snap?.errors?.loadavg).toMatchObject({ code: 'NOT_FOUND' });
    expect(snap?.errors?.cpu).toBeUndefined();
    expect(snap?.cpuDetails?.loadavg).toBeNull();
    expect(snap?.cpuDetails?.perCpuFreq).toEqual(expect.any(Array));

    // With the file back, the load average is read and the error is gone.
    writeFileSync(path.join(root.dir, 'loadavg'), '0.50 0.25 0.10 1/100 4242\n');
    const next = await sampler.tick();
    expect(next?.errors?.loadavg).toBeUndefined();
    expect(next?.cpuDetails?.loadavg).toEqual([0.5, 0.25, 0.1]);
  });
});
