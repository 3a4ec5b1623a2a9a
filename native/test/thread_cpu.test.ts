import { describe, expect, it } from 'vitest';

import { collector } from './helpers';

describe('threadCpuTime', () => {
  it('counts this thread’s CPU: it grows while the thread spins and not while it sleeps', async () => {
    const a = collector.threadCpuTime()!;
    expect(a).toBeGreaterThan(0);
    const t0 = performance.now();
    while (performance.now() - t0 < 30);
    const b = collector.threadCpuTime()!;
    expect(b - a).toBeGreaterThan(0.005); // most of 30 ms, unless the machine is starved
    expect(b - a).toBeLessThan((performance.now() - t0) / 1000 + 0.002);
    await new Promise((r) => setTimeout(r, 100));
    const c = collector.threadCpuTime()!;
    expect(c - b).toBeLessThan(0.05); // a sleeping thread barely moves
  });
});
