import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { threadCpuTime } from '@procyon/collector';
import { describe, expect, it } from 'vitest';
import { TURN_CHANNEL, timedTurn, type TurnMessage } from './turns';

describe('timedTurn', () => {
  it('runs the block and publishes its wall and CPU time only while someone listens', () => {
    expect(timedTurn('quiet', () => 7)).toBe(7);
    const seen: TurnMessage[] = [];
    const listener = (m: unknown) => seen.push(m as TurnMessage);
    subscribe(TURN_CHANNEL, listener);
    try {
      // Spins until this thread has had 20 ms of CPU, however busy the machine is.
      const spin = () => {
        const until = threadCpuTime()! + 0.02;
        let x = 0;
        while (threadCpuTime()! < until) x++;
        return x;
      };
      expect(timedTurn('busy', spin)).toBeGreaterThan(0);
      expect(() => timedTurn('throws', () => { throw new Error('boom'); })).toThrow('boom');
    } finally {
      unsubscribe(TURN_CHANNEL, listener);
    }
    expect(seen.map((m) => m.name)).toEqual(['busy', 'throws']);
    expect(seen[0]!.ms).toBeGreaterThanOrEqual(20);
    expect(seen[0]!.cpuMs).toBeGreaterThanOrEqual(20);
    expect(seen[0]!.cpuMs).toBeLessThanOrEqual(seen[0]!.ms + 1);
  });
});
