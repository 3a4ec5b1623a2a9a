import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

  it("each card's page renders the declared cards (a <MetricCards page=…> slot): a card for a page without one would never show", () => {
    const folder = path.join(import.meta.dirname, '../app/renderer/src/pages');
    const slots = new Set<string>();
    for (const f of readdirSync(folder).filter((f) => f.endsWith('.tsx'))) {
      for (const m of readFileSync(path.join(folder, f), 'utf8').matchAll(/<MetricCards page="(\w+)"/g)) slots.add(m[1]!);
    }
    expect(slots.size).toBeGreaterThan(0);
    for (const m of METRICS) for (const card of m.cards) expect(slots, `${m.topic}: ${card.id} on ${card.page}`).toContain(card.page);
  });
});
