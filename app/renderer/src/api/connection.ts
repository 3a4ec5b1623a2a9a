/** 'refused': the host does not accept this page's token; retrying cannot help (see ws-client.ts). */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'refused';

/** Observable transport health, so the UI can tell "live" from "stale". */
export interface ConnectionSource {
  get(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

/** Electron IPC has no connection to lose: it is open for the window's lifetime. */
export const alwaysOpen: ConnectionSource = {
  get: () => 'open',
  subscribe: () => () => {},
};
