import type { SnapshotTopicValues } from '@procyon/collector';
import type { AnyMetric, CardDeclaration } from './define';
import { METRICS } from './index';

// What the generic parts (topics, Snapshot, collector, sampler, history,
// exporter, pages) read of the declared metrics: derived here from the
// registry, so none of them names a metric.

export { METRICS };
export type Metric = (typeof METRICS)[number];
export type MetricTopic = Metric['topic'];

/** Each declared metric's Snapshot field: its sample, or null where this machine has none (its noneWhen), a fact and not an error. */
export type MetricSamples = { [M in Metric as M['topic']]?: ReturnType<M['sample']> | null };

/** Each declared metric's collector reading, by its topic. */
export type MetricReadings = { [M in Metric as M['topic']]: SnapshotTopicValues[M['source']] };

type FamiliesOf<M> = M extends { exporter: infer E } ? Extract<keyof E, string> : never;
/** Every /metrics family the declarations publish. */
export type MetricFamilyName = FamiliesOf<Metric>;

/** The registry as the generic code walks it. */
export const METRIC_LIST: readonly AnyMetric[] = METRICS;

/** The declared topics, in registry order. */
export const METRIC_TOPICS: readonly MetricTopic[] = METRICS.map((m) => m.topic);

/** The cards declared for `page`, each with its metric, in registry order then declaration order. */
export function cardsFor(page: string): { metric: AnyMetric; card: CardDeclaration<unknown> }[] {
  return METRIC_LIST.flatMap((metric) => metric.cards.filter((c: CardDeclaration<unknown>) => c.page === page).map((card: CardDeclaration<unknown>) => ({ metric, card })));
}

/** The topics of the metrics with a card on `page`, or that name it among their pages. */
export function metricTopicsFor(page: string): MetricTopic[] {
  return METRIC_LIST.filter((m) => m.cards.some((c: CardDeclaration<unknown>) => c.page === page) || m.pages?.includes(page)).map((m) => m.topic as MetricTopic);
}
