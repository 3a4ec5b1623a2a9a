import { createStore } from 'zustand/vanilla';
import type { HostInfo, Snapshot } from '../../../shared/payloads';
import type { ConnectionState } from '../api/connection';
import { appendSnapshot, capacityOf, mergeHistory } from './history';
import { resolveTheme, type Theme, type ThemePreference } from './theme';

export interface LoadError {
  code: string;
  message: string;
}

export interface MonitorState {
  info: HostInfo | null;
  /** Oldest first, bounded by info.historyCapacity (or 3600 before info arrives). */
  history: Snapshot[];
  latest: Snapshot | null;
  connection: ConnectionState;
  /** Why the initial load failed; cleared by the next successful load. */
  error: LoadError | null;
  themePreference: ThemePreference;
  systemTheme: Theme;

  setInfo(info: HostInfo): void;
  applySnapshot(snapshot: Snapshot): void;
  loadHistory(snapshots: Snapshot[]): void;
  setConnection(state: ConnectionState): void;
  setError(error: LoadError | null): void;
  setSystemTheme(theme: Theme): void;
  toggleTheme(): void;
}

export type MonitorStore = ReturnType<typeof createMonitorStore>;

export function createMonitorStore(initial: Partial<Pick<MonitorState, 'themePreference' | 'systemTheme' | 'connection'>> = {}) {
  return createStore<MonitorState>()((set, get) => ({
    info: null,
    history: [],
    latest: null,
    connection: initial.connection ?? 'connecting',
    error: null,
    themePreference: initial.themePreference ?? 'system',
    systemTheme: initial.systemTheme ?? 'light',

    setInfo(info) {
      set({ info, error: null });
    },
    applySnapshot(snapshot) {
      const { history, info } = get();
      const next = appendSnapshot(history, snapshot, capacityOf(info?.historyCapacity));
      if (next !== history) set({ history: next, latest: snapshot });
    },
    loadHistory(snapshots) {
      const { history, info } = get();
      const next = mergeHistory(history, snapshots, capacityOf(info?.historyCapacity));
      if (next !== history) set({ history: next, latest: next[next.length - 1] ?? null });
    },
    setConnection(connection) {
      set({ connection });
    },
    setError(error) {
      set({ error });
    },
    setSystemTheme(systemTheme) {
      set({ systemTheme });
    },
    toggleTheme() {
      const { themePreference, systemTheme } = get();
      set({ themePreference: resolveTheme(themePreference, systemTheme) === 'dark' ? 'light' : 'dark' });
    },
  }));
}

export function selectTheme(state: MonitorState): Theme {
  return resolveTheme(state.themePreference, state.systemTheme);
}
