// V8 leaves old-generation garbage in place until the old space reaches an
// allocation limit it sets well above the live size. A monitor's heap is
// small and steady (~9 MiB live in serve with the processes topic) but it
// turns over: every tick's changed rows replace rows that lived long enough
// to be promoted, and history's dropped entries were promoted too. So serve's
// RSS climbed 0.5-0.9 MiB a minute; in a 25-minute watch V8's first full GC
// came at minute 14 and the committed heap went on growing after it. A
// monitor whose own memory climbs looks like it leaks. HeapTidy asks for a
// full GC once the heap has grown a couple of MiB past what the last one
// left: a 5-10 ms pause every few minutes here, in exchange for an RSS that
// stays where it settled. The C heap is trimmed at the same time: the
// collector's worker threads' malloc arenas keep what a scan freed (~0.2 MiB
// a minute in the same watch).
import { releaseFreeMemory } from '@procyon/collector';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const TIDY_SLACK_BYTES = 2 * 1024 * 1024;
export const TIDY_EVERY_MS = 30_000;

export interface HeapTidyDeps {
  /** Bytes the heap holds now, garbage included (V8's used heap plus its external memory). */
  usedBytes(): number;
  /** A full, synchronous garbage collection. */
  collect(): void;
}

export class HeapTidy {
  /** What the heap held after the last full GC (or the least seen before one): live data plus a little. */
  private floor: number | null = null;
  collections = 0;

  constructor(
    private readonly deps: HeapTidyDeps,
    private readonly slackBytes = TIDY_SLACK_BYTES,
  ) {}

  /** Collects when the heap has grown `slackBytes` past its floor; says whether it did. */
  check(): boolean {
    const used = this.deps.usedBytes();
    if (this.floor === null || used < this.floor) {
      // V8 collected by itself (or this is the first look): that is the new floor.
      this.floor = used;
      return false;
    }
    if (used - this.floor < this.slackBytes) return false;
    this.deps.collect();
    this.collections++;
    this.floor = this.deps.usedBytes();
    return true;
  }
}

/**
 * V8's gc() without starting Node with --expose-gc: a context created while
 * the flag is set gets the function, and the flag is put back at once so no
 * other code sees a global gc.
 */
export function exposedGc(): (() => void) | null {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

export function heapUsedBytes(): number {
  const h = getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

/** Checks the heap every TIDY_EVERY_MS; returns a stop function. Does nothing where gc() cannot be had. */
export function startHeapTidy(everyMs = TIDY_EVERY_MS): () => void {
  const gc = exposedGc();
  if (gc === null) return () => {};
  const collect = () => {
    gc();
    releaseFreeMemory();
  };
  const tidy = new HeapTidy({ usedBytes: heapUsedBytes, collect });
  const timer = setInterval(() => tidy.check(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
