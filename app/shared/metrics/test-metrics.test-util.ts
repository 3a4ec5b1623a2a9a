import { defineMetric } from './define';

// Declarations only tests add to the metric registry (each test's vi.mock of
// app/shared/metrics/index appends them), to prove a declaration alone makes a
// topic, a sample, history, an exporter family and a card.

/** The 1-minute load average under a topic of its own, charted on the Network page (a page that shows no load). */
export const testLoad = defineMetric({
  topic: 'testLoad',
  source: 'loadavg',
  sample: (reading) => reading,
  history: true,
  cards: [
    {
      page: 'network',
      id: 'test-load',
      title: 'Test load',
      lines: [{ key: 'l1', name: '1 min', color: 'var(--cpu)' }],
      has: () => true,
      point: (s) => ({ l1: s[0] }),
      summary: (s, f) => ({ text: `load ${s[0].toFixed(2)}`, title: `${f.percent(s[0] * 100)} of a core` }),
      scale: () => ({ format: (v) => v.toFixed(2) }),
      csvUnit: 'runnable tasks',
      note: 'A declaration that only this test adds.',
      absent: (why, captured) => `no load (${why}, ${captured ? 'captured' : 'live'})`,
    },
  ],
  exporter: { procyon_test_load1: { type: 'gauge', help: 'The 1 min load average, declared by a test.', value: (r) => r[0] } },
});

/** The same reading, live only: history keeps none of it. */
export const testLoadLive = defineMetric({ topic: 'testLoadLive', source: 'loadavg', sample: (reading) => reading, history: false, cards: [], exporter: {} });
