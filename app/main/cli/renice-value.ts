import type { HostConstants } from '../../shared/host-constants';
import { UsageError } from './args';

// `procyon renice PID VALUE` in the host's terms: a nice value in the host's
// range (Linux), or where the host's priority is a class (Windows), one of the
// classes its collector lists, by name. The numbers are the collector's.

/** "BELOW_NORMAL_PRIORITY_CLASS", "below_normal", "Below normal", "below-normal" → "BELOW_NORMAL". */
const classKey = (text: string) =>
  text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_')
    .replace(/_PRIORITY_CLASS$/, '');

/** The value VALUE names on this host, or a UsageError saying what the host takes. */
export function reniceValue(raw: string, host: Pick<HostConstants, 'nice' | 'priorityClasses'>): { value: number; text: string } {
  const classes = Object.entries(host.priorityClasses);
  if (classes.length > 0) {
    const key = classKey(raw);
    const named = classes.find(([name]) => classKey(name) === key);
    if (named) return { value: named[1], text: named[0] };
    const words = classes.map(([name]) => classKey(name).toLowerCase()).join(', ');
    throw new UsageError(`renice on this host takes a priority class (${words}, or psutil's *_PRIORITY_CLASS name), got ${JSON.stringify(raw)}`);
  }
  const { min, max } = host.nice;
  if (!/^-?\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`renice needs a nice value from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return { value: Number(raw), text: String(Number(raw)) };
}
