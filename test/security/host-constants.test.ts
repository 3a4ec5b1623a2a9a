import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { constants, Process } from '@procyon/collector';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_PATH, type HostInfo, type ServerMessage } from '../../app/shared';
import { createMonitorApi, type ClientApi } from '../../app/main/core/api';
import { Collector } from '../../app/main/core/collector';
import { dispatch } from '../../app/main/core/dispatch';
import { Sampler } from '../../app/main/core/sampler';
import { TopicRegistry } from '../../app/main/core/topics';
import { startServer, type RunningServer } from '../../app/main/server/server';

// Which signals, resource limits and I/O classes exist is the host's fact, not
// a list in the contract: the real host (this machine's collector, live /proc)
// says what it has in HostInfo, refuses what it lacks with INVALID_ARGUMENT,
// and accepts what it has, through dispatch and through the serve WebSocket.

// A real signal name (BSD and macOS have it) that Linux lacks.
const FOREIGN_SIGNAL = 'SIGINFO';
const TOKEN = 'test-token-0123456789';

let sampler: Sampler;
let srv: RunningServer;
let staticDir: string;
let connect: () => ClientApi;
const spawned: ChildProcess[] = [];

beforeAll(async () => {
  const collector = new Collector({});
  sampler = new Sampler(collector);
  await sampler.tick();
  const facts = await collector.readStatic();
  const topics = new TopicRegistry();
  connect = () => createMonitorApi(sampler, { version: '1', readOnly: false, transport: 'websocket', facts, roots: {}, topics });
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Procyon</title>');
  srv = await startServer({ connect, staticDir, token: TOKEN, port: 0, readOnly: false });
});
afterAll(async () => {
  await srv.close();
  rmSync(staticDir, { recursive: true, force: true });
});
afterEach(() => {
  for (const c of spawned.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

async function sleeper(): Promise<{ child: ChildProcess; ref: { pid: number; createTime: number } }> {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  spawned.push(child);
  const p = await Process.create(child.pid!);
  return { child, ref: { pid: child.pid!, createTime: p.knownCreateTime } };
}

function exited(c: ChildProcess): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve(c.signalCode ?? c.exitCode);
    c.once('exit', (code, signal) => resolve(signal ?? code));
  });
}

function wsCall(op: string, arg: unknown): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${WS_PATH}`, { headers: { host: `127.0.0.1:${srv.port}`, authorization: `Bearer ${TOKEN}` } });
    ws.once('error', reject);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'call', id: 1, op, arg })));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as ServerMessage;
      if (m.type !== 'reply') return;
      ws.close();
      resolve(m);
    });
  });
}

describe('HostInfo carries the host’s constants', () => {
  it('the collector’s signals, resource limits and I/O classes', async () => {
    const api = connect();
    const info: HostInfo = await api.getInfo();
    api.dispose();
    expect(info.constants.signals.SIGTERM).toBe(os.constants.signals.SIGTERM);
    expect(info.constants.signals).not.toHaveProperty(FOREIGN_SIGNAL);
    expect(info.constants.rlimits.RLIMIT_NOFILE).toBe(constants.RLIMIT_NOFILE);
    expect(info.constants.ioprioClasses.IOPRIO_CLASS_BE).toBe(constants.IOPRIO_CLASS_BE);
    expect(info.constants.nice).toEqual({ min: -20, max: 19 });
    // Only the groups asked for: no other constant slips in.
    expect(Object.keys(info.constants.rlimits).every((k) => k.startsWith('RLIMIT_'))).toBe(true);
  });
});

describe('a process action is checked against the host’s constants', () => {
  const foreign = [
    ['a signal the host lacks', { kind: 'signal', signal: FOREIGN_SIGNAL }, 'action.signal', 'no signal SIGINFO'],
    ['a resource limit the host lacks', { kind: 'setRlimit', resource: 1000, soft: 1, hard: 1 }, 'action.resource', 'no resource limit 1000'],
    ['an I/O class the host lacks', { kind: 'ionice', ioclass: 900 }, 'action.ioclass', 'no I/O priority class 900'],
    ['a nice value outside the host range', { kind: 'renice', value: 25 }, 'action.value', 'go from -20 to 19'],
  ] as const;

  it.each(foreign)('%s → INVALID_ARGUMENT via dispatch, and the process is untouched', async (_, action, at, words) => {
    const { child, ref } = await sleeper();
    const api = connect();
    const r = await dispatch(api, { readOnly: false }, 'processAction', { ...ref, action });
    api.dispose();
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', issues: [{ path: at, message: expect.stringContaining(words) }] } });
    expect(child.signalCode).toBeNull();
  });

  it.each(foreign)('%s → INVALID_ARGUMENT via the WebSocket', async (_, action, at, words) => {
    const { child, ref } = await sleeper();
    const reply = await wsCall('processAction', { ...ref, action });
    expect(reply).toMatchObject({ type: 'reply', ok: false, error: { code: 'INVALID_ARGUMENT', issues: [{ path: at, message: expect.stringContaining(words) }] } });
    expect(child.signalCode).toBeNull();
  });

  // SIGPOLL is Linux's other name for SIGIO: not in the list the contract used
  // to hard-code, but a signal this host has, so it is sent.
  it('a signal the host has is sent, whether or not a fixed list knew it (dispatch and WebSocket)', async () => {
    expect(os.constants.signals).toHaveProperty('SIGPOLL');
    const a = await sleeper();
    const api = connect();
    expect(await dispatch(api, { readOnly: false }, 'processAction', { ...a.ref, action: { kind: 'signal', signal: 'SIGPOLL' } })).toEqual({ ok: true, value: { ok: true } });
    api.dispose();
    expect(await exited(a.child)).toBe('SIGIO');
    const b = await sleeper();
    expect(await wsCall('processAction', { ...b.ref, action: { kind: 'signal', signal: 'SIGPOLL' } })).toMatchObject({ type: 'reply', ok: true });
    expect(await exited(b.child)).toBe('SIGIO');
  });
});
