import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS, type Snapshot } from '../../shared';
import { createMonitorApi } from '../core/api';
import { Collector } from '../core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../core/fixture-root.test-util';
import { Sampler } from '../core/sampler';
import { TopicRegistry } from '../core/topics';
import { windowPolicy } from './ipc-policy';
import { bindIpc, type IpcEventLike, type IpcMainLike, type SenderContents } from './ipc';

// The handler layer of Electron IPC, run in plain Node: the recorder below stands
// in for ipcMain (the Electron binary cannot run here), everything behind it is real.

const APP_URL = 'file:///opt/procyon/dist/renderer/index.html';

class RecordingIpc implements IpcMainLike {
  handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();
  handle(channel: string, h: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>) {
    this.handlers.set(channel, h);
  }
  on(channel: string, l: (event: IpcEventLike, ...args: unknown[]) => void) {
    this.listeners.set(channel, l);
  }
}

function contents(id: number, url = APP_URL): SenderContents & { sent: [string, unknown][]; destroy(): void } {
  let onDestroyed: (() => void) | null = null;
  let destroyed = false;
  return {
    id,
    mainFrame: { url },
    sent: [],
    send(channel, payload) {
      this.sent.push([channel, payload]);
    },
    isDestroyed: () => destroyed,
    once(_e, l) {
      onDestroyed = l;
    },
    destroy() {
      destroyed = true;
      onDestroyed?.();
    },
  };
}

async function setup(): Promise<{ ipc: RecordingIpc; sampler: Sampler; topics: TopicRegistry }> {
  const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
  const sampler = new Sampler(collector);
  await sampler.tick();
  await delivered();
  const facts = await collector.readStatic();
  const topics = new TopicRegistry();
  const ipc = new RecordingIpc();
  bindIpc(ipc, () => createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'electron', facts, roots: {}, topics }), { readOnly: false }, (u) => u === APP_URL);
  return { ipc, sampler, topics };
}

/** Ticks reach subscribers on the turn after the sampler's (setImmediate). */
const delivered = () => new Promise((r) => setImmediate(r));

describe('Electron IPC binding', () => {
  it('registers one handler per MonitorApi operation', async () => {
    const { ipc } = await setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
  });

  it('answers our top frame', async () => {
    const { ipc } = await setup();
    const wc = contents(1);
    const r = await ipc.handlers.get(CHANNELS.getHistory)!({ sender: wc, senderFrame: wc.mainFrame }, { seconds: 10 });
    expect(r).toMatchObject({ ok: true, value: [{ seq: 1 }] });
  });

  it('refuses a sub-frame and a foreign page', async () => {
    const { ipc } = await setup();
    const wc = contents(1);
    const iframe = { url: APP_URL };
    expect(await ipc.handlers.get(CHANNELS.getInfo)!({ sender: wc, senderFrame: iframe })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const evil = contents(2, 'https://evil.example/');
    expect(await ipc.handlers.get(CHANNELS.getInfo)!({ sender: evil, senderFrame: evil.mainFrame })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await ipc.handlers.get(CHANNELS.getInfo)!({ sender: wc, senderFrame: null })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('validates arguments like every transport', async () => {
    const { ipc } = await setup();
    const wc = contents(1);
    const ev = { sender: wc, senderFrame: wc.mainFrame };
    expect(await ipc.handlers.get(CHANNELS.setInterval)!(ev, { ms: 'fast' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await ipc.handlers.get(CHANNELS.getHistory)!(ev, { seconds: 5 }, 'extra')).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('pushes snapshots to subscribed windows only, and stops when they go away', async () => {
    const { ipc, sampler } = await setup();
    const a = contents(1);
    const b = contents(2);
    const foreign = contents(3, 'https://evil.example/');
    ipc.listeners.get(EVENTS.subscribe)!({ sender: a, senderFrame: a.mainFrame });
    ipc.listeners.get(EVENTS.subscribe)!({ sender: foreign, senderFrame: foreign.mainFrame });
    await sampler.tick();
    await delivered();
    expect(a.sent.map(([c, s]) => [c, (s as Snapshot).seq])).toEqual([[EVENTS.snapshot, 2]]);
    expect(b.sent).toEqual([]);
    expect(foreign.sent).toEqual([]);
    // What stays is the host's own live feed (one per sampler), not the window's subscription.
    const before = sampler.listenerCount('snapshot');
    a.destroy();
    expect(sampler.listenerCount('snapshot')).toBe(before - 1);
    await sampler.tick();
    await delivered();
    expect(a.sent).toHaveLength(1);
  });
});

describe('hidden windows and the popup', () => {
  it('holds back a hidden window’s topics and restores what its page last asked for', async () => {
    const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
    const sampler = new Sampler(collector);
    const facts = await collector.readStatic();
    const topics = new TopicRegistry();
    const ipc = new RecordingIpc();
    const binding = bindIpc(ipc, () => createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'electron', facts, roots: {}, topics }), { readOnly: false }, (u) => u === APP_URL);
    const wc = contents(7);
    const ev = { sender: wc, senderFrame: wc.mainFrame };
    await ipc.handlers.get(CHANNELS.setTopics)!(ev, { topics: ['processes', 'cpu'] });
    expect([...topics.union()].sort()).toEqual(['cpu', 'processes']);
    await binding.setVisible(7, false);
    expect(topics.union().size).toBe(0);
    // The page changes page while minimised: it is answered, and nothing is sampled for it yet.
    expect(await ipc.handlers.get(CHANNELS.setTopics)!(ev, { topics: ['network'] })).toEqual({ ok: true, value: { topics: ['network'] } });
    expect(topics.union().size).toBe(0);
    await binding.setVisible(7, true);
    expect([...topics.union()]).toEqual(['network']);
    await binding.setVisible(99, false); // a window that never called: nothing to do
    wc.destroy();
    expect(topics.union().size).toBe(0);
  });

  it('lets a page do only what the policy grants its URL', async () => {
    const POPUP_URL = 'file:///opt/procyon/dist/renderer/popup.html';
    const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
    const sampler = new Sampler(collector);
    await sampler.tick();
    await delivered();
    const facts = await collector.readStatic();
    const topics = new TopicRegistry();
    const ipc = new RecordingIpc();
    bindIpc(ipc, () => createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'electron', facts, roots: {}, topics }), { readOnly: false }, windowPolicy((u) => u === APP_URL, (u) => u === POPUP_URL));
    const popup = contents(8, POPUP_URL);
    const ev = { sender: popup, senderFrame: popup.mainFrame };
    expect(await ipc.handlers.get(CHANNELS.getHistory)!(ev, { seconds: 5 })).toMatchObject({ ok: true });
    expect(await ipc.handlers.get(CHANNELS.processAction)!(ev, { pid: 1, createTime: 0, action: { kind: 'kill' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await ipc.handlers.get(CHANNELS.updateSettings)!(ev, { closeToTray: false })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    ipc.listeners.get(EVENTS.subscribe)!(ev);
    await sampler.tick();
    await delivered();
    expect(popup.sent.map(([c]) => c)).toEqual([EVENTS.snapshot]);
    // The main window's page keeps everything.
    const main = contents(9);
    expect(await ipc.handlers.get(CHANNELS.getSettings)!({ sender: main, senderFrame: main.mainFrame })).toMatchObject({ ok: true });
  });
});
