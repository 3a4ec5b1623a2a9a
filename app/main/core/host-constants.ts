import { constants, describe } from '@procyon/collector';
import type { HostConstants } from '../../shared';

/** The collector's constants whose names start with `prefix`, those this platform has (a lacking one is NaN). */
function group(prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(constants)) if (name.startsWith(prefix) && typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  return out;
}

let cached: HostConstants | undefined;

/**
 * This host's process-control constants, read once, all the collector's own
 * (describe()): its signals and nice range, and its RLIMIT_* and IOPRIO_CLASS_* constants.
 */
export function hostConstants(): HostConstants {
  cached ??= Object.freeze({
    signals: Object.freeze({ ...describe().constants.signals }),
    rlimits: Object.freeze(group('RLIMIT_')),
    ioprioClasses: Object.freeze(group('IOPRIO_CLASS_')),
    nice: Object.freeze({ ...describe().constants.nice }),
  });
  return cached;
}
