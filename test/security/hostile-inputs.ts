// Hostile arguments for every MonitorApi operation, generated from the
// operation's own zod schema and valid requests made from that schema: every
// field is replaced by values of the wrong type and out of range, required
// fields are removed, unknown and prototype-named keys are added, at every
// depth of the valid request and in every member of every union. A new
// operation is covered as soon as it is in the operations table.

import type { z } from 'zod';
import { OPERATION_TABLE, OPERATIONS, type MonitorOperation } from '../../app/shared';

export interface HostileInput {
  /** Where and what, e.g. `action.value: fraction`. */
  label: string;
  value: unknown;
}

/** How big "huge" is: a transport with a message limit needs smaller ones than IPC. */
export interface Sizes {
  stringLength: number;
  arrayLength: number;
  depth: number;
}

type Family = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function deepObject(depth: number): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

/** An object with an own `__proto__` key, as JSON.parse (and so a WebSocket message) makes one. */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Values of every JSON-ish type, each tagged with its type so a field is only given values of other types. */
function wrongTyped(sizes: Sizes): [string, Family, unknown][] {
  return [
    ['null', 'null', null],
    ['true', 'boolean', true],
    ['false', 'boolean', false],
    ['zero', 'number', 0],
    ['negative', 'number', -1],
    ['fraction', 'number', 1.5],
    ['NaN', 'number', NaN],
    ['Infinity', 'number', Infinity],
    ['-Infinity', 'number', -Infinity],
    ['empty string', 'string', ''],
    ['numeric string', 'string', '1'],
    ['string "NaN"', 'string', 'NaN'],
    ['string "Infinity"', 'string', 'Infinity'],
    [`huge string (${sizes.stringLength})`, 'string', 'x'.repeat(sizes.stringLength)],
    ['empty array', 'array', []],
    ['array of a number', 'array', [1]],
    [`huge array (${sizes.arrayLength})`, 'array', new Array<number>(sizes.arrayLength).fill(0)],
    [`nested arrays (${sizes.depth} deep)`, 'array', deepArray(sizes.depth)],
    [`nested objects (${sizes.depth} deep)`, 'object', deepObject(sizes.depth)],
    ['object with own __proto__', 'object', withOwnKey({}, '__proto__', { polluted: true })],
    ['object with constructor.prototype', 'object', { constructor: { prototype: { polluted: true } } }],
  ];
}

type AnySchema = z.ZodType & { def: { type: string; [k: string]: unknown } };

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s.def.type === 'optional' || s.def.type === 'default' || s.def.type === 'readonly') s = s.def.innerType as AnySchema;
  return s;
}

// --- valid requests, made from the schema ---

/**
 * A valid value for a schema, with every optional field present (so every
 * field gets mutated) and each union's first member. Numbers take their
 * maximum where they have one (a pid then names no process that can exist:
 * were a mutation ever accepted, it still could not touch anything), else
 * their minimum; booleans are false (confirm: false).
 */
function example(schema: AnySchema): unknown {
  const s = unwrap(schema);
  // A value a schema's shape cannot tell (a pattern) is given as its own example.
  const given = (s as unknown as { meta(): { examples?: unknown[] } | undefined }).meta()?.examples?.[0];
  if (given !== undefined) return given;
  switch (s.def.type) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return false;
    case 'number':
    case 'int': {
      const num = s as unknown as { minValue: number | null; maxValue: number | null };
      if (num.maxValue !== null && Number.isFinite(num.maxValue)) return num.maxValue;
      if (num.minValue !== null && Number.isFinite(num.minValue)) return num.minValue;
      return 1;
    }
    case 'string': {
      const str = s as unknown as { minLength: number | null; maxLength: number | null };
      return 'x'.repeat(Math.min(Math.max(str.minLength ?? 1, 1), str.maxLength ?? Infinity));
    }
    case 'enum':
      return Object.values(s.def.entries as object)[0];
    case 'literal':
      return (s.def.values as unknown[])[0];
    case 'array':
      return [example(s.def.element as AnySchema)];
    case 'object':
      return Object.fromEntries(Object.entries(s.def.shape as Record<string, AnySchema>).map(([key, field]) => [key, example(field)]));
    case 'union':
      return example((s.def.options as AnySchema[])[0]!);
    case 'nullable':
      // The value, not null: so the inner schema's wrong values are tried too.
      return example(s.def.innerType as AnySchema);
    default:
      throw new Error(`no example for a ${s.def.type} schema: teach example() in test/security/hostile-inputs.ts`);
  }
}

/** Where example() chose a union's first member: each other member, with its own example, at that path. */
function otherMembers(schema: AnySchema, path: (string | number)[] = []): { path: (string | number)[]; schema: AnySchema; value: unknown }[] {
  const s = unwrap(schema);
  switch (s.def.type) {
    case 'array':
      return otherMembers(s.def.element as AnySchema, [...path, 0]);
    case 'object':
      return Object.entries(s.def.shape as Record<string, AnySchema>).flatMap(([key, field]) => otherMembers(field, [...path, key]));
    case 'union': {
      const [first, ...rest] = (s.def.options as AnySchema[]).map(unwrap);
      return [...otherMembers(first!, path), ...rest.map((member) => ({ path, schema: member, value: example(member) }))];
    }
    default:
      return [];
  }
}

const schemaOf = (op: MonitorOperation): AnySchema => OPERATION_TABLE[op].request as z.ZodType as AnySchema;

/** One valid request per operation (undefined for those that take none), made from its schema in the operations table. */
export const VALID_REQUESTS = Object.fromEntries(OPERATIONS.map((op) => [op, example(schemaOf(op))])) as Record<MonitorOperation, unknown>;

/** A union's member that this valid value belongs to: the shape to mutate it by. */
function memberFor(schema: AnySchema, value: unknown): AnySchema {
  const s = unwrap(schema);
  if (s.def.type !== 'union') return s;
  const member = (s.def.options as AnySchema[]).find((o) => o.safeParse(value).success);
  if (!member) throw new Error('a VALID_REQUESTS value matches no member of its union');
  return unwrap(member);
}

function familyOf(s: AnySchema): Family | null {
  switch (s.def.type) {
    case 'number':
    case 'int':
      return 'number';
    case 'string':
    case 'enum':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
    case 'union':
      return 'object';
    case 'literal': {
      const v = (s.def.values as unknown[])[0];
      return typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : null;
    }
    default:
      return null; // unknown/any: nothing is the wrong type
  }
}

/** Values that are wrong for this field: other types, plus out of range for its own type. */
function wrongValues(schema: AnySchema, sizes: Sizes): [string, unknown][] {
  const s = unwrap(schema);
  // Null is one of a nullable field's values (a memory limit cleared): every other wrong value of its inner schema is still wrong.
  if (s.def.type === 'nullable') return wrongValues(s.def.innerType as AnySchema, sizes).filter(([, value]) => value !== null);
  const family = familyOf(s);
  if (family === null) return [];
  const out: [string, unknown][] = wrongTyped(sizes)
    .filter(([, f]) => f !== family)
    .map(([label, , value]) => [label, value]);
  const num = s as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
  switch (s.def.type) {
    case 'number':
    case 'int':
      out.push(['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity]);
      if (num.isInt) out.push(['fraction', (num.minValue !== null && Number.isFinite(num.minValue) ? num.minValue : 0) + 0.5]);
      if (num.minValue !== null && Number.isFinite(num.minValue)) {
        out.push(['below minimum', num.minValue - 1], ['hugely negative', -(2 ** 53)], ['-1e300', -1e300]);
      }
      if (num.maxValue !== null && Number.isFinite(num.maxValue)) {
        out.push(['above maximum', num.maxValue + 1], ['1e300', 1e300]);
        if (num.maxValue < 2 ** 53) out.push(['2^53 + 2', 2 ** 53 + 2]);
      }
      break;
    case 'enum':
    case 'literal':
      out.push(['empty string', ''], ['not a member', 'no-such-value'], ['member with a space', ` ${String((s.def as { values?: unknown[] }).values?.[0] ?? Object.values(s.def.entries as object)[0])}`]);
      break;
    case 'array':
      out.push(['array of null', [null]], [`huge array of null (${sizes.arrayLength})`, new Array<null>(sizes.arrayLength).fill(null)]);
      break;
    case 'string': {
      const str = s as unknown as { minLength: number | null; maxLength: number | null };
      if (str.minLength !== null && str.minLength >= 1) out.push(['empty string', '']);
      if (str.maxLength !== null && str.maxLength < sizes.stringLength) out.push([`huge string (${sizes.stringLength})`, 'x'.repeat(sizes.stringLength)]);
      // A pattern: text outside it, and the longest that would fit if it had no pattern.
      if (!s.safeParse('').success && !out.some(([label]) => label === 'empty string')) out.push(['empty string', '']);
      if (!s.safeParse('no such value').success) out.push(['outside its pattern', 'no such value'], [`huge string (${sizes.stringLength})`, 'X'.repeat(sizes.stringLength)]);
      break;
    }
    case 'object':
      // Every object in the contract is strict, so an unknown key anywhere, even deep down, is refused.
      out.push([`nested objects (${sizes.depth} deep)`, deepObject(sizes.depth)]);
      if (Object.values(s.def.shape as Record<string, AnySchema>).some((f) => !f.safeParse(undefined).success)) out.push(['empty object', {}]);
      break;
    case 'union':
      out.push(['empty object', {}], ['unknown kind', { kind: 'no-such-kind' }], [`nested objects (${sizes.depth} deep)`, deepObject(sizes.depth)]);
      break;
  }
  return out;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = clone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete node[last];
  else if (last === '__proto__') withOwnKey(node as Record<string, unknown>, last, value);
  else node[last] = value;
  return copy;
}

const show = (path: (string | number)[]) => (path.length ? path.join('.') : '(argument)');

function walk(schema: AnySchema, valid: unknown, path: (string | number)[], root: unknown, sizes: Sizes, out: HostileInput[]): void {
  const s = memberFor(schema, valid);
  if (s.def.type === 'object' && typeof valid === 'object' && valid !== null) {
    const shape = s.def.shape as Record<string, AnySchema>;
    for (const [key, field] of Object.entries(shape)) {
      if (!(key in valid)) continue;
      const at = [...path, key];
      for (const [label, value] of wrongValues(field, sizes)) out.push({ label: `${show(at)}: ${label}`, value: setAt(root, at, value) });
      if (!field.safeParse(undefined).success) out.push({ label: `${show(at)}: missing`, value: setAt(root, at, undefined, true) });
      walk(field, (valid as Record<string, unknown>)[key], at, root, sizes, out);
    }
    for (const [key, value] of [
      ['extra', 1],
      ['__proto__', { polluted: true }],
      ['constructor', { prototype: { polluted: true } }],
      ['prototype', { polluted: true }],
    ] as const) {
      out.push({ label: `${show(path)}: extra key ${key}`, value: setAt(root, [...path, key], value) });
    }
  } else if (s.def.type === 'array' && Array.isArray(valid) && valid.length > 0) {
    const element = s.def.element as AnySchema;
    const at = [...path, 0];
    for (const [label, value] of wrongValues(element, sizes)) out.push({ label: `${show(at)}: ${label}`, value: setAt(root, at, value) });
    walk(element, valid[0], at, root, sizes, out);
  }
}

/** Every hostile argument for one operation: mutations of its valid request, and of each other union member within it. */
export function hostileInputs(op: MonitorOperation, sizes: Sizes): HostileInput[] {
  const s = schemaOf(op);
  const out: HostileInput[] = [];
  if (s.def.type === 'undefined') {
    // Takes nothing: anything at all is wrong.
    for (const [label, , value] of wrongTyped(sizes)) out.push({ label: `(argument): ${label}`, value });
    out.push({ label: '(argument): empty object', value: {} });
    return out;
  }
  const valid = VALID_REQUESTS[op];
  if (!s.safeParse(undefined).success) out.push({ label: '(argument): missing', value: undefined });
  for (const [label, value] of wrongValues(s, sizes)) out.push({ label: `(argument): ${label}`, value });
  walk(s, valid, [], valid, sizes, out);
  for (const member of otherMembers(s)) {
    const root = member.path.length ? setAt(valid, member.path, member.value) : member.value;
    walk(member.schema, member.value, member.path, root, sizes, out);
  }
  return out;
}

/**
 * JSON text for a value as a WebSocket client can send it: ±Infinity as
 * 1e309 (JSON.parse reads it as Infinity), own `__proto__` keys kept. null
 * when JSON cannot carry the value at all (NaN).
 */
export function wireJson(value: unknown): string | null {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (value === Infinity) return '1e309';
    if (value === -Infinity) return '-1e309';
    return JSON.stringify(value);
  }
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (const item of value) {
      const text = wireJson(item);
      if (text === null) return null;
      parts.push(text);
    }
    return `[${parts.join(',')}]`;
  }
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const key of Object.keys(value)) {
      const text = wireJson((value as Record<string, unknown>)[key]);
      if (text === null) return null;
      parts.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${parts.join(',')}}`;
  }
  return null;
}
