import { channel } from 'node:diagnostics_channel';
import { threadCpuTime } from '@procyon/collector';

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
  /** Wall time: what the event loop waited, the machine's own stalls (a descheduled VM) included. */
  ms: number;
  /** The JS thread's CPU time in the block (GC on this thread included): what the block itself cost. */
  cpuMs?: number;
}

const turns = channel(TURN_CHANNEL);

/** This thread's CPU time, ms (NaN when the platform or the addon cannot say). */
function threadCpuMs(): number {
  try {
    return (threadCpuTime() ?? NaN) * 1000;
  } catch {
    return NaN;
  }
}

export function timedTurn<T>(name: string, block: () => T): T {
  if (!turns.hasSubscribers) return block();
  const c0 = threadCpuMs();
  const t0 = performance.now();
  try {
    return block();
  } finally {
    const ms = performance.now() - t0;
    const cpuMs = threadCpuMs() - c0;
    turns.publish({ name, ms, ...(Number.isFinite(cpuMs) && { cpuMs }) } satisfies TurnMessage);
  }
}
