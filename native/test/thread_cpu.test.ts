import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

const rssAnonKiB = () => Number(/RssAnon:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]);

// Under the sanitizer build (scripts/sanitize.mjs) malloc is AddressSanitizer's, whose malloc_trim gives nothing back.
const sanitized = (process.env.LD_PRELOAD ?? '').includes('asan');

describe('releaseFreeMemory', () => {
  it.skipIf(sanitized)('returns the C heap’s free pages: freed buffers between live ones leave RSS until it is called', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    // 64 KiB buffers are malloc'd (below the mmap threshold); freeing every other one leaves holes glibc keeps.
    const bufs: (Buffer | null)[] = Array.from({ length: 1024 }, () => Buffer.allocUnsafeSlow(64 * 1024).fill(1));
    for (let i = 0; i < bufs.length; i += 2) bufs[i] = null;
    gc();
    gc();
    const before = rssAnonKiB();
    expect(collector.releaseFreeMemory()).toBe(true);
    const after = rssAnonKiB();
    expect(before - after).toBeGreaterThan(16 * 1024);
    expect(bufs.filter(Boolean).length).toBe(512);
  });
});

describe('releaseFreeMemory under any allocator', () => {
  it('answers a boolean and leaves the heap usable', () => {
    expect(typeof collector.releaseFreeMemory()).toBe('boolean');
    expect(Buffer.alloc(1 << 20, 7).readUInt8(12345)).toBe(7);
  });
});
