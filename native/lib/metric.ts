// Whole-system metrics (PROCYON_METRIC in src/common/records_<area>.h): the
// addon exports each as an async function of the roots, reads it as the
// snapshot topic of the same name and reports it as a capability. So the TS
// side of a metric is its record types, one entry in Metrics, and its
// function made here from its name; SnapshotTopicValues, CollectorFunctions
// and NativeBinding take their entries from Metrics.

import { binding, callAsync } from './native';
import { optionsObject } from './options';
import type { ResolvedRoots } from './roots';
import { resolveRoots } from './roots';
import type { Roots } from './types';

/**
 * Each metric's name and value; lib/<area>.ts adds its own by declaration merging
 * (`declare module './metric' { interface Metrics { name: Record } }`). Checked against
 * describe().metrics by test/describe.test.ts.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging only
export interface Metrics {}

export type MetricName = keyof Metrics;

/** The addon's export of each metric (merged into NativeBinding). */
export type MetricExports = { [Name in MetricName]: (options: ResolvedRoots) => Promise<Metrics[Name]> };

/** The collector function of metric `name`: the roots as every function takes them, errors as ProcyonError subclasses. */
export function metric<Name extends MetricName>(name: Name): (options?: Roots) => Promise<Metrics[Name]> {
  const exports: MetricExports = binding;
  const read = async (options?: Roots): Promise<Metrics[Name]> => {
    const roots = resolveRoots(optionsObject(options));
    return callAsync(() => exports[name](roots));
  };
  // Named as a hand-written function would be (stack traces, logs).
  return Object.defineProperty(read, 'name', { value: name });
}
