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
import { CulpritSum } from './culprits';
import { unpackCulprits } from './packed-culprits';
import { PackedRing } from './packed-ring';
import { type PackedSnapshot, type Template, unpackValues } from './packed-snapshot';

interface Partial {
  snapshot: Snapshot;
  weight: number;
}

export class HistoryTier {
  readonly ring: PackedRing;
  private bucketKey = -1;
  /** The running weighted sum of this bucket's ticks of one shape. */
  private running: { template: Template; sum: Float64Array; weight: number } | null = null;
  /** Averages of the earlier shapes within this bucket (rare). */
  private partials: Partial[] = [];
  /** The bucket's latest tick: its identity and time become the bucket's. */
  private last: PackedSnapshot | null = null;
  /** The bucket's culprits so far (see CulpritSum for how a bucket ranks them). */
  private readonly culprits = new CulpritSum();

  constructor(
    readonly bucketMs: number,
    readonly spanMs: number,
  ) {
    this.ring = new PackedRing(Math.ceil(spanMs / bucketMs));
  }

  /** Adds a tick (or a finer bucket, weighted by its span); returns the bucket this closed, packed, if any. */
  add(p: PackedSnapshot): PackedSnapshot | null {
    const key = Math.floor(p.time / this.bucketMs);
    const closed = key !== this.bucketKey && this.last !== null ? this.flush() : null;
    this.bucketKey = key;
    if (this.running !== null && p.template !== this.running.template) this.closeSum();
    this.running ??= { template: p.template, sum: new Float64Array(p.values.length), weight: 0 };
    const { sum } = this.running;
    const values = p.values;
    const weight = p.span;
    for (let i = 0; i < values.length; i++) sum[i] = sum[i]! + values[i]! * weight;
    this.running.weight += weight;
    this.culprits.add(p.culprits && unpackCulprits(p.culprits), weight);
    this.last = p;
    return closed;
  }

  private closeSum(): void {
    if (this.running === null) return;
    const { template, sum, weight } = this.running;
    const avg = new Float64Array(sum.length);
    for (let i = 0; i < avg.length; i++) avg[i] = sum[i]! / weight;
    this.partials.push({ snapshot: unpackValues(template, avg), weight });
    this.running = null;
  }

  private flush(): PackedSnapshot {
    this.closeSum();
    const parts = this.partials;
    this.partials = [];
    const avg = (parts.length === 1 ? parts[0]!.snapshot : averageValues(parts.map((x) => x.snapshot), parts.map((x) => x.weight))) as Snapshot;
    const last = this.last!;
    this.last = null;
    // Identity and time come from the bucket's last tick; the rest is averaged.
    const bucket: Snapshot = { ...avg, seq: last.seq, time: last.time, intervalMs: last.intervalMs, span: parts.reduce((n, x) => n + x.weight, 0) };
    const culprits = this.culprits.take();
    if (culprits !== undefined) bucket.culprits = culprits;
    return this.ring.push(bucket);
  }
}
