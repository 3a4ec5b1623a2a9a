import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../shared/payloads';
import { StoreContext } from '../store/context';
import { createMonitorStore } from '../store/monitor';
import type { View } from '../store/view';
import { MetricCards } from './MetricCards';

// A card declared in the registry (app/shared/metrics) and nowhere else is
// charted on its page by the generic card, and explained where the machine has
// none (the host side of the same proof: test/metric-registry.test.ts).

vi.mock('../../../shared/metrics/index', async (importOriginal) => {
  const { METRICS } = await importOriginal<typeof import('../../../shared/metrics/index')>();
  const { testLoad } = await import('../../../shared/metrics/test-metrics.test-util');
  return { METRICS: [...METRICS, testLoad] };
});

const tick = (seq: number, testLoad: unknown) => ({ seq, time: 1_000_000 + seq * 1000, intervalMs: 1000, testLoad }) as unknown as Snapshot;

function render(page: 'network' | 'cpu', history: Snapshot[]): string {
  const view: View = { history, latest: history.at(-1)!, end: history.at(-1)!.time, spanMs: 60_000, range: '1m' };
  return renderToStaticMarkup(createElement(StoreContext.Provider, { value: createMonitorStore() }, createElement(MetricCards, { page, view })));
}

describe('MetricCards', () => {
  it("renders each card declared for the page, from the declaration's lines, points, summary and note", () => {
    const html = render('network', [tick(1, [0.5, 0.4, 0.3]), tick(2, [0.75, 0.5, 0.25])]);
    expect(html).toContain('<h3>Test load</h3>');
    expect(html).toContain('data-testid="test-load-chart"');
    expect(html).toContain('data-points="2"');
    expect(html).toContain('<span title="75.0% of a core">load 0.75</span>');
    expect(html).toContain('A declaration that only this test adds.');
    // Another page's declared cards are not this page's.
    expect(html).not.toContain('pressure');
    expect(render('cpu', [tick(1, [0.5, 0.4, 0.3])])).not.toContain('Test load');
  });

  it('says why, with no chart, where the machine has none', () => {
    const html = render('network', [tick(1, null)]);
    expect(html).toContain('data-testid="test-load-absent"');
    expect(html).toContain('no load (none, live)');
    expect(html).not.toContain('test-load-chart');
  });
});
