import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MonitorApi } from '../shared/api';
import { CHANNELS, EVENTS } from '../shared/channels';
import type { ApiErrorPayload, Result } from '../shared/errors';
import type { Snapshot } from '../shared/payloads';

// The tray popup's preload: only the reads the Overview tiles need, one named
// function each. Main refuses every other operation from the popup's page as
// well, so this list is not the only fence.

/** The part of MonitorApi the popup gets. */
export type PopupApi = Pick<MonitorApi, 'getInfo' | 'getSnapshot' | 'getHistory' | 'setTopics' | 'onSnapshot'>;

// As in the main preload: a rejection carries the error payload as a plain object, which contextBridge copies whole.
function settle<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const payload: ApiErrorPayload & { name: 'ApiError' } = { name: 'ApiError', ...r.error };
  throw payload;
}

const listeners = new Set<(s: Snapshot) => void>();

function onSnapshotEvent(_event: IpcRendererEvent, snapshot: Snapshot): void {
  for (const l of listeners) l(snapshot);
}

const api: PopupApi = {
  getInfo: () => ipcRenderer.invoke(CHANNELS.getInfo).then((r: Result<Awaited<ReturnType<MonitorApi['getInfo']>>>) => settle(r)),
  getSnapshot: () => ipcRenderer.invoke(CHANNELS.getSnapshot).then((r: Result<Awaited<ReturnType<MonitorApi['getSnapshot']>>>) => settle(r)),
  getHistory: (request) => ipcRenderer.invoke(CHANNELS.getHistory, request).then((r: Result<Awaited<ReturnType<MonitorApi['getHistory']>>>) => settle(r)),
  setTopics: (request) => ipcRenderer.invoke(CHANNELS.setTopics, request).then((r: Result<Awaited<ReturnType<MonitorApi['setTopics']>>>) => settle(r)),
  onSnapshot(listener) {
    if (typeof listener !== 'function') throw new TypeError('onSnapshot needs a function');
    if (listeners.size === 0) {
      ipcRenderer.on(EVENTS.snapshot, onSnapshotEvent);
      ipcRenderer.send(EVENTS.subscribe);
    }
    listeners.add(listener);
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      ipcRenderer.off(EVENTS.snapshot, onSnapshotEvent);
      ipcRenderer.send(EVENTS.unsubscribe);
    };
  },
};

contextBridge.exposeInMainWorld('procyon', api);
