import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiErrorPayload, Result } from '../shared/errors';
import { assembleApi, callChannel, streamChannels, type OperationKinds } from '../shared/operation-kinds';
import type { MonitorApi, MonitorOperation, OperationName, ReplyOf, RequestOf, StreamName } from '../shared/operations';

/** Each operation's kind, computed from the operations table by the build (vite.preload.config.mts, vitest.config.mts). */
declare const __PROCYON_OPERATION_KINDS__: OperationKinds;

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

/**
 * One named function per call, bound to that call's channel: the page can
 * reach only the channels listed here, never an arbitrary one. At most one
 * argument travels (main refuses more anyway).
 */
function invoker<K extends MonitorOperation>(op: K): (request: RequestOf<K>) => Promise<ReplyOf<K>> {
  const channel = callChannel(op);
  return (request) => (request === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, request)).then((r: Result<ReplyOf<K>>) => settle(r));
}

/** A stream over its event: main is subscribed while at least one listener is. */
function subscription(name: StreamName): MonitorApi[StreamName] {
  const channels = streamChannels(name);
  const listeners = new Set<Parameters<MonitorApi[StreamName]>[0]>();
  const onEvent = (_event: IpcRendererEvent, payload: Parameters<Parameters<MonitorApi[StreamName]>[0]>[0]): void => {
    for (const l of listeners) l(payload);
  };
  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError(`${name} needs a function`);
    if (listeners.size === 0) {
      ipcRenderer.on(channels.event, onEvent);
      ipcRenderer.send(channels.subscribe);
    }
    listeners.add(listener);
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      ipcRenderer.off(channels.event, onEvent);
      ipcRenderer.send(channels.unsubscribe);
    };
  };
}

/** The part of MonitorApi named by `names`, one function per operation, made from the operations table. */
export function bridge<K extends OperationName>(names?: readonly K[]): Pick<MonitorApi, K> {
  return assembleApi(__PROCYON_OPERATION_KINDS__, { call: invoker, stream: subscription }, names);
}
