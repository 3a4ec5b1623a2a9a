import * as native from '@procyon/collector';
import type { AlertRule } from '../../shared';
import type { CollectorRoots } from './collector';

/** How many mounted filesystems the refusal lists: enough to spot the one meant. */
const LISTED = 8;

/**
 * The disk rules whose mountpoint nothing is mounted at, as field issues
 * ("alertRules.2.mountpoint"): such a rule would watch nothing and never say
 * so. Checked against the list the sampler watches (psutil's
 * disk_partitions()), and only for mountpoints that are new in this change: a
 * saved rule for a disk that is unplugged now is left alone.
 */
export async function unmountedMountpoints(rules: readonly AlertRule[], before: readonly AlertRule[], roots: CollectorRoots): Promise<{ path: string; message: string }[]> {
  const saved = new Set(before.flatMap((r) => (r.kind === 'diskUsage' && r.mountpoint !== undefined ? [`${r.id}\u0000${r.mountpoint}`] : [])));
  const asked = rules.flatMap((r, i) => (r.kind === 'diskUsage' && r.mountpoint !== undefined && !saved.has(`${r.id}\u0000${r.mountpoint}`) ? [{ i, mountpoint: r.mountpoint }] : []));
  if (asked.length === 0) return [];
  const mounted = [...new Set((await native.diskPartitions({ ...roots })).map((p) => p.mountpoint))];
  const known = new Set(mounted);
  const list = mounted.slice(0, LISTED).join(', ') + (mounted.length > LISTED ? `, … (${mounted.length - LISTED} more)` : '');
  return asked
    .filter((a) => !known.has(a.mountpoint))
    .map((a) => ({
      path: `alertRules.${a.i}.mountpoint`,
      message: `Nothing is mounted at ${JSON.stringify(a.mountpoint.length > 80 ? `${a.mountpoint.slice(0, 80)}…` : a.mountpoint)}. Mounted here: ${list || 'none'}.`,
    }));
}
