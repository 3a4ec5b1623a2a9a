import { describe, type PlatformConstants } from '@procyon/collector';
import type { HostConstants } from '../../shared';

/**
 * HostConstants from a collector's description of its platform: every table
 * its own (signals, RLIMIT_*, IOPRIO_CLASS_* or IOPRIO_*, the nice range, *_PRIORITY_CLASS, connection kinds, virtual_memory's fields),
 * none restated here.
 */
export function hostConstantsOf(c: PlatformConstants): HostConstants {
  return Object.freeze({
    signals: Object.freeze({ ...c.signals }),
    rlimits: Object.freeze({ ...c.rlimits }),
    ioprioClasses: Object.freeze({ ...c.ioprioClasses }),
    ioPriorities: Object.freeze({ ...c.ioPriorities }),
    nice: Object.freeze({ ...c.nice }),
    priorityClasses: Object.freeze({ ...c.priorityClasses }),
    connectionKinds: Object.freeze([...c.connectionKinds]),
    virtualMemoryFields: Object.freeze([...c.virtualMemoryFields]),
  });
}

let cached: HostConstants | undefined;

/** This host's process-control constants, read once from its collector (describe()). */
export function hostConstants(): HostConstants {
  cached ??= hostConstantsOf(describe().constants);
  return cached;
}
