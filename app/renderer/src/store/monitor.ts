import { createStore } from 'zustand/vanilla';
import type { HostInfo, ProcessNetSample as ProcessNet, ProcessRow, ProcessSockets, Snapshot, SystemInfo, Topic } from '../../../shared/payloads';
import { applyDelta, DeltaParts, ProcessIndex, type ProcessChange } from '../../../shared/process-delta';
import { setHostPriorityClasses } from '../processes/priority';
import { appendRing, type ProcessPoint, type WatchedProcess } from './process-ring';
import type { ConnectionState } from '../api/connection';
import { DEFAULT_PAGE, type PageId } from '../routes/pages';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';
import { appendSnapshot, boundLong, capacityOf, mergeHistory } from './history';
import { resolveTheme, type Theme, type ThemePreference } from './theme';

export interface LoadError {
  code: string;
  message: string;
}

/** What the screen shows while paused: the data as it was when the user pressed Pause. */
export interface Frozen {
  history: Snapshot[];
  long: Snapshot[];
  latest: Snapshot | null;
  processes: ProcessSet | null;
}

/** The live process table of one tick (kept out of `history`: rows are live only). */
export interface ProcessSet {
  /** The tick the table is from: live change lists apply to it by this number. */
  seq: number;
  time: number;
  rows: ProcessRow[];
  /** What the live change list did to the previous table (absent for a whole table). */
  change?: ProcessChange;
}

export interface MonitorState {
  info: HostInfo | null;
  /** Oldest first, bounded by info.historyCapacity (or 3600 before info arrives). */
  history: Snapshot[];
  latest: Snapshot | null;
  /** Downsampled history for ranges beyond the live ticks; empty for short ranges. */
  long: Snapshot[];
  systemInfo: SystemInfo | null;
  connection: ConnectionState;
  /** Why the initial load failed; cleared by the next successful load. */
  error: LoadError | null;
  themePreference: ThemePreference;
  systemTheme: Theme;
  settings: Settings;
  page: PageId;
  /** Non-null while paused: ticks keep arriving into `history`, the view reads this. */
  frozen: Frozen | null;
  /** The newest process table (only while some page asks for the 'processes' topic). */
  processes: ProcessSet | null;
  /** The process whose details are open, and its CPU/memory from successive ticks. */
  watched: WatchedProcess | null;
  watchedRing: ProcessPoint[];
  watchProcess(target: WatchedProcess | null): void;
  /** The processes whose sockets the Network page lists (its expanded top talkers): sent to the host with the topics. */
  socketWatch: WatchedProcess[];
  setSocketWatch(list: WatchedProcess[]): void;
  /** Their sockets as the newest tick carried them (the host sends those of `socketWatch` only). */
  talkerSockets: ProcessSockets[];
  /** The newest tick's sum of other users' processes' TCP traffic (with the processNet topic only). */
  netOtherUsers: ProcessNet | null;
  setInfo(info: HostInfo): void;
  /**
   * False when the tick's process change list does not apply to the table held
   * (this receiver missed a tick): the caller fetches the full table.
   */
  applySnapshot(snapshot: Snapshot): boolean;
  /** A full table from getSnapshot(), when the live change lists fell out of step. */
  setProcesses(snapshot: Snapshot): void;
  loadHistory(snapshots: Snapshot[]): void;
  setLong(snapshots: Snapshot[]): void;
  setSystemInfo(info: SystemInfo): void;
  setConnection(state: ConnectionState): void;
  setError(error: LoadError | null): void;
  setSystemTheme(theme: Theme): void;
  setThemePreference(preference: ThemePreference): void;
  toggleTheme(): void;
  updateSettings(patch: Partial<Settings>): void;
  setPage(page: PageId): void;
  /** Topics the process page's chosen columns need beyond 'processes' (sampled only while it shows). */
  columnTopics: Topic[];
  setColumnTopics(topics: Topic[]): void;
  togglePause(): void;
}

export type MonitorStore = ReturnType<typeof createMonitorStore>;

type Initial = Partial<Pick<MonitorState, 'themePreference' | 'systemTheme' | 'connection' | 'settings' | 'page'>>;

export function createMonitorStore(initial: Initial = {}) {
  const index = new ProcessIndex();
  const parts = new DeltaParts();
  return createStore<MonitorState>()((set, get) => ({
    info: null,
    history: [],
    latest: null,
    long: [],
    systemInfo: null,
    connection: initial.connection ?? 'connecting',
    error: null,
    themePreference: initial.themePreference ?? 'system',
    systemTheme: initial.systemTheme ?? 'light',
    settings: initial.settings ?? DEFAULT_SETTINGS,
    page: initial.page ?? DEFAULT_PAGE,
    frozen: null,
    processes: null,
    watched: null,
    watchedRing: [],
    socketWatch: [],
    talkerSockets: [],
    netOtherUsers: null,

    setInfo(info) {
      setHostPriorityClasses(info.constants?.priorityClasses);
      set({ info, error: null });
    },
    applySnapshot(full) {
      const { history, info, watched, watchedRing, processes: held, talkerSockets } = get();
      // Process rows (and the listed processes' sockets) stay out of history: 5,000 rows × 3,600 ticks would not be flat memory.
      const { processes: whole, processDelta: sent, processSockets, netOtherUsers, ...snapshot } = full;
      // A change list too big for one message comes in parts: applied together, at the last.
      const delta = sent ? parts.accept(full.seq, sent) : sent;
      if (delta === 'pending') return true;
      if (delta === null) return false;
      // The table this tick's change list applies to, when this store holds it.
      const base = delta && delta.base !== null && held && held.seq === delta.base ? held.rows : null;
      const next = appendSnapshot(history, snapshot, capacityOf(info?.historyCapacity));
      if (next === history) {
        // A tick already held: nothing changes, but the caller still learns whether its change list fitted.
        if (!delta) return whole !== null;
        return delta.base === null || (base !== null && applyDelta(base, delta) !== null);
      }
      let rows: ProcessRow[] | null | undefined = whole;
      let change: ProcessChange | undefined;
      if (delta) {
        const applied = base ? index.apply(base, delta) : null;
        rows = delta.base === null ? delta.rows : applied ? applied.rows : null;
        if (applied) change = { from: applied.from, added: applied.added, removed: applied.removed };
      }
      const patch: Partial<MonitorState> = { history: next, latest: snapshot };
      if (processSockets || talkerSockets.length > 0) patch.talkerSockets = processSockets ?? [];
      if (netOtherUsers || get().netOtherUsers) patch.netOtherUsers = netOtherUsers ?? null;
      if (rows) {
        patch.processes = change ? { seq: snapshot.seq, time: snapshot.time, rows, change } : { seq: snapshot.seq, time: snapshot.time, rows };
        if (watched) patch.watchedRing = appendRing(watchedRing, watched, rows, snapshot.time);
      }
      set(patch);
      return rows !== null;
    },
    setProcesses(snapshot) {
      if (!snapshot.processes) return;
      const held = get().processes;
      if (held && held.seq > snapshot.seq) return;
      set({ processes: { seq: snapshot.seq, time: snapshot.time, rows: snapshot.processes } });
    },
    setSocketWatch(list) {
      const key = (l: readonly WatchedProcess[]) => l.map((w) => `${w.pid}:${w.createTime}`).join(',');
      if (key(list) !== key(get().socketWatch)) set({ socketWatch: list });
    },
    watchProcess(target) {
      const { watched } = get();
      if (target && watched && target.pid === watched.pid && target.createTime === watched.createTime) return;
      set({ watched: target, watchedRing: [] });
    },
    loadHistory(snapshots) {
      const { history, info } = get();
      const next = mergeHistory(history, snapshots, capacityOf(info?.historyCapacity));
      if (next !== history) set({ history: next, latest: next[next.length - 1] ?? null });
    },
    setLong(snapshots) {
      set({ long: snapshots.length === 0 ? [] : boundLong(snapshots) });
    },
    setSystemInfo(systemInfo) {
      set({ systemInfo });
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
    setThemePreference(themePreference) {
      set({ themePreference });
    },
    toggleTheme() {
      const { themePreference, systemTheme } = get();
      set({ themePreference: resolveTheme(themePreference, systemTheme) === 'dark' ? 'light' : 'dark' });
    },
    updateSettings(patch) {
      set({ settings: { ...get().settings, ...patch } });
    },
    setPage(page) {
      if (page !== get().page) set({ page });
    },
    columnTopics: [],
    setColumnTopics(topics) {
      if (topics.join(',') !== get().columnTopics.join(',')) set({ columnTopics: topics });
    },
    togglePause() {
      const { frozen, history, long, latest, processes } = get();
      set({ frozen: frozen ? null : { history, long, latest, processes } });
    },
  }));
}

export function selectTheme(state: MonitorState): Theme {
  return resolveTheme(state.themePreference, state.systemTheme);
}

export const selectHistory = (s: MonitorState) => s.frozen?.history ?? s.history;
export const selectLong = (s: MonitorState) => s.frozen?.long ?? s.long;
export const selectLatest = (s: MonitorState) => (s.frozen ? s.frozen.latest : s.latest);
export const selectProcesses = (s: MonitorState) => (s.frozen ? s.frozen.processes : s.processes);
