import { diffRows, type ProcessDelta, type ProcessRow, type ProcessSockets, type Snapshot } from '../../shared';
import { socketsFor, type SocketWatch } from './talker-sockets';

/**
 * Returns false when the transport did not deliver the tick (a slow socket
 * skipping it): the next tick then carries a full table to that receiver.
 */
export type FeedListener = (snapshot: Snapshot) => void | boolean;

/** What the feed needs of the sampler: its ticks. */
export interface TickSource {
  on(event: 'snapshot', listener: (snapshot: Snapshot) => void): unknown;
}

/**
 * What the sampler knows changed in a tick's table since the table of its
 * tick `base`: it built the rows from the collector's change list, so the
 * feed need not compare every row to find them again.
 */
export interface TableChanges {
  base: number;
  rows: ProcessRow[];
  gone: string[];
}

const tableChanges = new WeakMap<Snapshot, TableChanges>();

export function noteTableChanges(snapshot: Snapshot, changes: TableChanges): void {
  tableChanges.set(snapshot, changes);
}

interface Tick {
  seq: number;
  snapshot: Snapshot;
  /** The tick without process rows: what a receiver that does not show processes gets. */
  bare: Snapshot;
  rows: ProcessRow[] | null;
  /** seq of the previous tick that had rows, when there was one right before. */
  base: number | null;
  full?: Snapshot;
  delta?: Snapshot;
  /** The listed processes' sockets this tick (every receiver's asks together). */
  sockets: ProcessSockets[];
  /** Each form with every one of `sockets`: what most receivers that list some get, built once. */
  withAll: WeakMap<Snapshot, Snapshot>;
}

/**
 * The sampler's ticks as each receiver should get them: process rows only to
 * those who show processes, as a change list against the table the receiver
 * last got, each form built once per tick however many receivers there are.
 */
export class LiveFeed {
  private tick: Tick | null = null;
  private prev: { seq: number; rows: ProcessRow[] } | null = null;
  /** The rows the current tick's delta is taken against. */
  constructor(sampler: TickSource) {
    sampler.on('snapshot', (snapshot: Snapshot) => this.accept(snapshot));
  }

  private accept(snapshot: Snapshot): void {
    // The listed processes' sockets go to the receivers that asked for them (api.ts picks each one's), not to all.
    const { processes, processDelta: _ignored, processSockets: _sockets, ...bare } = snapshot;
    const rows = processes ?? null;
    // A delta is against the table of the tick right before; a tick without rows breaks the chain.
    this.tick = { seq: snapshot.seq, snapshot, bare, rows, base: rows && this.prev ? this.prev.seq : null, sockets: snapshot.processSockets ?? [], withAll: new WeakMap() };
    this.tickPrevRows = rows && this.prev ? this.prev.rows : null;
    this.prev = rows ? { seq: snapshot.seq, rows } : null;
  }

  private tickPrevRows: ProcessRow[] | null = null;

  private full(t: Tick): Snapshot {
    t.full ??= { ...t.bare, processDelta: { base: null, rows: t.rows!, gone: [], count: t.rows!.length } };
    return t.full;
  }

  private delta(t: Tick): Snapshot {
    if (!t.delta) {
      const known = tableChanges.get(t.snapshot);
      const { rows, gone } = known && known.base === t.base ? known : diffRows(this.tickPrevRows, t.rows!);
      const delta: ProcessDelta = { base: t.base, rows, gone, count: t.rows!.length };
      t.delta = { ...t.bare, processDelta: delta };
    }
    return t.delta;
  }

  /**
   * The tick as this receiver should get it, given the table seq it last
   * received, with the sockets of the processes it lists (`sockets`) and no others.
   */
  formFor(wantsProcesses: boolean, lastSeq: number | null, sockets: readonly SocketWatch[] = []): Snapshot | null {
    const t = this.tick;
    if (!t) return null;
    const form = !wantsProcesses || !t.rows ? t.bare : t.base !== null && lastSeq === t.base ? this.delta(t) : this.full(t);
    if (sockets.length === 0 || t.sockets.length === 0) return form;
    const mine = socketsFor(t.sockets, sockets);
    if (mine.length === 0) return form;
    if (mine !== t.sockets) return { ...form, processSockets: mine };
    let all = t.withAll.get(form);
    if (!all) t.withAll.set(form, (all = { ...form, processSockets: mine }));
    return all;
  }

  get seq(): number | null {
    return this.tick?.seq ?? null;
  }
}

const feeds = new WeakMap<object, LiveFeed>();

/** One feed per sampler, made on first use (it listens before any receiver does). */
export function feedOf(sampler: TickSource): LiveFeed {
  let feed = feeds.get(sampler);
  if (!feed) {
    feed = new LiveFeed(sampler);
    feeds.set(sampler, feed);
  }
  return feed;
}
