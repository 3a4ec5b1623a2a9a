// Windows services against Wine's own: the oracles are the prefix's registry
// (`reg query HKLM\System\CurrentControlSet\Services /s`: what the service
// manager loads its configuration from) and Wine's `sc query <name>` (the
// service manager's state), both run from node.exe. A service this test
// starts and stops (Wine's print spooler, stopped and manual in a fresh
// prefix) changes state as `sc query` reports.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import * as c from './collector.mjs';

const SERVICES_KEY = 'HKLM\\System\\CurrentControlSet\\Services';
// SERVICE_WIN32_OWN_PROCESS, SERVICE_WIN32_SHARE_PROCESS (either may add SERVICE_INTERACTIVE_PROCESS): what winServiceIter lists.
const isWin32Type = (type) => (type & 0x30) !== 0;
const START_TYPES = { 2: 'automatic', 3: 'manual', 4: 'disabled' };
const SC_STATES = {
  RUNNING: 'running', PAUSED: 'paused', START_PENDING: 'start_pending', PAUSE_PENDING: 'pause_pending',
  CONTINUE_PENDING: 'continue_pending', STOP_PENDING: 'stop_pending', STOPPED: 'stopped',
};

function run(exe, args) {
  const result = spawnSync(exe, args, { encoding: 'utf8', timeout: 60_000 });
  assert.equal(result.status, 0, `${exe} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.replace(/\r\n/g, '\n');
}

/** Every service key's values: {name: {DisplayName, ImagePath, ObjectName, Start, Type, Description}}. */
function registryServices() {
  const out = {};
  let current = null;
  for (const line of run('reg.exe', ['query', SERVICES_KEY, '/s']).split('\n')) {
    const key = /^HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Services\\([^\\]+)$/i.exec(line.trim());
    if (key) {
      current = out[key[1]] = {};
      continue;
    }
    if (/^HKEY_/.test(line.trim())) current = null; // a subkey (Performance, Parameters): not the service's values
    const value = /^\s+(\S+)\s+(REG_SZ|REG_EXPAND_SZ|REG_DWORD)\s+(.*)$/.exec(line);
    if (current && value) current[value[1]] = value[2] === 'REG_DWORD' ? Number(value[3]) : value[3];
  }
  return out;
}

/** Wine's `sc query <name>` state, in psutil's spelling. */
function scState(name) {
  const state = /STATE\s*:\s*\d+\s+(\w+)/.exec(run('sc.exe', ['query', name]))?.[1];
  assert.ok(state in SC_STATES, `sc query ${name}: ${state}`);
  return SC_STATES[state];
}

async function until(predicate, what) {
  const deadline = Date.now() + 60_000;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('winServiceIter: every Win32 service in the registry, each with its configuration as the registry holds it and its state as sc query reports', async () => {
  const registry = registryServices();
  const services = await c.winServiceIter();
  const byName = new Map(services.map((s) => [s.name.toLowerCase(), s]));
  const fields = c.describe().records.WinService;
  for (const service of services) assert.deepEqual(Object.keys(service), fields);

  const win32 = Object.entries(registry).filter(([, values]) => isWin32Type(values.Type ?? 0));
  assert.ok(win32.length >= 10, `${win32.length} Win32 services in the registry`);
  for (const [name, values] of win32) {
    const service = byName.get(name.toLowerCase());
    assert.ok(service, `${name} is listed`);
    assert.equal(service.displayName, values.DisplayName ?? name, name);
    assert.equal(service.binpath, values.ImagePath, name);
    assert.equal(service.username, values.ObjectName, name);
    assert.equal(service.startType, START_TYPES[values.Start], name);
    assert.equal(service.description, values.Description ?? '', name);
  }
  // Wine's own, named so that an empty or truncated registry read cannot pass the loop above vacuously.
  for (const name of ['RpcSs', 'PlugPlay', 'Spooler', 'Eventlog']) assert.ok(win32.some(([n]) => n === name), name);

  for (const service of services) {
    if (service.name === 'Spooler') continue; // the start/stop test below may move it
    assert.equal(service.status, scState(service.name), service.name);
    assert.equal(service.pid !== null, service.status === 'running', `${service.name}: pid ${service.pid}`);
  }
  const rpcss = byName.get('rpcss');
  assert.equal(rpcss.status, 'running');
  assert.equal(await (await c.Process.create(rpcss.pid)).name(), 'rpcss.exe');
});

test('winServiceGet: the same record as the list; a driver by name; systemSnapshot carries the list as a topic', async () => {
  const listed = (await c.winServiceIter()).find((s) => s.name === 'RpcSs');
  assert.deepEqual(await c.winServiceGet('RpcSs'), listed);
  // psutil looks names up case-insensitively, as the service manager does; the record keeps the name asked.
  assert.equal((await c.winServiceGet('rpcss')).displayName, listed.displayName);

  const mountmgr = registryServices().MountMgr;
  const driver = await c.winServiceGet('MountMgr');
  assert.equal(driver.binpath, mountmgr.ImagePath);
  assert.equal(driver.startType, START_TYPES[mountmgr.Start] ?? 'unknown');
  assert.equal(driver.status, scState('MountMgr'));

  const snap = await c.systemSnapshot({ topics: ['winServiceIter'] });
  assert.ok(snap.winServiceIter.services.some((s) => s.name === 'PlugPlay' && s.status === 'running'));
  assert.equal(c.capabilities().winServiceIter, true);
});

test('a missing service is NoSuchProcess naming it; a name no service can have is InvalidArgument, never a call', async () => {
  for (const call of [c.winServiceGet, c.winServiceStart, c.winServiceStop]) {
    await assert.rejects(call('ProcyonNoSuchService'), (err) => err instanceof c.NoSuchProcess && err.code === 'NO_SUCH_PROCESS' && err.processName === 'ProcyonNoSuchService');
    for (const bad of ['', 'x'.repeat(257), 'RpcSs\\..', 'a/b', 'Rpc\0Ss', 'Rpc\nSs']) {
      await assert.rejects(call(bad), (err) => err instanceof c.InvalidArgument, JSON.stringify(bad));
    }
    await assert.rejects(call(42), (err) => err instanceof c.InvalidArgument);
  }
});

test('winServiceStart / winServiceStop: Wine’s spooler runs, with its spoolsv.exe as pid, then stops, as sc query reports', async (t) => {
  const name = 'Spooler';
  const status = async () => (await c.winServiceGet(name)).status;
  t.after(async () => {
    if (scState(name) === 'running') await c.winServiceStop(name).catch(() => {});
  });
  if (scState(name) !== 'stopped') {
    await c.winServiceStop(name).catch(() => {});
    await until(() => scState(name) === 'stopped', `${name} stopped before the test`);
  }
  assert.equal(await status(), 'stopped');
  assert.equal((await c.winServiceGet(name)).pid, null);

  await c.winServiceStart(name);
  await until(() => scState(name) === 'running', `sc query: ${name} running`);
  const running = await c.winServiceGet(name);
  assert.equal(running.status, 'running');
  assert.equal(await (await c.Process.create(running.pid)).name(), 'spoolsv.exe');
  await assert.rejects(c.winServiceStart(name), (err) => err.code === 'IO_ERROR' && /already running/i.test(err.message));

  await c.winServiceStop(name);
  await until(() => scState(name) === 'stopped', `sc query: ${name} stopped`);
  const stopped = await c.winServiceGet(name);
  assert.equal(stopped.status, 'stopped');
  assert.equal(stopped.pid, null);
  await until(async () => !(await c.pidExists(running.pid)), 'spoolsv.exe gone');
});
