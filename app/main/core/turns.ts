import { channel } from 'node:diagnostics_channel';

/**
 * The sampling work as the event loop sees it: each block of a tick's JS
 * (the snapshot, the process table, each client's delivery) is timed and
 * published on this channel while someone subscribes — the bench does, to
 * tell a stall the sampling caused from the machine's own hiccups. Nobody
 * subscribed: the block just runs.
 */
export const TURN_CHANNEL = 'procyon:turn';

export interface TurnMessage {
  /** Which block: 'sample', 'table', 'deliver'. */
  name: string;
  ms: number;
}

const turns = channel(TURN_CHANNEL);

export function timedTurn<T>(name: string, block: () => T): T {
  if (!turns.hasSubscribers) return block();
  const t0 = performance.now();
  try {
    return block();
  } finally {
    turns.publish({ name, ms: performance.now() - t0 } satisfies TurnMessage);
  }
}
