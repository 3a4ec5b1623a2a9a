// One of History's rings: snapshots stored packed (see packed-snapshot.ts),
// with an unpacked copy kept only while someone reads the ring. A client that
// shows a long range refetches it every bucket (5 s for the hour, a minute for
// the day); unpacking 720 snapshots each time would cost as much again as
// serialising them, so the copy is brought up to date with what was pushed
// since, and is dropped a few minutes after the last read: memory is spent on
// what is on screen, as collecting is.
import type { Snapshot } from '../../shared';
import { type PackedSnapshot, SnapshotPacker, unpack } from './packed-snapshot';
import { RingBuffer } from './ring-buffer';

/** How long an unpacked copy outlives its last read: longer than the slowest refetch (a minute). */
export const VIEW_IDLE_MS = 3 * 60_000;

export class PackedRing {
  private readonly ring: RingBuffer<PackedSnapshot>;
  private readonly packer = new SnapshotPacker();
  private pushed = 0;
  /** The ring's snapshots unpacked, oldest first, as of `viewPushed` pushes; null while nobody reads. */
  private view: Snapshot[] | null = null;
  private viewPushed = 0;
  private lastRead = -Infinity;

  constructor(capacity: number) {
    this.ring = new RingBuffer(capacity);
  }

  get capacity(): number {
    return this.ring.capacity;
  }

  get size(): number {
    return this.ring.size;
  }

  /** Whether an unpacked copy is held now (for tests). */
  get viewHeld(): boolean {
    return this.view !== null;
  }

  /** Stores `s` packed; returns the packed form (a coarser tier sums it without unpacking). */
  push(s: Snapshot, now: number): PackedSnapshot {
    const packed = this.packer.pack(s);
    this.ring.push(packed);
    this.pushed++;
    if (this.view !== null && now - this.lastRead > VIEW_IDLE_MS) this.view = null;
    return packed;
  }

  /** Drops the snapshots older than `time` (the copy follows at the next read). */
  dropBefore(time: number): void {
    this.ring.dropOldestWhile((p) => p.time < time);
  }

  latest(): Snapshot | undefined {
    const last = this.ring.last();
    return last && unpack(last);
  }

  /** The snapshots from `from` on, oldest first. The objects are shared with later reads: callers must not change them. */
  since(from: number, now: number): Snapshot[] {
    this.lastRead = now;
    const fresh = this.pushed - this.viewPushed;
    if (this.view === null || fresh >= this.ring.size) {
      this.view = this.ring.toArray().map(unpack);
    } else if (fresh > 0) {
      for (const p of this.ring.newest(fresh)) this.view.push(unpack(p));
    }
    // The ring only ever loses its oldest entries (capacity, dropBefore): the copy loses the same.
    if (this.view.length > this.ring.size) this.view.splice(0, this.view.length - this.ring.size);
    this.viewPushed = this.pushed;
    let i = this.view.length;
    while (i > 0 && this.view[i - 1]!.time >= from) i--;
    return this.view.slice(i);
  }
}
