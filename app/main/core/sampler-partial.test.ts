import { describe, expect, it } from 'vitest';
import type { Topic } from '../../shared';
import { Collector } from './collector';
import { FIXTURE_SYS, writableProcRoot } from './fixture-root.test-util';
import { Sampler } from './sampler';

// cpu_stats and swap_memory are read on every tick, but a platform may lack them
// (Windows' backend has no cpu_stats yet; Wine has no swap counter) or one may
// fail alone: the tick goes on without it and says why, rather than failing
// whole and leaving every page stale. Here through the real collector, over a
// captured /proc whose stat loses its ctxt line for a while.

describe('Sampler: a part read on every tick fails alone', () => {
  it('without cpu_stats: CPU percentages still come, the counter rates are null, errors.cpuStats says why; rates again once two readings have it', async () => {
    const root = writableProcRoot();
    let original = '';
    root.setStat((t) => ((original = t), t));
    const clock = { now: 1_000_000 };
    const sampler = new Sampler(new Collector({ procfs: root.dir, sysfs: FIXTURE_SYS }), { topics: () => new Set<Topic>(['cpu']), now: () => clock.now });
    const busier = (t: string, by: number) => t.replace(/^(cpu +)(\d+)/m, (_m, head: string, user: string) => `${head}${Number(user) + by}`);

    root.setStat(() => original.replace(/^ctxt .*\n/m, ''));
    const first = await sampler.tick();
    expect(first).not.toBeNull();
    expect(first!.errors?.cpuStats).toMatchObject({ code: 'PARSE_ERROR', message: expect.stringContaining("no 'ctxt' line") });
    expect(first!.memory.total).toBeGreaterThan(0);
    expect(first!.swap).not.toBeNull();
    expect(first!.errors?.swap).toBeUndefined();

    clock.now += 1000;
    root.setStat(() => busier(original, 50).replace(/^ctxt .*\n/m, ''));
    const second = await sampler.tick();
    expect(second!.cpu?.percent).toBeGreaterThan(0);
    expect(second!.cpu?.ctxSwitchesPerSec).toBeNull();
    expect(second!.cpu?.interruptsPerSec).toBeNull();
    expect(second!.errors?.cpuStats?.code).toBe('PARSE_ERROR');

    // Back: the first tick that reads it has no previous reading to rate against; the next one does.
    clock.now += 1000;
    root.setStat(() => busier(original, 100));
    const third = await sampler.tick();
    expect(third!.errors?.cpuStats).toBeUndefined();
    expect(third!.cpu?.ctxSwitchesPerSec).toBeNull();
    clock.now += 1000;
    root.setStat(() => busier(original, 150).replace(/^ctxt (\d+)/m, (_m, n: string) => `ctxt ${Number(n) + 500}`));
    const fourth = await sampler.tick();
    expect(fourth!.cpu?.ctxSwitchesPerSec).toBeCloseTo(500, 6);
  });
});
