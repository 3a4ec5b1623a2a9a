import { describe, expect, it } from 'vitest';
import { ApiError, CHANNELS, OPERATIONS } from '../../app/shared';
import { unavailableApi } from '../../app/main/core/unavailable-host';
import { bindIpc, type IpcEventLike, type IpcMainLike } from '../../app/main/electron/ipc';
import { VALID_REQUESTS } from './hostile-inputs';

// What Electron's window gets when the addon cannot load: startHost hands out
// unavailableApi, and every operation through the real IPC handlers says why,
// which the renderer shows as a full page (e2e/browser/addon-missing.spec.ts
// shows the same page in serve mode, addon-missing.test.ts the CLI).

const APP_URL = 'file:///opt/procyon/dist/renderer/index.html';
const FAILURE = new ApiError({ code: 'ADDON_UNAVAILABLE', message: 'the native addon /x.node cannot be loaded: invalid ELF header' });

describe('a host whose collector cannot load, over IPC', () => {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (c, h) => void handlers.set(c, h), on: () => undefined };
  bindIpc(ipc, () => unavailableApi(FAILURE), { readOnly: false }, (u) => u === APP_URL);
  const sender = { id: 1, mainFrame: { url: APP_URL }, send: () => undefined, isDestroyed: () => false, once: () => undefined };
  const event = { sender, senderFrame: sender.mainFrame };

  it.each(OPERATIONS)('%s rejects with ADDON_UNAVAILABLE and the reason', async (op) => {
    expect(await handlers.get(CHANNELS[op])!(event, VALID_REQUESTS[op])).toEqual({ ok: false, error: FAILURE.toPayload() });
  });

  it('still validates first: a malformed call is INVALID_ARGUMENT, not the load failure', async () => {
    expect(await handlers.get(CHANNELS.getHistory)!(event, { seconds: 'all' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('a subscription is accepted and never fires', () => {
    const off = unavailableApi(FAILURE).onSnapshot(() => {
      throw new Error('no snapshot can come');
    });
    expect(off).toBeTypeOf('function');
    off();
  });
});
