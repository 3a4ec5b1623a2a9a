import * as native from '@procyon/collector';
import type { ServiceActionRequest } from '../../shared/schemas';

/**
 * Starts or stops a Windows service by the name the request carries (validated
 * by its schema; the collector checks it again). Errors are the collector's:
 * NO_SUCH_PROCESS, ACCESS_DENIED, UNSUPPORTED off Windows, IO_ERROR with the
 * service manager's words (already running, not started).
 */
export async function serviceAction({ name, action }: ServiceActionRequest): Promise<{ ok: true }> {
  await (action === 'start' ? native.winServiceStart(name) : native.winServiceStop(name));
  return { ok: true };
}
