import { CHANNELS, EVENTS, OPERATIONS, type Result, type Snapshot } from '../../shared';
import type { ClientApi } from '../core/api';
import { dispatch, type DispatchContext } from '../core/dispatch';

// The Electron surface is described by the few members used here, so the
// handler layer can be exercised in plain Node where the binary is missing.

export interface SenderFrame {
  url: string;
}

export interface SenderContents {
  id: number;
  mainFrame: SenderFrame;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface IpcEventLike {
  sender: SenderContents;
  senderFrame: SenderFrame | null;
}

export interface IpcMainLike {
  handle(channel: string, handler: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown;
}

/** Only our own page, in a window's top frame, may call: not an iframe, not a page it navigated to. */
export function isTrustedSender(event: IpcEventLike, trustedUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && trustedUrl(frame.url);
}

const UNTRUSTED: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC from an untrusted frame' } };

/** Each window is one client with its own MonitorApi (its own topics), created on first use, disposed with the window. */
export function bindIpc(ipc: IpcMainLike, connect: () => ClientApi, ctx: DispatchContext, trustedUrl: (url: string) => boolean): void {
  const clients = new Map<number, { api: ClientApi; unsubscribe: (() => void) | null }>();
  const clientOf = (wc: SenderContents) => {
    let c = clients.get(wc.id);
    if (!c) {
      c = { api: connect(), unsubscribe: null };
      clients.set(wc.id, c);
      wc.once('destroyed', () => {
        clients.get(wc.id)?.api.dispose();
        clients.delete(wc.id);
      });
    }
    return c;
  };

  for (const op of OPERATIONS) {
    ipc.handle(CHANNELS[op], async (event, ...args) => {
      if (!isTrustedSender(event, trustedUrl)) return UNTRUSTED;
      // Exactly one argument at most: a second one is as wrong as a bad first one.
      if (args.length > 1) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `${op} takes at most one argument` } };
      return dispatch(clientOf(event.sender).api, ctx, op, args[0]);
    });
  }

  ipc.on(EVENTS.subscribe, (event) => {
    if (!isTrustedSender(event, trustedUrl)) return;
    const wc = event.sender;
    const c = clientOf(wc);
    c.unsubscribe ??= c.api.onSnapshot((snapshot: Snapshot) => {
      if (!wc.isDestroyed()) wc.send(EVENTS.snapshot, snapshot);
    });
  });
  ipc.on(EVENTS.unsubscribe, (event) => {
    if (!isTrustedSender(event, trustedUrl)) return;
    const c = clients.get(event.sender.id);
    c?.unsubscribe?.();
    if (c) c.unsubscribe = null;
  });
}
