import * as native from '@procyon/collector';
import type { CollectorRoots } from './collector';
import { errorSummary } from './errors';

/**
 * psutil's Process(pid).as_dict(): every attribute; one that cannot be read
 * (another user's environ, say) is reported in its place as {error: {code, message}}.
 */
export async function collectProc(pid: number, roots: CollectorRoots): Promise<Record<string, unknown>> {
  const proc = await native.Process.create(pid, roots);
  const out: Record<string, unknown> = {};
  await proc.oneshot(async () => {
    for (const attr of native.PROCESS_ATTRS) {
      try {
        // Each getter itself, not asDict: asDict turns AccessDenied into null, and the UI must say "access denied".
        out[attr] = attr === 'pid' ? proc.pid : await (proc as unknown as Record<string, () => Promise<unknown>>)[attr]!.call(proc);
      } catch (err) {
        out[attr] = { error: errorSummary(err) };
      }
    }
    // psutil's as_dict() leaves rlimit() out (it takes an argument); the Limits tab wants every one.
    try {
      const rlimits = [];
      for (const [name, resource] of RLIMITS) {
        const [soft, hard] = (await proc.rlimit(resource))!;
        rlimits.push({ name, resource, soft, hard });
      }
      out.rlimits = rlimits;
    } catch (err) {
      out.rlimits = { error: errorSummary(err) };
    }
  });
  return out;
}

/** Every RLIMIT_* constant the collector knows, in resource order. */
const RLIMITS: [string, number][] = (Object.entries(native) as [string, unknown][])
  .filter((e): e is [string, number] => e[0].startsWith('RLIMIT_') && typeof e[1] === 'number')
  .sort((a, b) => a[1] - b[1]);
