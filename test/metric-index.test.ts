import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METRICS } from '../app/shared/metrics/index';
import { PAGES } from '../app/renderer/src/routes/pages';
import { declarationFiles, METRIC_INDEX, metricIndex } from '../scripts/metric-index.mjs';

// app/shared/metrics/index.ts is generated from the folder's files
// (scripts/metric-index.mjs): a declaration is one new file, then the
// generator; this fails while the committed index is not what it makes.

describe('the metric registry', () => {
  it('index.ts is generated: it lists every declaration file of app/shared/metrics, and nothing else', () => {
    expect(readFileSync(METRIC_INDEX, 'utf8'), 'app/shared/metrics/index.ts is stale: run node scripts/metric-index.mjs').toBe(metricIndex());
    expect(METRICS).toHaveLength(declarationFiles().length);
  });

  it('each declaration has a topic of its own, and cards only for pages that exist', () => {
    const topics = METRICS.map((m) => m.topic);
    expect(new Set(topics).size).toBe(topics.length);
    const pages = new Set<string>(PAGES.map((p) => p.id));
    for (const m of METRICS) for (const card of m.cards) expect(pages, `${m.topic}: ${card.id}`).toContain(card.page);
    const ids = METRICS.flatMap((m) => m.cards.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
