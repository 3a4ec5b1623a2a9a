import type { ApiMaker, MonitorApi, OperationName } from './operations';

// The part of the operations table a preload needs, free of the request
// schemas: a sandboxed preload is parsed on every window (the tray popup opens
// often), and with the schemas it would carry all of zod. The kinds themselves
// are not written here: the build computes them from OPERATION_TABLE
// (operationKinds() in operations.ts) and hands them in.

export type OperationKind = 'call' | 'stream';
export type OperationKinds = { readonly [K in OperationName]: OperationKind };

/** Electron IPC channel of a call (invoke/handle), named after it. */
export const callChannel = <K extends string>(op: K): `procyon:${K}` => `procyon:${op}`;

/** A stream's channels, main ↔ renderer: the event main sends, and the renderer's subscribe and unsubscribe. */
export const streamChannels = <K extends string>(name: K) =>
  ({ event: `procyon:event:${name}`, subscribe: `procyon:subscribe:${name}`, unsubscribe: `procyon:unsubscribe:${name}` }) as const;

/** What the tray popup's page may use: the Overview tiles' reads, nothing that changes anything. */
export const POPUP_OPERATIONS = ['getInfo', 'getSnapshot', 'getHistory', 'setTopics', 'onSnapshot'] as const satisfies readonly OperationName[];
export type PopupOperation = (typeof POPUP_OPERATIONS)[number];

/**
 * A MonitorApi (or the part of it named by `names`) with one named function per
 * operation, each made by the transport from the operation's kind: the only
 * place a transport's members are assembled, so none can be missing one.
 */
export function assembleApi<K extends OperationName = OperationName>(kinds: OperationKinds, make: ApiMaker, names: readonly K[] = Object.keys(kinds) as K[]): Pick<MonitorApi, K> {
  const api: Record<string, unknown> = {};
  for (const name of names) {
    // A kind read from the table decides which maker builds the member; the table's types say what each member is.
    api[name] = kinds[name] === 'call' ? make.call(name as never) : make.stream(name as never);
  }
  return api as Pick<MonitorApi, K>;
}
