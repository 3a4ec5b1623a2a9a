// One of History's rings: snapshots stored packed (see packed-snapshot.ts) and
// unpacked only when read. Reads are rare and bounded: a client fetches the
// 5 minutes of raw ticks when it connects, a long range once when it is
// chosen and then only what is newer than what it holds (getHistory's
// `after`), so nothing here keeps unpacked copies.
import type { Snapshot } from '../../shared';
import { packCulprits } from './packed-culprits';
import { type PackedSnapshot, SnapshotPacker, unpack } from './packed-snapshot';
import { RingBuffer } from './ring-buffer';

export class PackedRing {
  private readonly ring: RingBuffer<PackedSnapshot>;
  private readonly packer = new SnapshotPacker();

  constructor(capacity: number) {
    this.ring = new RingBuffer(capacity);
  }

  get capacity(): number {
    return this.ring.capacity;
  }

  get size(): number {
    return this.ring.size;
  }

  /** Stores `s` packed; returns the packed form (a coarser tier sums it without unpacking). */
  push(s: Snapshot): PackedSnapshot {
    const { culprits, ...numbers } = s;
    const packedCulprits = packCulprits(culprits);
    const packed: PackedSnapshot = packedCulprits === undefined ? this.packer.pack(numbers) : { ...this.packer.pack(numbers), culprits: packedCulprits };
    this.ring.push(packed);
    return packed;
  }

  /** Drops the snapshots older than `time`. */
  dropBefore(time: number): void {
    this.ring.dropOldestWhile((p) => p.time < time);
  }

  latest(): Snapshot | undefined {
    const last = this.ring.last();
    return last && unpack(last);
  }

  /** The snapshots from `from` on (and, with `after`, newer than it), oldest first; with `limit`, only the oldest that many. */
  since(from: number, after = -Infinity, limit = Infinity): Snapshot[] {
    const packed = this.ring.tailWhile((p) => p.time >= from && p.time > after);
    return (packed.length > limit ? packed.slice(0, limit) : packed).map(unpack);
  }
}
