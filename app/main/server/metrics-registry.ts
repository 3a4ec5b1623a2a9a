import { Counter, Gauge, Registry, type RegistryContentType } from 'prom-client';
import { CATALOGUE, type MetricDef, type MetricName } from './metrics-catalogue';
import type { Families } from './metrics-families';

type AnyMetric = Gauge | Counter;

/** One prom-client registry holding the whole catalogue, in one exposition format. */
class FormatRegistry {
  readonly registry = new Registry<RegistryContentType>();
  private readonly metrics = new Map<MetricName, AnyMetric>();

  constructor(
    contentType: RegistryContentType,
    private readonly catalogue: Partial<Record<MetricName, MetricDef>>,
  ) {
    this.registry.setContentType(contentType);
    for (const [name, def] of Object.entries(catalogue) as [MetricName, MetricDef][]) {
      const config = { name, help: def.help, labelNames: [...def.labels], registers: [this.registry] };
      const metric = def.type === 'counter' ? new Counter(config) : new Gauge(config);
      // Label-less metrics start at 0 in prom-client; absent data must stay absent, not read as 0.
      if (def.labels.length === 0) metric.remove({});
      this.metrics.set(name, metric);
    }
  }

  /** Replace every value: series that vanished (a process, an unplugged NIC) go with the reset. */
  apply(families: Families, only?: readonly MetricName[]): void {
    const names = only ?? ([...this.metrics.keys()] as MetricName[]);
    for (const name of names) {
      const metric = this.metrics.get(name);
      // A family this registry does not hold (Windows services where the collector has none) is never published.
      if (!metric) continue;
      metric.reset();
      const series = families[name];
      if (!series || series.length === 0) {
        if (this.catalogue[name]!.labels.length === 0) metric.remove({});
        continue;
      }
      for (const { labels, value } of series) {
        // The kernel's counters are cumulative already: a counter is "reset then set" to the reading.
        if (metric instanceof Counter) metric.inc(labels, Math.max(0, value));
        else metric.set(labels, value);
      }
    }
  }
}

export const PROMETHEUS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;
export const OPENMETRICS_CONTENT_TYPE = Registry.OPENMETRICS_CONTENT_TYPE;

/** Whether an Accept header prefers OpenMetrics over the classic text format (q-values honoured). */
export function wantsOpenMetrics(accept: string | undefined): boolean {
  if (!accept) return false;
  let om = 0;
  let text = 0;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
    if (type === 'application/openmetrics-text') om = Math.max(om, q);
    else if (type === 'text/plain') text = Math.max(text, q);
  }
  return om > 0 && om >= text;
}

/**
 * The exposition in both formats. prom-client renames counters in place when it
 * renders OpenMetrics, so each format gets its own metric objects.
 */
export class MetricsRegistry {
  private readonly text: FormatRegistry;
  private readonly openMetrics: FormatRegistry;

  /** `catalogue`: the families this exposition holds (the default, CATALOGUE, plus those only some hosts have). */
  constructor(catalogue: Partial<Record<MetricName, MetricDef>> = CATALOGUE) {
    this.text = new FormatRegistry(Registry.PROMETHEUS_CONTENT_TYPE, catalogue);
    this.openMetrics = new FormatRegistry(Registry.OPENMETRICS_CONTENT_TYPE, catalogue);
  }

  apply(families: Families, only?: readonly MetricName[]): void {
    this.text.apply(families, only);
    this.openMetrics.apply(families, only);
  }

  async render(accept: string | undefined): Promise<{ contentType: string; body: string }> {
    const r = wantsOpenMetrics(accept) ? this.openMetrics.registry : this.text.registry;
    return { contentType: r.contentType, body: await r.metrics() };
  }
}
