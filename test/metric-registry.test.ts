import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMonitorApi } from '../app/main/core/api';
import { Collector } from '../app/main/core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../app/main/core/fixture-root.test-util';
import { Sampler } from '../app/main/core/sampler';
import { TopicRegistry } from '../app/main/core/topics';
import { CATALOGUE } from '../app/main/server/metrics-catalogue';
import { EXPORTER_TOPICS } from '../app/main/server/metrics-families';
import { MetricsExporter } from '../app/main/server/metrics-exporter';
import type { Snapshot, Topic } from '../app/shared';
import { SetTopicsRequest } from '../app/shared/schemas';
import { TOPICS } from '../app/shared/payloads';
import { topicsFor } from '../app/renderer/src/routes/pages';

// The registry of metric declarations (app/shared/metrics) is the one place a
// metric's app side is written: a declaration added to it here, and nowhere
// else, is a topic clients may ask for, is read, sampled and kept by the host,
// and is published by the exporter (its card on its page: MetricCards.test.ts).

vi.mock('../app/shared/metrics/index', async (importOriginal) => {
  const { METRICS } = await importOriginal<typeof import('../app/shared/metrics/index')>();
  const { testLoad, testLoadLive } = await import('../app/shared/metrics/test-metrics.test-util');
  return { METRICS: [...METRICS, testLoad, testLoadLive] };
});

const ROOTS = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
/** The capture's /proc/loadavg: what the declared metric reads. */
const fixtureLoad = () => readFileSync(path.join(FIXTURE_PROC, 'loadavg'), 'utf8').split(' ').slice(0, 3).map(Number);

describe('a metric declared in the registry and nowhere else', () => {
  it('is a topic: in TOPICS, accepted by setTopics, sampled by the page its card is on and by no other', () => {
    expect(TOPICS).toContain('testLoad');
    expect(SetTopicsRequest.safeParse({ topics: ['testLoad'] }).success).toBe(true);
    expect(topicsFor('network', false)).toEqual(['network', 'processes', 'processNet', 'sockets', 'testLoad']);
    expect(topicsFor('overview', false)).not.toContain('testLoad');
    expect(topicsFor('cpu', false)).toEqual(['cpu', 'pressure']);
  });

  it("is read from its collector topic, sampled, and kept in history as declared", async () => {
    const clock = { now: 1_000_000 };
    const sampler = new Sampler(new Collector(ROOTS), { topics: () => new Set<string>(['testLoad', 'testLoadLive']) as ReadonlySet<Topic>, now: () => clock.now });
    await sampler.tick();
    clock.now += 1000;
    const snap = (await sampler.tick()) as Snapshot & { testLoad?: unknown; testLoadLive?: unknown };
    expect(snap.errors).toBeUndefined();
    expect(snap.testLoad).toEqual(fixtureLoad());
    expect(snap.testLoadLive).toEqual(fixtureLoad());
    const kept = sampler.historySince(60).at(-1) as Snapshot & { testLoad?: unknown };
    expect(kept.seq).toBe(snap.seq);
    expect(kept.testLoad).toEqual(fixtureLoad());
    // Declared `history: false`: live only.
    expect(kept).not.toHaveProperty('testLoadLive');
    // Not asked for: not read.
    const off = new Sampler(new Collector(ROOTS), { topics: () => new Set() });
    expect(await off.tick()).not.toHaveProperty('testLoad');
  });

  it('is published by the exporter under its declared name, help and type, with its topic up', async () => {
    expect((CATALOGUE as Record<string, unknown>).procyon_test_load1).toMatchObject({ type: 'gauge', help: 'The 1 min load average, declared by a test.', labels: [] });
    expect(EXPORTER_TOPICS).toContain('testLoad');
    const topics = new TopicRegistry();
    const sampler = new Sampler(new Collector(ROOTS), { topics: () => topics.union() });
    const facts = { cpuCountLogical: 8, cpuCountPhysical: 4, bootTime: 0 };
    const connect = () => createMonitorApi(sampler, { version: '1.0.0', readOnly: true, transport: 'websocket', facts, roots: ROOTS, topics });
    const exporter = new MetricsExporter({ sampler, connect, roots: ROOTS });
    await exporter.start();
    try {
      const body = (await exporter.scrape(undefined)).body;
      const lines = body.split('\n');
      expect(lines).toContain('# HELP procyon_test_load1 The 1 min load average, declared by a test.');
      expect(lines).toContain('# TYPE procyon_test_load1 gauge');
      expect(lines).toContain(`procyon_test_load1 ${fixtureLoad()[0]}`);
      expect(lines).toContain('procyon_collector_topic_up{topic="testLoad"} 1');
      // The registry's own metric is there as before.
      expect(lines).toContain('procyon_collector_topic_up{topic="pressure"} 1');
    } finally {
      exporter.stop();
    }
  });
});
