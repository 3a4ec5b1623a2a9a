import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MonitorApi } from '../shared/api';
import { CHANNELS, EVENTS } from '../shared/channels';
import type { ApiErrorPayload, Result } from '../shared/errors';
import type { Snapshot } from '../shared/payloads';

// Exactly MonitorApi, one named function per operation: the page never gets
// ipcRenderer or a generic invoke, so it can reach nothing main did not list.

// contextBridge copies an Error's message but drops its other fields, so a
// rejection carries the error payload as a plain object, which it copies whole;
// the renderer's api module turns it back into an ApiError.
function settle<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const payload: ApiErrorPayload & { name: 'ApiError' } = { name: 'ApiError', ...r.error };
  throw payload;
}

const listeners = new Set<(s: Snapshot) => void>();

function onSnapshotEvent(_event: IpcRendererEvent, snapshot: Snapshot): void {
  for (const l of listeners) l(snapshot);
}

const api: MonitorApi = {
  getInfo: () => ipcRenderer.invoke(CHANNELS.getInfo).then((r: Result<Awaited<ReturnType<MonitorApi['getInfo']>>>) => settle(r)),
  getSnapshot: () => ipcRenderer.invoke(CHANNELS.getSnapshot).then((r: Result<Awaited<ReturnType<MonitorApi['getSnapshot']>>>) => settle(r)),
  getHistory: (request) => ipcRenderer.invoke(CHANNELS.getHistory, request).then((r: Result<Awaited<ReturnType<MonitorApi['getHistory']>>>) => settle(r)),
  setInterval: (request) => ipcRenderer.invoke(CHANNELS.setInterval, request).then((r: Result<Awaited<ReturnType<MonitorApi['setInterval']>>>) => settle(r)),
  setTopics: (request) => ipcRenderer.invoke(CHANNELS.setTopics, request).then((r: Result<Awaited<ReturnType<MonitorApi['setTopics']>>>) => settle(r)),
  getSystemInfo: () => ipcRenderer.invoke(CHANNELS.getSystemInfo).then((r: Result<Awaited<ReturnType<MonitorApi['getSystemInfo']>>>) => settle(r)),
  processAction: (request) =>
    ipcRenderer.invoke(CHANNELS.processAction, request).then((r: Result<Awaited<ReturnType<MonitorApi['processAction']>>>) => settle(r)),
  killTree: (request) => ipcRenderer.invoke(CHANNELS.killTree, request).then((r: Result<Awaited<ReturnType<MonitorApi['killTree']>>>) => settle(r)),
  getProcessDetails: (request) =>
    ipcRenderer.invoke(CHANNELS.getProcessDetails, request).then((r: Result<Awaited<ReturnType<MonitorApi['getProcessDetails']>>>) => settle(r)),
  getConnections: (request) =>
    ipcRenderer.invoke(CHANNELS.getConnections, request).then((r: Result<Awaited<ReturnType<MonitorApi['getConnections']>>>) => settle(r)),
  getSettings: () => ipcRenderer.invoke(CHANNELS.getSettings).then((r: Result<Awaited<ReturnType<MonitorApi['getSettings']>>>) => settle(r)),
  updateSettings: (patch) => ipcRenderer.invoke(CHANNELS.updateSettings, patch).then((r: Result<Awaited<ReturnType<MonitorApi['updateSettings']>>>) => settle(r)),
  getAlertHistory: () => ipcRenderer.invoke(CHANNELS.getAlertHistory).then((r: Result<Awaited<ReturnType<MonitorApi['getAlertHistory']>>>) => settle(r)),
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
