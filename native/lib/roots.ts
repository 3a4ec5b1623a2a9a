// Where reads come from: an explicit option, else PROCYON_PROCFS /
// PROCYON_SYSFS, else the live /proc and /sys.

import { InvalidArgument } from './errors';
import { binding, callSync } from './native';
import type { Roots } from './types';

export const DEFAULT_PROCFS = '/proc';
export const DEFAULT_SYSFS = '/sys';

/** Roots with every member decided. */
export type ResolvedRoots = Required<Roots>;

function pick(option: unknown, optionName: string, envName: string, fallback: string): string {
  if (option !== undefined) {
    if (typeof option !== 'string') throw new InvalidArgument(`${optionName} must be a string, got ${typeof option}`);
    if (option === '') throw new InvalidArgument(`${optionName} must not be empty`);
    return option;
  }
  // An empty variable counts as unset, as shells make it easy to export one by accident.
  const fromEnv = process.env[envName];
  return fromEnv ? fromEnv : fallback;
}

export function resolveRoots(options: Roots = {}): ResolvedRoots {
  return {
    procfs: pick(options.procfs, 'procfs', 'PROCYON_PROCFS', DEFAULT_PROCFS),
    sysfs: pick(options.sysfs, 'sysfs', 'PROCYON_SYSFS', DEFAULT_SYSFS),
  };
}

/**
 * Whether these options read the live machine (options, then PROCYON_PROCFS /
 * PROCYON_SYSFS, then the defaults): the addon's backend decides, the same
 * answer that lets it act on a process. The live /proc and /sys however named
 * (a trailing slash, a symlink to them) are live; a copy is not.
 */
export function isLive(options: Roots = {}): boolean {
  const roots = resolveRoots(options);
  return callSync(() => binding.isLive(roots));
}
