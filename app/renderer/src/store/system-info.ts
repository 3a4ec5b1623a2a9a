import { useEffect } from 'react';
import type { SystemInfo } from '../../../shared/payloads';
import { useApi } from '../api/context';
import { useMonitor } from './context';

/**
 * System facts (model, addresses, users) change rarely, so they are fetched
 * when a page that shows them opens (and after a reconnect), not every tick.
 */
export function useSystemInfo(): SystemInfo | null {
  const api = useApi();
  const info = useMonitor((s) => s.systemInfo);
  const setSystemInfo = useMonitor((s) => s.setSystemInfo);
  const open = useMonitor((s) => s.connection === 'open');
  useEffect(() => {
    if (!open) return;
    let live = true;
    api
      .getSystemInfo()
      .then((i) => {
        if (live) setSystemInfo(i);
      })
      .catch(() => {
        /* the page shows what it had, or placeholders */
      });
    return () => {
      live = false;
    };
  }, [api, open, setSystemInfo]);
  return info;
}
