import { MIN_INTERVAL_MS, type Snapshot } from '../../shared';
import { averageValues } from './average';
import { PackedRing } from './packed-ring';

/** A coarser tier: fixed-width buckets, each the average of the ticks (or finer buckets) in it, weighted by their span. */
class Tier {
  readonly ring: PackedRing;
  private bucket: Snapshot[] = [];
  private bucketKey = -1;

  constructor(
    readonly bucketMs: number,
    readonly spanMs: number,
  ) {
    this.ring = new PackedRing(Math.ceil(spanMs / bucketMs));
  }

  /** Returns the bucket it closed, if this tick closed one. */
  add(s: Snapshot, now: number): Snapshot | null {
    const key = Math.floor(s.time / this.bucketMs);
    const closed = key !== this.bucketKey && this.bucket.length > 0 ? this.flush(now) : null;
    this.bucketKey = key;
    this.bucket.push(s);
    return closed;
  }

  private flush(now: number): Snapshot {
    const ticks = this.bucket;
    this.bucket = [];
    const avg = averageValues(
      ticks,
      ticks.map((t) => t.span ?? 1),
    ) as Snapshot;
    const last = ticks[ticks.length - 1]!;
    // Identity and time come from the bucket's last tick; the rest is averaged.
    const bucket = { ...avg, seq: last.seq, time: last.time, intervalMs: last.intervalMs, span: ticks.reduce((n, t) => n + (t.span ?? 1), 0) };
    this.ring.push(bucket, now);
    return bucket;
  }
}

export const RAW_SPAN_MS = 5 * 60_000;

/**
 * Three bounded rings: 5 minutes at full rate, an hour in 5 s buckets, a day
 * in 1 min buckets: at most 1,200 + 720 + 1,440 snapshots however long the
 * app runs, each stored packed: about 2 KiB for a tick of every system topic
 * on this VM, against 8 KiB as objects (a day of history: 4.6 MiB, not 26).
 */
export class History {
  // Sized for the fastest interval; at slower ones the raw ring is trimmed to
  // its 5 minutes instead of filling with ticks no query reads.
  private readonly raw = new PackedRing(Math.ceil(RAW_SPAN_MS / MIN_INTERVAL_MS));
  private readonly tiers = [new Tier(5_000, 3_600_000), new Tier(60_000, 86_400_000)];

  constructor(private readonly now: () => number) {}

  get capacity(): number {
    return this.raw.capacity + this.tiers.reduce((n, t) => n + t.ring.capacity, 0);
  }

  /** How many snapshots the rings hold now. */
  get stored(): number {
    return this.raw.size + this.tiers.reduce((n, t) => n + t.ring.size, 0);
  }

  push(s: Snapshot): void {
    // Process rows are live only: kept, they would make memory grow with the
    // number of processes times the length of the history. Alerts are live only
    // too (getAlertHistory has them), and they are added to the tick after it
    // is stored, so history keeps a copy rather than the emitted object.
    const { processes: _rows, alerts: _alerts, ...kept } = s;
    const now = this.now();
    this.raw.push(kept, now);
    this.raw.dropBefore(kept.time - RAW_SPAN_MS);
    // Each tier is fed the buckets the finer one closes (a minute is twelve
    // 5 s buckets, weighted by their span), not every tick again: averaging 60
    // ticks at once was a 10 ms block on the event loop every minute.
    let next: Snapshot | null = kept;
    for (const t of this.tiers) {
      if (next === null) break;
      next = t.add(next, now);
    }
  }

  latest(): Snapshot | undefined {
    return this.raw.latest();
  }

  /** The last `seconds`, oldest first, from the finest tier that covers the span; with `after`, only the entries newer than it. */
  since(seconds: number, after?: number): Snapshot[] {
    const from = this.now() - seconds * 1000;
    const spanMs = seconds * 1000;
    const source = spanMs <= RAW_SPAN_MS ? this.raw : (this.tiers.find((t) => spanMs <= t.spanMs) ?? this.tiers[this.tiers.length - 1]!).ring;
    const list = source.since(from, this.now());
    if (after === undefined) return list;
    let i = list.length;
    while (i > 0 && list[i - 1]!.time > after) i--;
    return i === 0 ? list : list.slice(i);
  }
}
