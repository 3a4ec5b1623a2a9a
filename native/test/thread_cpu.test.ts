import { describe, expect, it } from 'vitest';

import { collector } from './helpers';

describe('threadCpuTime', () => {
  it('counts this thread’s CPU: it grows while the thread spins and not while it sleeps', async () => {
    const a = collector.threadCpuTime()!;
    expect(a).toBeGreaterThan(0);
    // Spin until 20 ms of this thread's CPU have passed (however long a loaded machine takes to give them).
    const t0 = performance.now();
    let b = a;
    while (b - a < 0.02 && performance.now() - t0 < 5000) b = collector.threadCpuTime()!;
    expect(b - a).toBeGreaterThanOrEqual(0.02);
    expect(b - a).toBeLessThan((performance.now() - t0) / 1000 + 0.002);
    await new Promise((r) => setTimeout(r, 100));
    const c = collector.threadCpuTime()!;
    expect(c - b).toBeLessThan(0.05); // a sleeping thread barely moves
  });
});
