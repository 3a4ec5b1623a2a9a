import { binding, callSync } from './native';
import { optionsObject } from './options';
import { resolveRoots } from './roots';
import type { CapabilityStatus } from './describe';
import type { Capabilities, CollectorFunction, Roots } from './types';

/**
 * What each collector function can do over these roots (default: the live
 * machine, or PROCYON_PROCFS / PROCYON_SYSFS), and why not: a file it reads
 * is missing or unreadable, the platform lacks it, or it reads the live
 * system while the roots name a captured tree. The names are the addon's
 * (the exports registered in src/binding/, binding/registry.h), in its order.
 */
export function capabilityReport(options?: Roots): CapabilityStatus[] {
  const roots = resolveRoots(optionsObject(options));
  return callSync(() => binding.capabilities(roots));
}

/**
 * Which functions work here, by name. A missing function is reported here
 * rather than discovered by calling it (which would reject with Unsupported).
 */
export function capabilities(options?: Roots): Capabilities {
  return Object.freeze(
    Object.fromEntries(capabilityReport(options).map((c) => [c.name, c.available])) as Record<CollectorFunction, boolean>,
  );
}
