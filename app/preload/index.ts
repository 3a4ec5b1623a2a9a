import { contextBridge } from 'electron';
import { bridge } from './bridge';

// Exactly MonitorApi, one named function per operation (made from the
// operations table): the page never gets ipcRenderer or a generic invoke, so
// it can reach nothing main did not list.
contextBridge.exposeInMainWorld('procyon', bridge());
