import { constants as osConstants } from 'node:os';
import { constants } from '@procyon/collector';
import type { HostConstants } from '../../shared';

/** The collector's constants whose names start with `prefix`, those this platform has (a lacking one is NaN). */
function group(prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(constants)) if (name.startsWith(prefix) && typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  return out;
}

let cached: HostConstants | undefined;

/**
 * This host's process-control constants, read once. Signals are the names the
 * collector's Process.sendSignal resolves (Node's os.constants.signals, the
 * running platform's own table); resource limits and I/O classes are the
 * collector's RLIMIT_* and IOPRIO_CLASS_* constants.
 */
export function hostConstants(): HostConstants {
  cached ??= Object.freeze({
    signals: Object.freeze({ ...osConstants.signals }),
    rlimits: Object.freeze(group('RLIMIT_')),
    ioprioClasses: Object.freeze(group('IOPRIO_CLASS_')),
  });
  return cached;
}
