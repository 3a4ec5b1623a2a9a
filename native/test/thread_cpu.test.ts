import { describe, expect, it } from 'vitest';

import { collector } from './helpers';

describe('threadCpuTime', () => {
  it('counts this thread’s CPU: it grows while the thread spins and not while it sleeps', async () => {
    const a = collector.threadCpuTime()!;
    expect(a).toBeGreaterThan(0);
    // Spin until 20 ms of this thread's CPU have passed (however long a loaded
    // machine takes to give them; the test's own timeout bounds the wait).
    const process0 = process.cpuUsage();
    let b = a;
    while (b - a < 0.02) b = collector.threadCpuTime()!;
    const processSpent = process.cpuUsage(process0);
    // One thread's time, not the process's: it cannot exceed what all threads spent meanwhile.
    expect(b - a).toBeLessThanOrEqual((processSpent.user + processSpent.system) / 1e6 + 0.002);
    await new Promise((r) => setTimeout(r, 100));
    const c = collector.threadCpuTime()!;
    expect(c - b).toBeLessThan(0.05); // a sleeping thread barely moves
  });
});
