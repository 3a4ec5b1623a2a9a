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
