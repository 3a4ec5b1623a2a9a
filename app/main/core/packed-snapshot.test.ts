import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared';
import { SnapshotPacker, unpack } from './packed-snapshot';

/** Deep equality that tells -0 from 0, keeps NaN equal to NaN, and checks key order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && typeof a === 'object') {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

// A seeded xorshift: the cases are the same on every run, and many.
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const NUMBERS = [0, -0, 1, -1, 0.1, 1e308, -1e-308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, NaN, Infinity, -Infinity];

function randomValue(r: () => number, depth: number): unknown {
  const k = r();
  if (depth <= 0 || k < 0.45) {
    const leaf = r();
    if (leaf < 0.55) return r() < 0.3 ? NUMBERS[Math.floor(r() * NUMBERS.length)] : (r() - 0.5) * 10 ** Math.floor(r() * 12);
    if (leaf < 0.75) return ['sda', 'eth0', '', 'ä"\\', 'x'.repeat(Math.floor(r() * 5))][Math.floor(r() * 5)];
    if (leaf < 0.85) return r() < 0.5;
    if (leaf < 0.95) return null;
    return undefined;
  }
  if (k < 0.7) return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth - 1));
  const out: Record<string, unknown> = {};
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) out[['a', 'b', 'name', 'percent', '0', 'x y'][Math.floor(r() * 6)]!] = randomValue(r, depth - 1);
  return out;
}

const asSnapshot = (v: unknown, time = 1): Snapshot => ({ time, v }) as unknown as Snapshot;

function tick(time: number, cpu: number, disks: string[]): Snapshot {
  return {
    seq: time,
    time,
    intervalMs: 1000,
    cpu: null,
    memory: { total: 100, available: 50, percent: cpu, used: 50, free: 50, active: 0, inactive: 0, buffers: 0, cached: 0, shared: 0, slab: 0 },
    swap: { total: 0, used: 0, free: 0, percent: 0, sin: 0, sout: 0, sinPerSec: null, soutPerSec: null },
    // Fresh strings each tick, as the collector makes them.
    disks: disks.map((d, i) => ({ name: `${d}`.slice(0), readBytesPerSec: cpu * i, writeBytesPerSec: 0, readsPerSec: 0, writesPerSec: 0, busyPercent: 0, readBytes: 0, writeBytes: 0 })),
  };
}

describe('SnapshotPacker', () => {
  it('unpacks what it packed, exactly: -0, NaN, ±Infinity, 2^53+2, undefined members, key order', () => {
    const r = rng(20261124);
    const packer = new SnapshotPacker();
    for (let i = 0; i < 2000; i++) {
      const s = asSnapshot(randomValue(r, 4), i);
      const back = unpack(packer.pack(s));
      if (!same(back, s)) expect.fail(`case ${i}: ${JSON.stringify(s)} came back as ${JSON.stringify(back)}`);
    }
  });

  it('stores a tick as its numbers and shares one template between ticks of the same shape', () => {
    const packer = new SnapshotPacker();
    const a = packer.pack(tick(1, 10, ['sda', 'vda']));
    const b = packer.pack(tick(2, 20, ['sda', 'vda']));
    expect(b.template).toBe(a.template);
    expect(b.values).toBeInstanceOf(Float64Array);
    // seq, time, intervalMs, memory's 11 and swap's 6 numbers, 7 per disk; swap's two nulls are in the template.
    expect(b.values.length).toBe(3 + 11 + 6 + 2 * 7);
    expect(unpack(b)).toEqual(tick(2, 20, ['sda', 'vda']));
    expect(unpack(a)).toEqual(tick(1, 10, ['sda', 'vda']));
  });

  it('a new device, a renamed one or a null turned number is another shape; a shape seen before is found again', () => {
    const packer = new SnapshotPacker();
    const two = packer.pack(tick(1, 1, ['sda', 'vda']));
    const three = packer.pack(tick(2, 1, ['sda', 'vda', 'sdb']));
    const renamed = packer.pack(tick(3, 1, ['sda', 'vdb']));
    const withRate = tick(4, 1, ['sda', 'vda']);
    withRate.swap!.sinPerSec = 0;
    const rate = packer.pack(withRate);
    const twoAgain = packer.pack(tick(5, 1, ['sda', 'vda']));
    expect(new Set([two.template, three.template, renamed.template, rate.template]).size).toBe(4);
    expect(twoAgain.template).toBe(two.template);
    expect(unpack(renamed).disks!.map((d) => d.name)).toEqual(['sda', 'vdb']);
    expect(unpack(rate).swap!.sinPerSec).toBe(0);
    expect(unpack(twoAgain).swap!.sinPerSec).toBeNull();
  });

  it('a tick without swap (not read on this host) packs to its own template and back to null, and the shape with swap comes back after it', () => {
    const packer = new SnapshotPacker();
    const withSwap = packer.pack(tick(1, 1, ['sda']));
    const noSwap = tick(2, 1, ['sda']);
    noSwap.swap = null;
    const packed = packer.pack(noSwap);
    expect(packed.template).not.toBe(withSwap.template);
    expect(unpack(packed)).toEqual(noSwap);
    expect(unpack(packer.pack(tick(3, 1, ['sda']))).swap).not.toBeNull();
  });

  it('keeps nothing of the caller’s objects, and every unpack is a fresh object', () => {
    const packer = new SnapshotPacker();
    const s = tick(1, 5, ['sda']);
    const p = packer.pack(s);
    s.disks![0]!.name = 'changed';
    s.memory.percent = 99;
    const first = unpack(p);
    expect(first.disks![0]!.name).toBe('sda');
    expect(first.memory.percent).toBe(5);
    first.memory.percent = 42;
    expect(unpack(p).memory.percent).toBe(5);
  });

  it('indexes a bounded number of shapes however many it has seen', () => {
    const packer = new SnapshotPacker();
    const packed = Array.from({ length: 500 }, (_, i) => packer.pack(tick(i, i, [`disk${i}`])));
    expect(packer.shapeCount).toBeLessThanOrEqual(64);
    // The shapes dropped from the index still unpack: each packed tick holds its template.
    expect(unpack(packed[3]!).disks![0]!.name).toBe('disk3');
  });
});
