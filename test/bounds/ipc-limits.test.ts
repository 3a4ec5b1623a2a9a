import { describe, expect, it } from 'vitest';
import { CHANNELS, CLIENT_CALLS_IN_FLIGHT, CLIENT_CALLS_QUEUED, type Result } from '../../app/shared';
import { createMonitorApi } from '../../app/main/core/api';
import { Collector } from '../../app/main/core/collector';
import { Sampler } from '../../app/main/core/sampler';
import { TopicRegistry } from '../../app/main/core/topics';
import { bindIpc, type IpcEventLike, type IpcMainLike, type SenderContents } from '../../app/main/electron/ipc';

// Electron IPC reaches the host through the same core (createMonitorApi per
// window), so a window flooding getConnections meets the same per-client
// limits as a WebSocket client: the rest of its calls are refused BUSY. A
// recorder stands in for ipcMain (the Electron binary cannot run here).

const APP_URL = 'file:///opt/procyon/dist/renderer/index.html';

describe('a window flooding getConnections over IPC', () => {
  it('gets CLIENT_CALLS_IN_FLIGHT + CLIENT_CALLS_QUEUED calls taken on, the rest BUSY', async () => {
    const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
    const ipc: IpcMainLike = { handle: (c, h) => void handlers.set(c, h), on: () => {} };
    const collector = new Collector({});
    const sampler = new Sampler(collector);
    const facts = await collector.readStatic();
    const topics = new TopicRegistry();
    bindIpc(ipc, () => createMonitorApi(sampler, { version: '1', readOnly: true, transport: 'electron', facts, roots: {}, topics }), { readOnly: true }, (u) => u === APP_URL);
    const sender: SenderContents = { id: 1, mainFrame: { url: APP_URL }, send: () => {}, isDestroyed: () => false, once: () => {} };
    const event = { sender, senderFrame: sender.mainFrame } as IpcEventLike;

    const results = (await Promise.all(Array.from({ length: 40 }, () => handlers.get(CHANNELS.getConnections)!(event, { kind: 'all' })))) as Result<unknown>[];
    const busy = results.filter((r) => !r.ok && r.error.code === 'BUSY').length;
    expect(results.filter((r) => r.ok)).toHaveLength(CLIENT_CALLS_IN_FLIGHT + CLIENT_CALLS_QUEUED);
    expect(busy).toBe(40 - CLIENT_CALLS_IN_FLIGHT - CLIENT_CALLS_QUEUED);
  });
});
