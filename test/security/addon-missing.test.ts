import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WS_PATH, type ServerMessage } from '../../app/shared';
import { ensureCliBuilt, REPO } from './cli-build';

// The native addon cannot load (simulated with PROCYON_ADDON_PATH naming a
// file that is not there): the CLI commands fail in one clear line, and serve
// starts anyway so its page can say what is wrong.

const MISSING = '/nonexistent/procyon_collector.node';
const env = { ...process.env, PROCYON_ADDON_PATH: MISSING };
const REASON = `there is no native addon at ${MISSING} (named by PROCYON_ADDON_PATH)`;

function procyon(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), ...args], { cwd: REPO, env, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => ensureCliBuilt(), 150_000);

describe('CLI commands without the addon', () => {
  it.each([['snapshot'], ['snapshot', '--json'], ['ps'], ['proc', '1'], ['terminate', '4194304'], ['kill', '4194304', '--yes'], ['renice', '4194304', '5']])('procyon %s exits 1 with one line saying why', (...args) => {
    const r = procyon(args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`procyon: ADDON_UNAVAILABLE: ${REASON}\n`);
  });

  it('help and version still work', () => {
    expect(procyon(['--version'])).toMatchObject({ status: 0, stderr: '' });
    expect(procyon(['--help'])).toMatchObject({ status: 0, stderr: '' });
  });

  it('serve --metrics-only has nothing to serve: exits 1 saying why', () => {
    const r = procyon(['serve', '--metrics-only', '--port', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`procyon: ADDON_UNAVAILABLE: ${REASON}\n`);
  });
});

describe('procyon serve without the addon', () => {
  let child: ChildProcess;
  let url: URL;
  let stderr = '';

  beforeAll(async () => {
    child = spawn(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), 'serve', '--port', '0', '--no-settings'], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/\S+#token=\S+)/.exec(out);
        if (m) resolve(new URL(m[1]!));
      });
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
  }, 30_000);
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('starts, and says on stderr that no data will be collected', () => {
    expect(stderr).toContain(`procyon: ADDON_UNAVAILABLE: ${REASON}`);
    expect(stderr).toContain('Serving a page that explains this');
  });

  it('serves the page', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { headers: { host: url.host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it('answers every call with ADDON_UNAVAILABLE and the loader’s reason', async () => {
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    const ws = new WebSocket(`ws://${url.host}${WS_PATH}`, { headers: { host: url.host, authorization: `Bearer ${token}` } });
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const replies: ServerMessage[] = [];
    const done = new Promise<void>((resolve) =>
      ws.on('message', (d: WebSocket.RawData) => {
        replies.push(JSON.parse(d.toString()) as ServerMessage);
        if (replies.length === 2) resolve();
      }),
    );
    ws.send(JSON.stringify({ type: 'call', id: 1, op: 'getInfo' }));
    ws.send(JSON.stringify({ type: 'call', id: 2, op: 'getHistory', arg: { seconds: 10 } }));
    await done;
    ws.close();
    for (const id of [1, 2]) {
      expect(replies.find((r) => r.type === 'reply' && r.id === id)).toEqual({ type: 'reply', id, ok: false, error: { code: 'ADDON_UNAVAILABLE', message: REASON } });
    }
  });
});
