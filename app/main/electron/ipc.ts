import { CHANNELS, OPERATIONS, STREAM_CHANNELS, STREAMS, type OperationName, type Result, type Snapshot } from '../../shared';
import type { ClientApi } from '../core/api';
import { dispatch, type DispatchContext } from '../core/dispatch';
import { gateTopics, type GatedClient } from './topic-gate';

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

/** What a page may do: a call, or subscribe to a stream, each by its name in the operations table. */
export type IpcRequest = OperationName;

/**
 * Decides by the page's URL and what it asks: the main window may do
 * everything, the tray popup only its few reads.
 */
export type TrustPolicy = (url: string, request: IpcRequest) => boolean;

/** Only our own page, in a window's top frame, may call: not an iframe, not a page it navigated to. */
export function isTrustedSender(event: IpcEventLike, trusted: TrustPolicy, request: IpcRequest): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && trusted(frame.url, request);
}

export interface IpcBinding {
  /**
   * Holds back (false) or restores (true) the topics of the page in the
   * webContents with this id, for a window minimised or hidden. A no-op for a
   * page that has not called yet: it starts visible when it does.
   */
  setVisible(webContentsId: number, visible: boolean): Promise<void>;
}

const UNTRUSTED: Result<never> = { ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC from an untrusted frame' } };

/** Each window is one client with its own MonitorApi (its own topics), created on first use, disposed with the window. */
export function bindIpc(ipc: IpcMainLike, connect: () => ClientApi, ctx: DispatchContext, trustedUrl: TrustPolicy): IpcBinding {
  const clients = new Map<number, { api: ClientApi; gate: GatedClient; subscriptions: Map<OperationName, () => void> }>();
  const clientOf = (wc: SenderContents) => {
    let c = clients.get(wc.id);
    if (!c) {
      const gate = gateTopics(connect());
      c = { api: gate.api, gate, subscriptions: new Map() };
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
      if (!isTrustedSender(event, trustedUrl, op)) return UNTRUSTED;
      // Exactly one argument at most: a second one is as wrong as a bad first one.
      if (args.length > 1) return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `${op} takes at most one argument` } };
      return dispatch(clientOf(event.sender).api, ctx, op, args[0]);
    });
  }

  for (const name of STREAMS) {
    const channels = STREAM_CHANNELS[name];
    ipc.on(channels.subscribe, (event) => {
      if (!isTrustedSender(event, trustedUrl, name)) return;
      const wc = event.sender;
      const c = clientOf(wc);
      if (c.subscriptions.has(name)) return;
      c.subscriptions.set(
        name,
        c.api[name]((payload: Snapshot) => {
          if (!wc.isDestroyed()) wc.send(channels.event, payload);
        }),
      );
    });
    ipc.on(channels.unsubscribe, (event) => {
      if (!isTrustedSender(event, trustedUrl, name)) return;
      const subscriptions = clients.get(event.sender.id)?.subscriptions;
      subscriptions?.get(name)?.();
      subscriptions?.delete(name);
    });
  }

  return {
    async setVisible(webContentsId, visible) {
      await clients.get(webContentsId)?.gate.setVisible(visible);
    },
  };
}
