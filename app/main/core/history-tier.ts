// A coarser tier of History: fixed-width buckets, each the average of the
// ticks (or finer buckets) in it, weighted by their span.
//
// A bucket is a running weighted sum of the packed numbers, not a list of the
// snapshots it covers: held for 5 s or a minute, those snapshots outlived the
// young generation and were promoted, and the old space filled with them
// (~0.5 MiB a minute) until a full GC, which at serve's heap size came only
// after tens of minutes. Summing in arrival order gives the same doubles as
// averageValues over the list. A tick of another shape (a disk appears, a
// topic is turned on) closes the sum so far into a partial average, and the
// bucket's average is then averageValues over the partials, weighted by
// their spans, which is exact.
import type { Snapshot } from '../../shared';
import { averageValues } from './average';
import { PackedRing } from './packed-ring';
import { type PackedSnapshot, unpack } from './packed-snapshot';

interface Partial {
  snapshot: Snapshot;
  weight: number;
}

export class HistoryTier {
  readonly ring: PackedRing;
  private bucketKey = -1;
  private sum: Float64Array | null = null;
  private sumTemplate: unknown = undefined;
  private sumWeight = 0;
  /** Averages of the earlier shapes within this bucket (rare). */
  private partials: Partial[] = [];
  private last: { seq: number; time: number; intervalMs: number } | null = null;

  constructor(
    readonly bucketMs: number,
    readonly spanMs: number,
  ) {
    this.ring = new PackedRing(Math.ceil(spanMs / bucketMs));
  }

  /** Adds a tick (or a finer bucket, weighted by its span); returns the bucket this closed, packed, if any. */
  add(p: PackedSnapshot): PackedSnapshot | null {
    const weight = p.span;
    const key = Math.floor(p.time / this.bucketMs);
    const closed = key !== this.bucketKey && this.last !== null ? this.flush() : null;
    this.bucketKey = key;
    if (this.sum !== null && p.template !== this.sumTemplate) this.closeSum();
    if (this.sum === null) {
      this.sum = new Float64Array(p.values.length);
      this.sumTemplate = p.template;
    }
    const sum = this.sum;
    const values = p.values;
    for (let i = 0; i < values.length; i++) sum[i] = sum[i]! + values[i]! * weight;
    this.sumWeight += weight;
    this.last = { seq: p.seq, time: p.time, intervalMs: p.intervalMs };
    return closed;
  }

  private closeSum(): void {
    if (this.sum === null) return;
    const avg = new Float64Array(this.sum.length);
    for (let i = 0; i < avg.length; i++) avg[i] = this.sum[i]! / this.sumWeight;
    this.partials.push({ snapshot: unpack({ seq: 0, time: 0, intervalMs: 0, span: 0, template: this.sumTemplate, values: avg }), weight: this.sumWeight });
    this.sum = null;
    this.sumTemplate = undefined;
    this.sumWeight = 0;
  }

  private flush(): PackedSnapshot {
    this.closeSum();
    const parts = this.partials;
    this.partials = [];
    const avg = (parts.length === 1 ? parts[0]!.snapshot : averageValues(parts.map((x) => x.snapshot), parts.map((x) => x.weight))) as Snapshot;
    const last = this.last!;
    this.last = null;
    // Identity and time come from the bucket's last tick; the rest is averaged.
    const bucket = { ...avg, seq: last.seq, time: last.time, intervalMs: last.intervalMs, span: parts.reduce((n, x) => n + x.weight, 0) };
    return this.ring.push(bucket);
  }
}
