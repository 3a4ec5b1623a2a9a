import { describe, expect, it } from 'vitest';
import { createMonitorApi } from '../core/api';
import { Collector } from '../core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { Sampler } from '../core/sampler';
import { TopicRegistry } from '../core/topics';
import { TRAY_TOPICS, TrayFeed, type Timers, type TrayView } from './tray-feed';

// The tray's client against the real sampler over the captured /proc and /sys
// tree; ticks are taken by hand and the peek clock is fired by hand.

class ManualTimers implements Timers {
  fns = new Map<number, () => void>();
  private next = 1;
  setInterval(fn: () => void) {
    this.fns.set(this.next, fn);
    return this.next++;
  }
  clearInterval(h: unknown) {
    this.fns.delete(h as number);
  }
  fire() {
    for (const fn of this.fns.values()) fn();
  }
}

async function setup() {
  const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
  const topics = new TopicRegistry();
  const sampler = new Sampler(collector, { topics: () => topics.union() });
  const facts = await collector.readStatic();
  const api = createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'electron', facts, roots: { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS }, topics });
  const views: TrayView[] = [];
  const timers = new ManualTimers();
  const feed = new TrayFeed(api, (v) => views.push(v), { timers });
  // Lets the feed's getSnapshot/setTopics promises settle after a tick.
  const tick = async () => {
    const s = await sampler.tick();
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    return s!;
  };
  return { sampler, topics, feed, views, timers, tick };
}

describe('tray feed', () => {
  it('asks for the tray’s topics, and for the process table only until it has read one', async () => {
    const { topics, feed, views, tick } = await setup();
    await feed.start();
    expect([...topics.union()].sort()).toEqual([...TRAY_TOPICS, 'processes'].sort());
    const first = await tick();
    expect(first.processes?.length).toBeGreaterThan(0);
    // One table gives no rates: the feed reads a second on the very next tick, then lets go.
    expect(views.at(-1)?.top).toBeNull();
    expect(topics.union().has('processes')).toBe(true);
    await tick();
    expect(views.at(-1)?.top).not.toBeNull();
    expect([...topics.union()].sort()).toEqual([...TRAY_TOPICS].sort());
    const quiet = await tick();
    expect(quiet.processes).toBeUndefined();
    expect(quiet.network).toBeDefined();
    expect(quiet.sensors).toBeDefined();
    feed.stop();
    expect(topics.union().size).toBe(0);
  });

  it('reads the table again when its clock fires, and shows CPU and memory from every tick', async () => {
    const { topics, feed, views, timers, tick } = await setup();
    await feed.start();
    await tick();
    await tick();
    await tick();
    timers.fire();
    expect(topics.union().has('processes')).toBe(true);
    const s = await tick();
    expect(topics.union().has('processes')).toBe(false);
    const v = views.at(-1)!;
    expect(v.icon.memoryPercent).toBe(s.memory.percent);
    expect(v.icon.cpuHistory).toHaveLength(4);
    expect(v.icon.cpuHistory[0]).toBeNull(); // the first tick has no CPU rate
    expect(v.icon.cpuHistory.at(-1)).toBe(s.cpu!.percent);
    expect(v.tooltip.split('\n')[0]).toBe('Procyon');
    feed.stop();
  });

  it('when paused, keeps the last view in grey and reads no process tables', async () => {
    const { topics, feed, views, timers, tick } = await setup();
    await feed.start();
    await tick();
    await tick();
    feed.setPaused(true);
    const paused = views.at(-1)!;
    expect(paused.paused).toBe(true);
    expect(paused.icon.paused).toBe(true);
    expect(paused.tooltip.split('\n')[0]).toBe('Procyon (updates paused)');
    expect(timers.fns.size).toBe(0);
    const count = views.length;
    await tick();
    expect(views.length).toBe(count);
    expect(topics.union().has('processes')).toBe(false);
    feed.setPaused(false);
    expect(timers.fns.size).toBe(1);
    expect(topics.union().has('processes')).toBe(true);
    feed.stop();
  });

  it('ranked by GPU, its peeks ask for the rows’ GPU shares too, and the list starts over', async () => {
    const { topics, feed, views, tick } = await setup();
    await feed.start();
    await tick();
    await tick();
    expect(views.at(-1)?.top).not.toBeNull();
    feed.setRank('gpu');
    expect(views.at(-1)).toMatchObject({ rank: 'gpu', top: null });
    expect([...topics.union()].sort()).toEqual([...TRAY_TOPICS, 'processes', 'processGpu'].sort());
    const s = await tick();
    // Where the collector reads GPU shares, every row carries one (null: the captured tree's processes use none).
    const gpuRead = s.processes!.every((r) => r.gpu !== undefined);
    await tick();
    expect(views.at(-1)!.top).toEqual(gpuRead ? [] : null);
    expect(topics.union().has('processGpu')).toBe(false);
    feed.setRank('cpu');
    expect(views.at(-1)).toMatchObject({ rank: 'cpu', top: null });
    feed.stop();
  });
});
