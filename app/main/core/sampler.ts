import { EventEmitter } from 'node:events';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS, type Snapshot } from '../../shared';
import type { Collector, RawTick } from './collector';
import { percentBetween, timesPercentBetween } from '@procyon/collector';
import { RingBuffer } from './ring-buffer';

export const DEFAULT_INTERVAL_MS = 1000;
/** An hour of one-second ticks. Longer ranges (downsampled) come with the dashboard work. */
export const DEFAULT_HISTORY_CAPACITY = 3600;

export interface SamplerOptions {
  intervalMs?: number;
  historyCapacity?: number;
  now?: () => number;
}

interface SamplerEvents {
  snapshot: [Snapshot];
  error: [unknown];
}

/**
 * One tick → one snapshot. Ticks never overlap: the next is scheduled when the
 * current one's reads finish, so a slow /proc cannot pile up work.
 */
export class Sampler extends EventEmitter<SamplerEvents> {
  private interval: number;
  private readonly history: RingBuffer<Snapshot>;
  private readonly now: () => number;
  private prev: RawTick | null = null;
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private inFlight: Promise<Snapshot | null> | null = null;

  constructor(
    private readonly collector: Collector,
    options: SamplerOptions = {},
  ) {
    super();
    this.interval = checkInterval(options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.history = new RingBuffer<Snapshot>(options.historyCapacity ?? DEFAULT_HISTORY_CAPACITY);
    this.now = options.now ?? Date.now;
  }

  get intervalMs(): number {
    return this.interval;
  }

  get historyCapacity(): number {
    return this.history.capacity;
  }

  get latest(): Snapshot | null {
    return this.history.last() ?? null;
  }

  /** Snapshots from the last `seconds`, oldest first. */
  historySince(seconds: number): Snapshot[] {
    const from = this.now() - seconds * 1000;
    return this.history.tailWhile((s) => s.time >= from);
  }

  setIntervalMs(ms: number): void {
    this.interval = checkInterval(ms);
    if (this.running) this.schedule();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.runTick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Take one tick now (used by start, tests and the CLI's snapshot command). */
  async tick(): Promise<Snapshot | null> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.collect().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async collect(): Promise<Snapshot | null> {
    let raw: RawTick;
    try {
      raw = await this.collector.readTick();
    } catch (err) {
      // A failed read skips one tick; the sampler keeps going and says why.
      this.emit('error', err);
      return null;
    }
    const snapshot = buildSnapshot(this.prev, raw, ++this.seq, this.now(), this.interval);
    this.prev = raw;
    this.history.push(snapshot);
    this.emit('snapshot', snapshot);
    return snapshot;
  }

  private async runTick(): Promise<void> {
    await this.tick();
    if (this.running) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runTick();
    }, this.interval);
    // The sampler alone must not keep a CLI process alive.
    this.timer.unref?.();
  }
}

/** Pure: two raw readings → one snapshot. The first tick has no CPU rate. */
export function buildSnapshot(prev: RawTick | null, cur: RawTick, seq: number, time: number, intervalMs: number): Snapshot {
  const canRate = prev !== null && prev.cpuPer.length === cur.cpuPer.length;
  return {
    seq,
    time,
    intervalMs,
    cpu: canRate
      ? {
          percent: percentBetween(prev.cpuTotal, cur.cpuTotal),
          perCpu: cur.cpuPer.map((t, i) => percentBetween(prev.cpuPer[i]!, t)),
          timesPercent: timesPercentBetween(prev.cpuTotal, cur.cpuTotal),
        }
      : null,
    memory: cur.memory,
    swap: cur.swap,
  };
}

function checkInterval(ms: number): number {
  if (!Number.isInteger(ms) || ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
    throw new RangeError(`interval must be an integer from ${MIN_INTERVAL_MS} to ${MAX_INTERVAL_MS} ms, got ${ms}`);
  }
  return ms;
}
