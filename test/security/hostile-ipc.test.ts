import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, OPERATION_TABLE, OPERATIONS } from '../../app/shared';
import { createMonitorApi } from '../../app/main/core/api';
import { Collector } from '../../app/main/core/collector';
import { FIXTURE_PROC, FIXTURE_SYS } from '../../app/main/core/fixture-root.test-util';
import { Sampler } from '../../app/main/core/sampler';
import { TopicRegistry } from '../../app/main/core/topics';
import { bindIpc, type IpcEventLike, type IpcMainLike, type SenderContents } from '../../app/main/electron/ipc';
import { hostileInputs, VALID_REQUESTS } from './hostile-inputs';

// The hostile-input matrix through Electron's handler layer: a recorder stands
// in for ipcMain (the Electron binary cannot run here); bindIpc, dispatch and
// the api behind it are the real ones, over a captured /proc tree.

const APP_URL = 'file:///opt/procyon/dist/renderer/index.html';
// IPC has no message limit, so "huge" can be big.
const SIZES = { stringLength: 4 * 1024 * 1024, arrayLength: 1_000_000, depth: 5_000 };

type Handler = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

class RecordingIpc implements IpcMainLike {
  handlers = new Map<string, Handler>();
  listeners = new Map<string, (event: IpcEventLike, ...args: unknown[]) => void>();
  handle(channel: string, h: Handler) {
    this.handlers.set(channel, h);
  }
  on(channel: string, l: (event: IpcEventLike, ...args: unknown[]) => void) {
    this.listeners.set(channel, l);
  }
}

function contents(id: number, url = APP_URL): SenderContents & { sent: unknown[] } {
  return { id, mainFrame: { url }, sent: [], send(_c, p) { this.sent.push(p); }, isDestroyed: () => false, once: () => undefined };
}

async function setup() {
  const collector = new Collector({ procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS });
  const sampler = new Sampler(collector);
  await sampler.tick();
  const facts = await collector.readStatic();
  const topics = new TopicRegistry();
  const ipc = new RecordingIpc();
  const roots = { procfs: FIXTURE_PROC, sysfs: FIXTURE_SYS };
  bindIpc(ipc, () => createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'electron', facts, roots, topics }), { readOnly: false }, (u) => u === APP_URL);
  return ipc;
}

const ipcPromise = setup();
const tried: Record<string, number> = {};

afterAll(() => {
  console.log(`hostile inputs tried per operation over IPC:\n${Object.entries(tried).map(([op, n]) => `  ${op.padEnd(18)} ${n}`).join('\n')}`);
});

describe('every operation refuses hostile arguments over IPC, and the host keeps serving', () => {
  it('each valid example is valid, so every mutation of it is the only thing wrong', () => {
    for (const op of OPERATIONS) expect(OPERATION_TABLE[op].request.safeParse(VALID_REQUESTS[op]).success, op).toBe(true);
  });

  it.each(OPERATIONS)('%s', async (op) => {
    const ipc = await ipcPromise;
    const handler = ipc.handlers.get(CHANNELS[op])!;
    const wc = contents(1);
    const event = { sender: wc, senderFrame: wc.mainFrame };
    const inputs = hostileInputs(op, SIZES);
    const accepted: string[] = [];
    for (const input of inputs) {
      const reply = (await handler(event, input.value)) as { ok: boolean; error?: { code: string } };
      if (reply.ok || reply.error?.code !== 'INVALID_ARGUMENT') accepted.push(`${input.label} → ${JSON.stringify(reply).slice(0, 120)}`);
    }
    // A second argument is as wrong as a bad first one.
    const extra = (await handler(event, VALID_REQUESTS[op], 'extra')) as { ok: boolean; error?: { code: string } };
    if (extra.error?.code !== 'INVALID_ARGUMENT') accepted.push('second argument');
    expect(accepted).toEqual([]);
    tried[op] = inputs.length + 1;
    expect(tried[op]).toBeGreaterThanOrEqual(20);
    // Nothing leaked onto shared prototypes, and a valid call is still answered.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await ipc.handlers.get(CHANNELS.getHistory)!(event, { seconds: 10 })).toMatchObject({ ok: true, value: [{ seq: 1 }] });
  });
});

describe('IPC from anywhere but our page’s top frame is refused, for every operation', () => {
  it.each(OPERATIONS)('%s', async (op) => {
    const ipc = await ipcPromise;
    const handler = ipc.handlers.get(CHANNELS[op])!;
    const ours = contents(1);
    const foreign = contents(2, 'https://evil.example/');
    const sub = { url: APP_URL }; // our URL, but an iframe: not the window's main frame
    const otherFile = contents(3, 'file:///tmp/other.html');
    const arg = VALID_REQUESTS[op];
    for (const event of [
      { sender: ours, senderFrame: sub },
      { sender: foreign, senderFrame: foreign.mainFrame },
      { sender: ours, senderFrame: null },
      { sender: otherFile, senderFrame: otherFile.mainFrame },
    ]) {
      expect(await handler(event, arg)).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: 'IPC from an untrusted frame' } });
    }
  });
});
