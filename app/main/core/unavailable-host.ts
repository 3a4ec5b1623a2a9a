import { addonLoadError } from '@procyon/collector';
import { ApiError, OPERATIONS, type MonitorOperation } from '../../shared';
import type { ClientApi } from './api';

/** Why the collector cannot run here (its native addon failed to load), or null when it can. */
export function collectorUnavailable(): ApiError | null {
  const err = addonLoadError();
  return err ? new ApiError({ code: 'ADDON_UNAVAILABLE', message: err.message }) : null;
}

/**
 * The MonitorApi of a host whose collector cannot run: every operation rejects
 * with the load failure, so the window or page can say what is wrong instead
 * of staying blank. Built from OPERATIONS so a new operation cannot slip past.
 */
export function unavailableApi(error: ApiError): ClientApi {
  const reject = () => Promise.reject(error);
  const operations = Object.fromEntries(OPERATIONS.map((op) => [op, reject])) as Record<MonitorOperation, () => Promise<never>>;
  return { ...operations, onSnapshot: () => () => {}, dispose: () => {} };
}
