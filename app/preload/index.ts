import { contextBridge, ipcRenderer } from 'electron';
import type { MonitorApi } from '../shared/api';
import { CHANNELS } from '../shared/channels';
import { settle, snapshotSubscription } from './bridge';
import type { Result } from '../shared/errors';

// Exactly MonitorApi, one named function per operation: the page never gets
// ipcRenderer or a generic invoke, so it can reach nothing main did not list.

const api: MonitorApi = {
  getInfo: () => ipcRenderer.invoke(CHANNELS.getInfo).then((r: Result<Awaited<ReturnType<MonitorApi['getInfo']>>>) => settle(r)),
  getSnapshot: () => ipcRenderer.invoke(CHANNELS.getSnapshot).then((r: Result<Awaited<ReturnType<MonitorApi['getSnapshot']>>>) => settle(r)),
  getProcessTable: () => ipcRenderer.invoke(CHANNELS.getProcessTable).then((r: Result<Awaited<ReturnType<MonitorApi['getProcessTable']>>>) => settle(r)),
  getHistory: (request) => ipcRenderer.invoke(CHANNELS.getHistory, request).then((r: Result<Awaited<ReturnType<MonitorApi['getHistory']>>>) => settle(r)),
  setInterval: (request) => ipcRenderer.invoke(CHANNELS.setInterval, request).then((r: Result<Awaited<ReturnType<MonitorApi['setInterval']>>>) => settle(r)),
  setTopics: (request) => ipcRenderer.invoke(CHANNELS.setTopics, request).then((r: Result<Awaited<ReturnType<MonitorApi['setTopics']>>>) => settle(r)),
  getSystemInfo: () => ipcRenderer.invoke(CHANNELS.getSystemInfo).then((r: Result<Awaited<ReturnType<MonitorApi['getSystemInfo']>>>) => settle(r)),
  processAction: (request) =>
    ipcRenderer.invoke(CHANNELS.processAction, request).then((r: Result<Awaited<ReturnType<MonitorApi['processAction']>>>) => settle(r)),
  killTree: (request) => ipcRenderer.invoke(CHANNELS.killTree, request).then((r: Result<Awaited<ReturnType<MonitorApi['killTree']>>>) => settle(r)),
  getProcessDetails: (request) =>
    ipcRenderer.invoke(CHANNELS.getProcessDetails, request).then((r: Result<Awaited<ReturnType<MonitorApi['getProcessDetails']>>>) => settle(r)),
  getProcessText: (request) =>
    ipcRenderer.invoke(CHANNELS.getProcessText, request).then((r: Result<Awaited<ReturnType<MonitorApi['getProcessText']>>>) => settle(r)),
  getConnections: (request) =>
    ipcRenderer.invoke(CHANNELS.getConnections, request).then((r: Result<Awaited<ReturnType<MonitorApi['getConnections']>>>) => settle(r)),
  getProcessHistory: (request) =>
    ipcRenderer.invoke(CHANNELS.getProcessHistory, request).then((r: Result<Awaited<ReturnType<MonitorApi['getProcessHistory']>>>) => settle(r)),
  getSettings: () => ipcRenderer.invoke(CHANNELS.getSettings).then((r: Result<Awaited<ReturnType<MonitorApi['getSettings']>>>) => settle(r)),
  updateSettings: (patch) => ipcRenderer.invoke(CHANNELS.updateSettings, patch).then((r: Result<Awaited<ReturnType<MonitorApi['updateSettings']>>>) => settle(r)),
  getAlertHistory: () => ipcRenderer.invoke(CHANNELS.getAlertHistory).then((r: Result<Awaited<ReturnType<MonitorApi['getAlertHistory']>>>) => settle(r)),
  onSnapshot: snapshotSubscription(),
};

contextBridge.exposeInMainWorld('procyon', api);
