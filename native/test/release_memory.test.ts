import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

import { collector } from './helpers';

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
