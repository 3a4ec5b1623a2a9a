import { CHANNELS, EVENTS, OPERATIONS, type MonitorApi, type Result, type Snapshot } from '../../shared';
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

export function bindIpc(ipc: IpcMainLike, api: MonitorApi, ctx: DispatchContext, trustedUrl: (url: string) => boolean): void {
  for (const op of OPERATIONS) {
    ipc.handle(CHANNELS[op], async (event, ...args) => {
      if (!isTrustedSender(event, trustedUrl)) return UNTRUSTED;
      // Exactly one argument at most: a second one is as wrong as a bad first one.
      if (args.length > 1) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `${op} takes at most one argument` } };
      return dispatch(api, ctx, op, args[0]);
    });
  }

  const subscribers = new Map<number, SenderContents>();
  let unsubscribe: (() => void) | null = null;
  const push = (snapshot: Snapshot) => {
    for (const wc of subscribers.values()) if (!wc.isDestroyed()) wc.send(EVENTS.snapshot, snapshot);
  };
  const drop = (id: number) => {
    subscribers.delete(id);
    if (subscribers.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };

  ipc.on(EVENTS.subscribe, (event) => {
    if (!isTrustedSender(event, trustedUrl)) return;
    const wc = event.sender;
    if (subscribers.has(wc.id)) return;
    subscribers.set(wc.id, wc);
    wc.once('destroyed', () => drop(wc.id));
    unsubscribe ??= api.onSnapshot(push);
  });
  ipc.on(EVENTS.unsubscribe, (event) => {
    if (!isTrustedSender(event, trustedUrl)) return;
    drop(event.sender.id);
  });
}
