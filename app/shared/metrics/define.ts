import type { ErrorCode, SnapshotTopic, SnapshotTopicValues } from '@procyon/collector';

// What a whole-system metric declares about itself, so that its app side is one
// file: the host reads, samples, keeps and exports it, and the pages chart it,
// from this declaration alone. Each file in this folder declares one as its
// default export; index.ts lists them and is generated from the folder (node
// scripts/metric-index.mjs). Pure: the renderer bundles it, so nothing here
// runs node, the collector or React; the collector's types are types only.

/** One line of a card's chart: the renderer's SeriesSpec. */
export interface CardLine {
  /** The key of its value in a chart point. */
  key: string;
  /** Its name in the legend and the tooltip. */
  name: string;
  /** A CSS colour, var(--…) so it follows the theme. */
  color: string;
  /** Outline only, no fill: for a secondary line drawn over a filled one. */
  line?: boolean;
}

/** The renderer's number formats, passed in so a declaration's text matches the rest of the UI without importing it. */
export interface Formats {
  percent(value: number, digits?: number): string;
  /** A count with thousands separators: "12,345". */
  count(value: number): string;
  /** A byte size in binary units: "1.5 MiB". */
  bytes(value: number): string;
}

/** A chart's value axis (the renderer's Scale). */
export interface CardScale {
  /** Axis labels and tooltip values. */
  format(value: number): string;
  /** Fixed maximum; omitted: rounded up from the data. */
  max?: number;
  /** The smallest maximum an auto scale may pick. */
  floor?: number;
  /** Room for axis labels, px. */
  width?: number;
}

/** A chart card on one page: what it charts of each tick's sample, and what it says when there is nothing to chart. */
export interface CardDeclaration<Sample> {
  /** The page it shows on (a PageId of the renderer's routes). */
  page: string;
  /** Names its test ids: `${id}-chart`, `${id}-absent`. */
  id: string;
  title: string;
  lines: readonly CardLine[];
  /** Whether a tick's sample has what this card charts (false: the machine has the metric, but not this part of it). */
  has(sample: Sample): boolean;
  /** One tick's chart point, each line's value by its key; null when the tick has none (a rate's first reading). */
  point(sample: Sample): Record<string, number> | null;
  /** The figures beside the title for the newest tick, with a tooltip. */
  summary(sample: Sample, f: Formats): { text: string; title?: string };
  scale(f: Formats): CardScale;
  /** The unit in the CSV export's header. */
  csvUnit: string;
  /** A line under the chart saying what it measures. */
  note: string;
  /**
   * Why nothing is charted: the host has none of the metric ('none': the
   * collector reports the platform cannot, or a reading came back as none)
   * or not this card's part of it ('part'); `captured`: the host reads a
   * captured tree, not a machine.
   */
  absent(why: 'none' | 'part', captured: boolean): string;
}

/** One label-less /metrics family: node_exporter's name where it has one, else procyon_…. */
export interface FamilyDeclaration<Reading> {
  type: 'gauge' | 'counter';
  help: string;
  /** Its value, from the reading as the collector gave it (a sample keeps the reading's fields); none: not published this tick. */
  value(reading: Reading): number | null | undefined;
}

/** One labelled series of a family: its label values by name, and its value. */
export interface LabelledSeries {
  labels: Record<string, string>;
  value: number;
}

/** A /metrics family with labels (one series per device, say): its label names, and its series from the reading. */
export interface LabelledFamilyDeclaration<Reading> {
  type: 'gauge' | 'counter';
  help: string;
  /** Every label a series may carry; a series names each of them. */
  labels: readonly string[];
  /** This tick's series (none: the family is absent this tick). */
  series(reading: Reading): LabelledSeries[];
}

/** A declared family, label-less or labelled. */
export type AnyFamilyDeclaration<Reading> = FamilyDeclaration<Reading> | LabelledFamilyDeclaration<Reading>;

/** Whether a declared family carries labels. */
export function isLabelled<Reading>(family: AnyFamilyDeclaration<Reading>): family is LabelledFamilyDeclaration<Reading> {
  return 'series' in family;
}

/**
 * A whole-system metric. `Reading` is the collector's value for its snapshot
 * topic; `Sample` is what a tick publishes (the reading plus what the host
 * adds), and keeps the reading's fields so the exporter reads those.
 */
export interface MetricDeclaration<Topic extends string, Source extends SnapshotTopic, Sample extends SnapshotTopicValues[Source], Families extends string> {
  /** Its Snapshot topic and field: what clients subscribe to and read. */
  topic: Topic;
  /** The collector's snapshot topic it reads. */
  source: Source;
  /** The collector's error code that means "this machine has none" (a fact: the Snapshot's field is null), not a failed read. */
  noneWhen?: ErrorCode;
  /**
   * One tick's sample from its reading and the previous tick's (undefined on the first, or after a failed or absent one), `seconds` apart;
   * `previousSample` is what the previous tick published (undefined likewise), for what a sample carries on (a short history).
   */
  sample(reading: SnapshotTopicValues[Source], previous: SnapshotTopicValues[Source] | undefined, seconds: number, previousSample?: NoInfer<Sample>): Sample;
  /**
   * true: history keeps it in every tier, a coarser tier's point the average
   * of its bucket's (as every system topic); false: live only.
   */
  history: boolean;
  cards: readonly CardDeclaration<Sample>[];
  /** Pages that show it beyond its cards' (a page of its own): sampled while one of them is shown, as a card's page is. */
  pages?: readonly string[];
  exporter: { readonly [Name in Families]: AnyFamilyDeclaration<SnapshotTopicValues[Source]> };
}

/** Any declaration, as the generic parts hold them (each function still checked against its own metric's types where declared). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds metrics of different sample types
export type AnyMetric = MetricDeclaration<string, SnapshotTopic, any, string>;

/** Checks a declaration against its collector topic's types and keeps its literal names (its topic and family names become types). */
export function defineMetric<const Topic extends string, const Source extends SnapshotTopic, Sample extends SnapshotTopicValues[Source], const Families extends string>(
  declaration: MetricDeclaration<Topic, Source, Sample, Families>,
): MetricDeclaration<Topic, Source, Sample, Families> {
  return declaration;
}
