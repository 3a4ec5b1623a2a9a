import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MonitorApi } from '../shared/api';
import { EVENTS } from '../shared/channels';
import type { ApiErrorPayload, Result } from '../shared/errors';
import type { Snapshot } from '../shared/payloads';

// What both preloads (the main window's and the tray popup's) bridge the same
// way. Each preload is bundled on its own, so this is inlined into each: no
// shared chunk for a sandboxed preload to fail to load.

/**
 * An operation's result, or a rejection with the error payload as a plain
 * object: contextBridge copies an Error's message but drops its other fields,
 * while it copies a plain object whole; the renderer's api module turns it
 * back into an ApiError.
 */
export function settle<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const payload: ApiErrorPayload & { name: 'ApiError' } = { name: 'ApiError', ...r.error };
  throw payload;
}

/** onSnapshot over the snapshot event: main is subscribed while at least one listener is. */
export function snapshotSubscription(): MonitorApi['onSnapshot'] {
  const listeners = new Set<(s: Snapshot) => void>();
  const onEvent = (_event: IpcRendererEvent, snapshot: Snapshot): void => {
    for (const l of listeners) l(snapshot);
  };
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError('onSnapshot needs a function');
    if (listeners.size === 0) {
      ipcRenderer.on(EVENTS.snapshot, onEvent);
      ipcRenderer.send(EVENTS.subscribe);
    }
    listeners.add(listener);
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      ipcRenderer.off(EVENTS.snapshot, onEvent);
      ipcRenderer.send(EVENTS.unsubscribe);
    };
  };
}
