import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps the newest `capacity` items, oldest first', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
    expect(r.last()).toBe(5);
  });

  it('tailWhile stops at the first item that fails, scanning from the newest', () => {
    const r = new RingBuffer<number>(10);
    for (const n of [1, 9, 2, 3, 4]) r.push(n);
    expect(r.tailWhile((n) => n < 5)).toEqual([2, 3, 4]);
  });

  it('dropOldestWhile, across the wrap', () => {
    const r = new RingBuffer<number>(4);
    for (let i = 1; i <= 6; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5, 6]);
    r.dropOldestWhile((n) => n < 5);
    expect(r.toArray()).toEqual([5, 6]);
    r.push(7);
    expect(r.toArray()).toEqual([5, 6, 7]);
    r.dropOldestWhile(() => true);
    expect(r.size).toBe(0);
    expect(r.last()).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
