import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotMakeGroups, TestGroups } from '../../../test/support/cgroups.mjs';
import type { Topic } from '../../shared';
import { Collector } from './collector';
import { Sampler } from './sampler';

// The cgroups topic through the sampler on this machine: read only while asked
// for, each group's rates and its CPU history carried tick to tick (the
// sampler hands each metric what it published the tick before).

const why = cannotMakeGroups();
describe.skipIf(why !== null)(`Sampler: control groups (${why ?? 'as root'})`, () => {
  let groups: TestGroups;
  beforeAll(() => {
    groups = new TestGroups('procyon-test-sampler');
  });
  afterAll(async () => {
    await groups?.removeAll();
  });

  it('reads the groups only while asked, with a CPU history that grows a point a tick', async () => {
    const leaf = 'procyon-test-sampler.service';
    const path = groups.make(leaf);
    await groups.start(leaf, 'exec sleep 600');
    const off = new Sampler(new Collector({}), { topics: () => new Set<Topic>() });
    expect((await off.tick())?.cgroups).toBeUndefined();

    const s = new Sampler(new Collector({}), { topics: () => new Set<Topic>(['cgroups']) });
    const mine = async () => (await s.tick())?.cgroups?.groups.find((g) => g.path === path);
    const first = await mine();
    expect(first).toMatchObject({ kind: 'service', pids: groups.procs(leaf), pidsTotal: 1, cpuPercent: null, cpuHistory: [] });
    const second = await mine();
    expect(second?.cpuPercent).toBeGreaterThanOrEqual(0);
    expect(second?.cpuHistory).toHaveLength(1);
    const third = await mine();
    expect(third?.cpuHistory).toHaveLength(2);
    expect(third?.cpuHistory[0]).toBe(second?.cpuPercent);
  });
});
