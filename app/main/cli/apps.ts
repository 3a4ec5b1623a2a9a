import * as native from '@procyon/collector';
import { CgroupPath } from '../../shared/schemas';
import { sampleCgroups, type CgroupRow } from '../../shared/metrics/cgroups';
import { terminalSafe } from '../../shared/terminal-text';
import type { CollectorRoots } from '../core/collector';
import { UsageError } from './args';
import { bytes2human, table } from './report/units';

// `procyon apps`: the Apps page's groups on the command line, and the GROUP
// argument of `procyon freeze|thaw|kill-group`.

/** A group as `apps --json` gives it: the collector's figures with the host's rates (no sparkline history: one sample). */
export type AppsRow = Omit<CgroupRow, 'cpuHistory'>;

/** Two readings of the groups a short moment apart: CPU and I/O are recent use, as the Apps page shows them. */
export async function collectApps(roots: CollectorRoots, sampleMs = 250): Promise<AppsRow[]> {
  const first = await native.cgroups(roots);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, sampleMs));
  const second = await native.cgroups(roots);
  const sample = sampleCgroups(second, first, (performance.now() - t0) / 1000);
  return sample.groups.map(({ cpuHistory: _history, ...row }) => row);
}

/** Busiest first, then by path: as the Apps page opens. */
export function arrangeApps(rows: readonly AppsRow[]): AppsRow[] {
  return [...rows].sort((a, b) => (b.cpuPercent ?? -1) - (a.cpuPercent ?? -1) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const rate = (v: number | null) => (v === null ? '-' : `${bytes2human(Math.round(v))}/s`);

/** A table like `procyon ps`'s; names and paths come from whoever made the group, escaped. */
export function formatApps(rows: readonly AppsRow[], columns?: number): string {
  const header = ['KIND', 'NAME', '%CPU', 'MEM', 'LIMIT', 'READ', 'WRITE', 'PIDS', 'STATE', 'PATH'];
  const body = rows.map((g) => [
    g.kind,
    terminalSafe(g.name.slice(0, 40)),
    g.cpuPercent === null ? '-' : g.cpuPercent.toFixed(1),
    g.memory ? bytes2human(g.memory.current) : '-',
    g.memory?.max != null ? bytes2human(g.memory.max) : '-',
    rate(g.readBytesPerSec),
    rate(g.writeBytesPerSec),
    String(g.pidsTotal),
    g.frozen ? 'frozen' : '-',
    terminalSafe(g.path),
  ]);
  const text = table([header, ...body], ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l']);
  return columns === undefined ? text : text.split('\n').map((l) => l.slice(0, columns)).join('\n');
}

/** The last component of a path: what systemd calls the unit ("firefox.service"). */
const unitOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * GROUP as typed → a group's path: a path ("/system.slice/x.service") as it
 * is; else the one group whose name, id or unit (its path's last component)
 * is GROUP, or whose id starts with it (a container's short id). None, or
 * more than one: a usage error naming them.
 */
export function resolveGroup(groups: readonly Pick<AppsRow, 'path' | 'name' | 'id'>[], given: string): string {
  if (given.startsWith('/')) {
    const checked = CgroupPath.safeParse(given);
    if (!checked.success) throw new UsageError(`GROUP ${JSON.stringify(given)} is not a group path: ${checked.error.issues[0]?.message ?? 'invalid'}`);
    return given;
  }
  const exact = groups.filter((g) => g.name === given || g.id === given || unitOf(g.path) === given);
  const found = exact.length > 0 ? exact : given.length >= 4 ? groups.filter((g) => g.id.startsWith(given)) : [];
  if (found.length === 1) return found[0]!.path;
  if (found.length === 0) throw new UsageError(`no group is named ${JSON.stringify(given)} (see procyon apps; or give its path)`);
  const shown = found.slice(0, 10).map((g) => `  ${g.path}`);
  throw new UsageError(`${JSON.stringify(given)} names ${found.length} groups; give one's path:\n${shown.join('\n')}${found.length > shown.length ? '\n  …' : ''}`);
}
