import * as native from '@procyon/collector';
import type { HostInfo } from '../../shared';
import type { CollectorRoots } from './collector';

/**
 * HostInfo's capabilities: the collector's own report, passed on as it is
 * (never restated here), and whether it reads this machine, decided by the
 * collector too (PROCYON_PROCFS / PROCYON_SYSFS included).
 */
export function hostCapabilities(roots: CollectorRoots): HostInfo['capabilities'] {
  const report = native.capabilityReport(roots);
  return {
    live: native.isLive(roots),
    functions: Object.fromEntries(report.map((c) => [c.name, c.available])),
    why: Object.fromEntries(report.flatMap((c) => (c.available || c.reason === undefined ? [] : [[c.name, c.reason]]))),
  };
}
