import { contextBridge, ipcRenderer } from 'electron';
import type { MonitorApi } from '../shared/api';
import { CHANNELS } from '../shared/channels';
import { settle, snapshotSubscription } from './bridge';
import type { Result } from '../shared/errors';

// The tray popup's preload: only the reads the Overview tiles need, one named
// function each. Main refuses every other operation from the popup's page as
// well, so this list is not the only fence.

/** The part of MonitorApi the popup gets. */
export type PopupApi = Pick<MonitorApi, 'getInfo' | 'getSnapshot' | 'getHistory' | 'setTopics' | 'onSnapshot'>;

const api: PopupApi = {
  getInfo: () => ipcRenderer.invoke(CHANNELS.getInfo).then((r: Result<Awaited<ReturnType<MonitorApi['getInfo']>>>) => settle(r)),
  getSnapshot: () => ipcRenderer.invoke(CHANNELS.getSnapshot).then((r: Result<Awaited<ReturnType<MonitorApi['getSnapshot']>>>) => settle(r)),
  getHistory: (request) => ipcRenderer.invoke(CHANNELS.getHistory, request).then((r: Result<Awaited<ReturnType<MonitorApi['getHistory']>>>) => settle(r)),
  setTopics: (request) => ipcRenderer.invoke(CHANNELS.setTopics, request).then((r: Result<Awaited<ReturnType<MonitorApi['setTopics']>>>) => settle(r)),
  onSnapshot: snapshotSubscription(),
};

contextBridge.exposeInMainWorld('procyon', api);
