import * as native from '@procyon/collector';
import { cutArgs, cutEnviron, PROCESS_TEXT_CUT_BYTES, PROCESS_TEXT_FULL_BYTES, type DetailsTextCut, type ProcessText } from '../../shared';
import type { CollectorRoots } from './collector';
import { errorSummary } from './errors';

/**
 * psutil's Process(pid).as_dict(): every attribute; one that cannot be read
 * (another user's environ, say) is reported in its place as {error: {code, message}}.
 * cmdline and environ are cut to PROCESS_TEXT_CUT_BYTES, the cut ones named
 * in `textCut` with their whole size (getProcessText fetches more).
 */
export async function collectProc(pid: number, roots: CollectorRoots): Promise<Record<string, unknown>> {
  const proc = await native.Process.create(pid, roots);
  const out: Record<string, unknown> = {};
  const textCut: DetailsTextCut = {};
  await proc.oneshot(async () => {
    for (const attr of native.PROCESS_ATTRS) {
      try {
        // Each getter itself, not asDict: asDict turns AccessDenied into null, and the UI must say "access denied".
        out[attr] = attr === 'pid' ? proc.pid : await (proc as unknown as Record<string, () => Promise<unknown>>)[attr]!.call(proc);
        if (attr === 'cmdline' || attr === 'environ') {
          const { value, cut } = cutText(attr, out[attr], PROCESS_TEXT_CUT_BYTES);
          out[attr] = value;
          if (cut) textCut[attr] = cut;
        }
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
  // Its inet sockets from the kernel's socket dump: TCP with its bytes, UDP listed as not counted (a captured tree has none: NOT_LIVE).
  try {
    out.net = await native.processNetSockets(pid, roots);
  } catch (err) {
    out.net = { error: errorSummary(err) };
  }
  out.textCut = textCut;
  return out;
}

function cutText(field: 'cmdline' | 'environ', value: unknown, budget: number): { value: unknown; cut?: { bytes: number } } {
  // A process's argv and environment are its to fill (2 MB of them): every message carries a cut.
  if (field === 'cmdline') return cutArgs(value as string[], budget);
  return cutEnviron(value as Record<string, string>, budget);
}

/** One process's cmdline or environ, up to PROCESS_TEXT_FULL_BYTES. */
export async function processText(pid: number, roots: CollectorRoots, field: 'cmdline' | 'environ'): Promise<ProcessText> {
  const proc = await native.Process.create(pid, roots);
  const whole = field === 'cmdline' ? await proc.cmdline() : await proc.environ();
  return { field, ...cutText(field, whole, PROCESS_TEXT_FULL_BYTES) } as ProcessText;
}

/** Every RLIMIT_* constant the collector knows, in resource order. */
const RLIMITS: [string, number][] = (Object.entries(native) as [string, unknown][])
  .filter((e): e is [string, number] => e[0].startsWith('RLIMIT_') && typeof e[1] === 'number')
  .sort((a, b) => a[1] - b[1]);
