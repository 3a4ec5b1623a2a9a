import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { MonitorState, MonitorStore } from './monitor';

// The store is created in main.tsx and handed down, so tests and future
// windows can each have their own instead of sharing a module singleton.
export const StoreContext = createContext<MonitorStore | null>(null);

export function useMonitor<T>(selector: (state: MonitorState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useMonitor outside StoreContext');
  return useStore(store, selector);
}
