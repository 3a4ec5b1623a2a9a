// Checks on the options object every function takes, so a wrong type fails
// as InvalidArgument before anything reaches the addon.

import { InvalidArgument } from './errors';

export function optionsObject<T extends object>(options: T | undefined): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgument(`options must be an object, got ${Array.isArray(options) ? 'array' : typeof options}`);
  }
  return options;
}

export function booleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InvalidArgument(`${name} must be a boolean, got ${typeof value}`);
  return value;
}

/** A value as an error message should show it: its type, and the value itself where short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof value} ${String(value)}`;
    default:
      return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  }
}

/**
 * A duration in seconds (psutil's `interval` and `timeout`): null or absent is
 * null; otherwise a number ≥ 0 (finite unless `allowInfinity`). A negative
 * number gets psutil's words ("<name> is not positive (got -1)").
 */
export function secondsOption(value: unknown, name: string, allowInfinity = false): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || Number.isNaN(value) || (!allowInfinity && !Number.isFinite(value))) {
    throw new InvalidArgument(`${name} must be a ${allowInfinity ? '' : 'finite '}number of seconds, got ${describeValue(value)}`);
  }
  if (value < 0) throw new InvalidArgument(`${name} is not positive (got ${value})`);
  return value;
}
