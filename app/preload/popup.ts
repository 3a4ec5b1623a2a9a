import { contextBridge } from 'electron';
import { POPUP_OPERATIONS, type PopupOperation } from '../shared/operation-kinds';
import type { MonitorApi } from '../shared/operations';
import { bridge } from './bridge';

// The tray popup's preload: only the reads the Overview tiles need, one named
// function each. Main refuses every other operation from the popup's page as
// well (ipc-policy.ts, from the same list), so this is not the only fence.

/** The part of MonitorApi the popup gets. */
export type PopupApi = Pick<MonitorApi, PopupOperation>;

const api: PopupApi = bridge(POPUP_OPERATIONS);
contextBridge.exposeInMainWorld('procyon', api);
