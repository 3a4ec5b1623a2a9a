import { createContext, useContext } from 'react';
import type { MonitorApi } from '../../../shared/api';

// Components that fetch on demand (connections, system info) get the transport
// from here rather than importing a singleton, so it stays swappable in tests.
export const ApiContext = createContext<MonitorApi | null>(null);

export function useApi(): MonitorApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}
