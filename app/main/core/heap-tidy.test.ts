import { describe, expect, it } from 'vitest';
import { HeapTidy, exposedGc, heapUsedBytes } from './heap-tidy';

describe('HeapTidy', () => {
  it('collects only once the heap has grown by the slack past what the last collection left', () => {
    let used = 10;
    let collected = 0;
    const tidy = new HeapTidy({ usedBytes: () => used, collect: () => { collected++; used = 11; } }, 4);
    expect(tidy.check()).toBe(false); // first look: the floor is 10
    used = 13.9;
    expect(tidy.check()).toBe(false);
    used = 14;
    expect(tidy.check()).toBe(true);
    expect(collected).toBe(1);
    // The floor is now what the collection left (11): 14.5 is within the slack.
    used = 14.5;
    expect(tidy.check()).toBe(false);
    // V8 collected by itself: a lower reading becomes the floor.
    used = 9;
    expect(tidy.check()).toBe(false);
    used = 13;
    expect(tidy.check()).toBe(true);
    expect(tidy.collections).toBe(2);
  });

  it('gets V8’s gc() without --expose-gc, leaves no global gc behind, and it frees old garbage', () => {
    const had = typeof (globalThis as { gc?: unknown }).gc === 'function';
    const gc = exposedGc();
    expect(gc).toBeTypeOf('function');
    if (!had) expect((globalThis as { gc?: unknown }).gc).toBeUndefined();
    gc!();
    const before = heapUsedBytes();
    // Old-generation garbage: kept alive through a few minor GCs (promoted), then dropped.
    let keep: number[][] | null = Array.from({ length: 2000 }, (_, i) => Array.from({ length: 500 }, (_, j) => i * j + 0.5));
    for (let i = 0; i < 20; i++) Array.from({ length: 50_000 }, () => ({}));
    expect(keep.length).toBe(2000);
    keep = null;
    const garbage = heapUsedBytes();
    expect(garbage - before).toBeGreaterThan(4 * 1024 * 1024);
    gc!();
    expect(heapUsedBytes() - before).toBeLessThan(1024 * 1024);
  });
});
