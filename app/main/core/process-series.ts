// Per-process history for the processes that were culprits: what the details
// panel charts from before it was opened. The same three tiers as History
// (raw ticks for 5 minutes, 5 s buckets for an hour, 1 min buckets for a
// day), bucketed on the same boundaries, so a process's point lines up with
// the system's.
//
// Bound: at most PROCESS_SERIES_LIMIT (16) processes, each with at most
// 1,200 + 720 + 1,440 points of 5 doubles: 3,360 × 40 B = 131 KiB a process,
// 2.1 MiB for all, allocated once per tracked process whatever it does.
import { CULPRIT_KINDS, MIN_INTERVAL_MS, PROCESS_SERIES_LIMIT, type Culprits, type ProcessHistoryPoint, type ProcessRow } from '../../shared';
import { RAW_SPAN_MS } from './history';

const FIELDS = 5; // t, cpu, rss, read, write

/** A ring of points, as doubles in one array. */
class PointRing {
  private readonly data: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(capacity * FIELDS);
  }

  get size(): number {
    return this.count;
  }

  push(p: ArrayLike<number>): void {
    const at = ((this.start + this.count) % this.capacity) * FIELDS;
    for (let f = 0; f < FIELDS; f++) this.data[at + f] = p[f]!;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  dropBefore(time: number): void {
    while (this.count > 0 && this.data[this.start * FIELDS]! < time) {
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
  }

  since(from: number): ProcessHistoryPoint[] {
    const out: ProcessHistoryPoint[] = [];
    for (let i = 0; i < this.count; i++) {
      const at = ((this.start + i) % this.capacity) * FIELDS;
      const d = this.data;
      if (d[at]! >= from) out.push({ t: d[at]!, cpu: d[at + 1]!, rss: d[at + 2]!, readBytesPerSec: d[at + 3]!, writeBytesPerSec: d[at + 4]! });
    }
    return out;
  }
}

/** Averages points into fixed buckets (weight 1 per point: ticks of one process), as HistoryTier does for snapshots. */
class PointTier {
  readonly ring: PointRing;
  private key = -1;
  private readonly sum = new Float64Array(FIELDS);
  private weight = 0;
  private lastTime = 0;

  constructor(
    private readonly bucketMs: number,
    readonly spanMs: number,
  ) {
    this.ring = new PointRing(Math.ceil(spanMs / bucketMs));
  }

  /** Adds a point standing for `weight` ticks; returns the bucket this closed (and how many ticks it stands for), if any. */
  add(p: ArrayLike<number>, weight: number): { point: Float64Array; weight: number } | null {
    const key = Math.floor(p[0]! / this.bucketMs);
    let closed: { point: Float64Array; weight: number } | null = null;
    if (key !== this.key && this.weight > 0) {
      const point = new Float64Array(FIELDS);
      point[0] = this.lastTime;
      for (let f = 1; f < FIELDS; f++) point[f] = this.sum[f]! / this.weight;
      this.ring.push(point);
      closed = { point, weight: this.weight };
      this.sum.fill(0);
      this.weight = 0;
    }
    this.key = key;
    for (let f = 1; f < FIELDS; f++) this.sum[f] = this.sum[f]! + p[f]! * weight;
    this.weight += weight;
    this.lastTime = p[0]!;
    return closed;
  }
}

class Series {
  readonly raw = new PointRing(Math.ceil(RAW_SPAN_MS / MIN_INTERVAL_MS));
  readonly tiers = [new PointTier(5_000, 3_600_000), new PointTier(60_000, 86_400_000)];
  /** When it was last among the culprits: the least recent is let go first. */
  lastNamed = 0;
  private readonly point = new Float64Array(FIELDS);

  constructor(readonly createTime: number) {}

  add(time: number, row: ProcessRow): void {
    const p = this.point;
    p[0] = time;
    p[1] = row.cpuPercent ?? 0;
    p[2] = row.rss;
    p[3] = row.readBytesPerSec ?? 0;
    p[4] = row.writeBytesPerSec ?? 0;
    this.raw.push(p);
    this.raw.dropBefore(time - RAW_SPAN_MS);
    // Each tier is fed the buckets the finer one closes, weighted by the ticks they stand for.
    let next: { point: Float64Array; weight: number } | null = { point: p, weight: 1 };
    for (const t of this.tiers) {
      if (next === null) break;
      next = t.add(next.point, next.weight);
    }
  }

  get size(): number {
    return this.raw.size + this.tiers.reduce((n, t) => n + t.ring.size, 0);
  }
}

/** The series of the processes recently among the culprits, keyed by pid (a reused pid replaces its series). */
export class ProcessSeries {
  private readonly byPid = new Map<number, Series>();

  constructor(private readonly limit = PROCESS_SERIES_LIMIT) {}

  /** The processes kept now. */
  get size(): number {
    return this.byPid.size;
  }

  /** Points held for all of them (for tests: bounded by limit × each tier's length). */
  get points(): number {
    let n = 0;
    for (const s of this.byPid.values()) n += s.size;
    return n;
  }

  /**
   * One tick: starts keeping the tick's culprits, lets go of exited ones, and
   * records every kept process's row. `row(pid)` is the live table's row.
   */
  record(time: number, culprits: Culprits | undefined, row: (pid: number) => ProcessRow | undefined): void {
    if (culprits !== undefined) {
      for (const kind of CULPRIT_KINDS) {
        for (const c of culprits[kind] ?? []) {
          let s = this.byPid.get(c.pid);
          if (s === undefined || s.createTime !== c.createTime) {
            this.byPid.delete(c.pid);
            if (this.byPid.size >= this.limit) this.evictOldest();
            this.byPid.set(c.pid, (s = new Series(c.createTime)));
          }
          s.lastNamed = time;
        }
      }
    }
    for (const [pid, s] of this.byPid) {
      const r = row(pid);
      if (r === undefined || r.createTime !== s.createTime) this.byPid.delete(pid); // exited: nothing can open it now
      else s.add(time, r);
    }
  }

  private evictOldest(): void {
    let oldest: number | null = null;
    let at = Infinity;
    for (const [pid, s] of this.byPid) {
      if (s.lastNamed < at) {
        at = s.lastNamed;
        oldest = pid;
      }
    }
    if (oldest !== null) this.byPid.delete(oldest);
  }

  /** The process's points from `from` on, from the finest tier that covers `spanMs` (as History.since chooses); empty when not kept. */
  since(pid: number, createTime: number, spanMs: number, from: number): ProcessHistoryPoint[] {
    const s = this.byPid.get(pid);
    if (s === undefined || s.createTime !== createTime) return [];
    const ring = spanMs <= RAW_SPAN_MS ? s.raw : (s.tiers.find((t) => spanMs <= t.spanMs) ?? s.tiers[s.tiers.length - 1]!).ring;
    return ring.since(from);
  }
}
