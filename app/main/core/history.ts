import { MIN_INTERVAL_MS, type Snapshot } from '../../shared';
import { METRIC_LIST } from '../../shared/metrics/registry';
import { HistoryTier } from './history-tier';
import { PackedRing } from './packed-ring';
import type { PackedSnapshot } from './packed-snapshot';

export const RAW_SPAN_MS = 5 * 60_000;

/** The declared metrics that history does not keep (their declaration's `history: false`). */
const LIVE_ONLY_METRICS = METRIC_LIST.filter((m) => !m.history).map((m) => m.topic);

/**
 * Three bounded rings: 5 minutes at full rate, an hour in 5 s buckets, a day
 * in 1 min buckets: at most 1,200 + 720 + 1,440 snapshots however long the
 * app runs, each stored packed: about 2 KiB for a tick of every system topic
 * on this VM, against 8 KiB as objects (a day of history: 4.6 MiB, not 26).
 *
 * Each point also keeps its culprits (the top 3 processes per kind, see
 * culprits.ts), packed (packed-culprits.ts): at most 30 doubles and 9 name
 * references a point, under 0.5 KiB with the arrays' headers, so at most
 * 3,360 × 0.5 KiB = 1.6 MiB for all tiers, plus the interned names (at most
 * 4,096 of at most 64 characters). The culprits' own series are bounded
 * apart (process-series.ts: 16 processes, 2.1 MiB at most).
 */
export class History {
  // Sized for the fastest interval; at slower ones the raw ring is trimmed to
  // its 5 minutes instead of filling with ticks no query reads.
  private readonly raw = new PackedRing(Math.ceil(RAW_SPAN_MS / MIN_INTERVAL_MS));
  private readonly tiers = [new HistoryTier(5_000, 3_600_000), new HistoryTier(60_000, 86_400_000)];

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
    const { processes: _rows, alerts: _alerts, processSockets: _sockets, netOtherUsers: _others, ...kept } = s;
    for (const topic of LIVE_ONLY_METRICS) delete (kept as Record<string, unknown>)[topic];
    const packed = this.raw.push(kept);
    this.raw.dropBefore(kept.time - RAW_SPAN_MS);
    // Each tier is fed the buckets the finer one closes (a minute is twelve
    // 5 s buckets, weighted by their span), not every tick again: averaging 60
    // ticks at once was a 10 ms block on the event loop every minute.
    let next: PackedSnapshot | null = packed;
    for (const t of this.tiers) {
      if (next === null) break;
      next = t.add(next);
    }
  }

  latest(): Snapshot | undefined {
    return this.raw.latest();
  }

  /** The last `seconds`, oldest first, from the finest tier that covers the span; with `after`, only the entries newer than it; with `limit`, the oldest that many. */
  since(seconds: number, after?: number, limit?: number): Snapshot[] {
    const from = this.now() - seconds * 1000;
    const spanMs = seconds * 1000;
    const source = spanMs <= RAW_SPAN_MS ? this.raw : (this.tiers.find((t) => spanMs <= t.spanMs) ?? this.tiers[this.tiers.length - 1]!).ring;
    return source.since(from, after, limit);
  }
}
