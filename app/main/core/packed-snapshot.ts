// History's storage form of a snapshot: its numbers in one Float64Array, and
// everything else (keys, names, nulls, the nesting) in a template shared by
// every snapshot of the same shape. Kept as plain objects, a tick of every
// system topic cost about 8 KiB of heap here (each number boxed, each device
// name a fresh string); packed, it is 8 bytes a number plus a small header,
// about 2 KiB. Unpacking gives back an equal snapshot, -0 and NaN included.
import type { Snapshot } from '../../shared';
import { type PackedCulprits, unpackCulprits } from './packed-culprits';

/**
 * Everything in a snapshot but its numbers, as the walk that packs and
 * unpacks it: each object's keys listed once, so neither direction lists keys
 * of the template per tick. kind 0: a number (its place in `values`); 1: an
 * array; 2: an object; 3: any other value, kept as is.
 */
export type Template = { kind: 0 } | { kind: 1; items: Template[] } | { kind: 2; keys: string[]; values: Template[] } | { kind: 3; value: unknown };

export interface PackedSnapshot {
  /** The snapshot's identity, also among `values`: read without unpacking. */
  readonly seq: number;
  readonly time: number;
  readonly intervalMs: number;
  /** How many ticks it stands for (Snapshot.span, 1 for a raw tick). */
  readonly span: number;
  readonly template: Template;
  readonly values: Float64Array;
  /** Snapshot.culprits, kept apart: names in the template would make a shape per tick. */
  readonly culprits?: PackedCulprits;
}

/** Past this many distinct shapes the index starts over: templates stay alive while a packed snapshot uses them. */
const MAX_SHAPES = 64;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Walks `v` along `t`, appending v's numbers to `out`. False when v's shape
 * differs from t's (another key, another name, a number where t has none);
 * `out` then holds a prefix to discard.
 */
function fill(t: Template, v: unknown, out: number[]): boolean {
  if (typeof v === 'number') {
    if (t.kind !== 0) return false;
    out.push(v);
    return true;
  }
  if (Array.isArray(v)) {
    if (t.kind !== 1 || t.items.length !== v.length) return false;
    for (let i = 0; i < v.length; i++) if (!fill(t.items[i]!, v[i], out)) return false;
    return true;
  }
  if (isRecord(v)) {
    if (t.kind !== 2) return false;
    const keys = Object.keys(v);
    if (keys.length !== t.keys.length) return false;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k !== t.keys[i] || !fill(t.values[i]!, v[k], out)) return false;
    }
    return true;
  }
  return t.kind === 3 && Object.is(t.value, v);
}

/** A key that two values share exactly when they have the same shape (fill would accept one as the other's template). */
function shapeKey(v: unknown, parts: string[]): void {
  if (typeof v === 'number') parts.push('#');
  else if (Array.isArray(v)) {
    parts.push('[');
    for (const x of v) shapeKey(x, parts);
    parts.push(']');
  } else if (isRecord(v)) {
    parts.push('{');
    for (const k of Object.keys(v)) {
      parts.push(JSON.stringify(k));
      shapeKey(v[k], parts);
    }
    parts.push('}');
  } else if (v === undefined) parts.push('u');
  else if (typeof v === 'string' || typeof v === 'boolean' || v === null) parts.push(JSON.stringify(v));
  else parts.push(`${typeof v}:${String(v)}`); // not in a Snapshot, which is JSON (it is sent as such)
}

const NUMBER: Template = { kind: 0 };

/** `v`'s template. It shares nothing mutable with `v` (the caller may keep or change v): only strings and other primitives. */
function templateOf(v: unknown): Template {
  if (typeof v === 'number') return NUMBER;
  if (Array.isArray(v)) return { kind: 1, items: v.map(templateOf) };
  if (isRecord(v)) {
    const keys = Object.keys(v);
    return { kind: 2, keys, values: keys.map((k) => templateOf(v[k])) };
  }
  return { kind: 3, value: v };
}

class Builder {
  i = 0;
  constructor(private readonly values: Float64Array) {}

  build(t: Template): unknown {
    switch (t.kind) {
      case 0:
        return this.values[this.i++];
      case 1: {
        const out = new Array<unknown>(t.items.length);
        for (let j = 0; j < t.items.length; j++) out[j] = this.build(t.items[j]!);
        return out;
      }
      case 2: {
        const out: Record<string, unknown> = {};
        for (let j = 0; j < t.keys.length; j++) out[t.keys[j]!] = this.build(t.values[j]!);
        return out;
      }
      default:
        return t.value;
    }
  }
}

/** Packs snapshots, sharing one template per shape (unpack() reverses it). Consecutive ticks almost always share the last one. */
export class SnapshotPacker {
  private readonly shapes = new Map<string, Template>();
  private last: Template | undefined = undefined;
  private readonly scratch: number[] = [];

  pack(s: Snapshot): PackedSnapshot {
    const out = this.scratch;
    out.length = 0;
    let template = this.last;
    if (template === undefined || !fill(template, s, out)) {
      const parts: string[] = [];
      shapeKey(s, parts);
      const key = parts.join('');
      template = this.shapes.get(key);
      out.length = 0;
      if (template === undefined || !fill(template, s, out)) {
        if (this.shapes.size >= MAX_SHAPES) this.shapes.clear();
        template = templateOf(s);
        this.shapes.set(key, template);
        out.length = 0;
        fill(template, s, out); // a value always fits its own copy
      }
      this.last = template;
    }
    return { seq: s.seq, time: s.time, intervalMs: s.intervalMs, span: s.span ?? 1, template, values: Float64Array.from(out) };
  }

  /** The number of shapes indexed now (for tests: it must stay bounded). */
  get shapeCount(): number {
    return this.shapes.size;
  }
}

/** The snapshot a template and its numbers stand for: a fresh object each call. */
export function unpackValues(template: Template, values: Float64Array): Snapshot {
  return new Builder(values).build(template) as Snapshot;
}

export function unpack(p: PackedSnapshot): Snapshot {
  const s = unpackValues(p.template, p.values);
  if (p.culprits !== undefined) s.culprits = unpackCulprits(p.culprits);
  return s;
}
