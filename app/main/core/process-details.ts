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
        out[attr] = (await proc.asDict({ attrs: [attr] }))[attr];
      } catch (err) {
        out[attr] = { error: errorSummary(err) };
      }
    }
  });
  return out;
}
