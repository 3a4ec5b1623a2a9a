import { describe, expect, it } from 'vitest';
import type { Snapshot, Topic } from '../../shared';
import { Collector } from './collector';
import { Sampler } from './sampler';

// History's culprits need the process table when no page shows processes.
// Reading it every tick would cost the tray what the Processes page costs, so
// the sampler reads it every backgroundTableMs then, and every tick while a
// client asks for processes. Real collector on the live /proc; only the clock
// is the test's.

async function ticks(sampler: Sampler, n: number, advance: () => void): Promise<Snapshot[]> {
  const out: Snapshot[] = [];
  for (let i = 0; i < n; i++) {
    const s = await sampler.tick();
    expect(s).not.toBeNull();
    out.push(s!);
    advance();
  }
  return out;
}

describe('the process table for culprits alone', () => {
  it('is read every 5 s (not every tick) while nobody shows processes, every tick once someone does', async () => {
    let now = 1_000_000;
    const wanted = new Set<Topic>();
    const sampler = new Sampler(new Collector(), { now: () => now, intervalMs: 1000, topics: () => wanted, backgroundTableMs: 5000 });
    const quiet = await ticks(sampler, 11, () => (now += 1000));
    expect(quiet.map((s) => s.processes !== undefined)).toEqual([true, false, false, false, false, true, false, false, false, false, true]);
    // The background reads name processes for history (a rate needs two reads: from the second on).
    expect(quiet[10]!.culprits?.cpu).toBeDefined();
    // getProcessTable: the whole table of the last read, with that read's time (the export's source).
    const table = sampler.processTable()!;
    expect(table.time).toBe(quiet[10]!.time);
    expect(table.rows.map((r) => r.pid)).toContain(process.pid);

    wanted.add('processes');
    const shown = await ticks(sampler, 3, () => (now += 1000));
    expect(shown.every((s) => s.processes !== undefined)).toBe(true);
  });

  it('is not read at all for a sampler without the option (the CLI, tests)', async () => {
    let now = 1_000_000;
    const sampler = new Sampler(new Collector(), { now: () => now, intervalMs: 1000 });
    const quiet = await ticks(sampler, 6, () => (now += 1000));
    expect(quiet.some((s) => s.processes !== undefined)).toBe(false);
    expect(sampler.processTable()).toBeNull();
  });
});
