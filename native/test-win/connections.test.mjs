// net_connections on Windows, against sockets the tests open (a child
// node.exe's server and client pair, this process's UDP and IPv6 sockets),
// and against the host's /proc/net/tcp, which Wine's iphlpapi reads.
import test from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';

import * as c from './collector.mjs';
import * as host from './host.mjs';

const AF_INET = c.describe().constants.addressFamilies.AF_INET;
const AF_INET6 = c.describe().constants.addressFamilies.AF_INET6;
const { SOCK_STREAM, SOCK_DGRAM } = c.describe().constants.socketTypes;

// A node.exe with a listening server on 127.0.0.1 and a client connected to
// it; it writes both ports to `ports` once connected, then idles until killed.
const PAIR = `
const net = require('net'), fs = require('fs');
const server = net.createServer((s) => s.on('data', () => {})).listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => {
    fs.writeFileSync('ports.tmp', JSON.stringify({ port: server.address().port, clientPort: client.localPort }));
    fs.renameSync('ports.tmp', 'ports');
  });
});
setInterval(() => {}, 1000);
`;

async function startPair(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procyon-conn-'));
  const child = spawn(process.execPath, ['-e', PAIR], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  t.after(async () => {
    child.kill('SIGKILL');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = path.join(dir, 'ports');
  await host.waitFor(() => fs.existsSync(file));
  return { child, ...JSON.parse(fs.readFileSync(file, 'utf8')) };
}

const sameAddr = (a, b) => a !== null && b !== null && a.ip === b.ip && a.port === b.port;
const listening = (rows, port) => rows.find((r) => r.status === 'LISTEN' && r.laddr?.port === port);
const fromPort = (rows, local, remote) => rows.find((r) => r.laddr?.port === local && r.raddr?.port === remote);

test('netConnections: a child node.exe\'s listening socket and its established pair, as the host\'s /proc/net/tcp has them', async (t) => {
  const { child, port, clientPort } = await startPair(t);
  const rows = await c.netConnections({ kind: 'tcp4' });
  const hostRows = host.procNetTcp();

  const listen = listening(rows, port);
  assert.ok(listen, `LISTEN on ${port}`);
  assert.deepEqual({ ...listen, pid: 0 }, { fd: -1, family: AF_INET, type: SOCK_STREAM, laddr: { ip: '127.0.0.1', port }, raddr: null, status: 'LISTEN', pid: 0 });
  const client = fromPort(rows, clientPort, port);
  const server = fromPort(rows, port, clientPort);
  assert.ok(client && server, 'both ends of the pair');
  for (const end of [client, server]) {
    assert.equal(end.status, 'ESTABLISHED');
    assert.equal(end.laddr.ip, '127.0.0.1');
    assert.equal(end.raddr.ip, '127.0.0.1');
  }
  // The owner Wine resolves is the connecting side's: the child, not this process.
  assert.equal(client.pid, child.pid);
  // Wine reports 0 (psutil's "no owner") for listening and accepted sockets; Windows gives the child's pid.
  for (const end of [listen, server]) assert.ok([child.pid, 0].includes(end.pid), `pid ${end.pid}`);

  for (const row of [listen, client, server]) {
    const match = hostRows.find((h) => sameAddr(h.laddr, row.laddr) && h.status === row.status && (row.raddr === null ? h.raddr.port === 0 : sameAddr(h.raddr, row.raddr)));
    assert.ok(match, `${JSON.stringify(row)} in the host's /proc/net/tcp`);
  }
});

test('Process.netConnections: the child\'s own rows, without pid; not this process\'s', async (t) => {
  const { child, port, clientPort } = await startPair(t);
  const system = (await c.netConnections({ kind: 'inet' })).filter((r) => r.pid === child.pid);
  const own = await (await c.Process.create(child.pid)).netConnections({ kind: 'inet' });
  assert.ok(fromPort(own, clientPort, port), 'the client end');
  assert.deepEqual(own, system.map(({ pid: _pid, ...rest }) => rest));
  for (const row of own) assert.equal('pid' in row, false);
  const mine = await (await c.Process.create(process.pid)).netConnections({ kind: 'all' });
  assert.equal(mine.some((r) => r.laddr?.port === clientPort || r.laddr?.port === port), false);
});

test('netConnections kinds: a UDP socket is NONE with this pid, an IPv6 listener is AF_INET6, each only in its kinds; "unix" is not a Windows kind', async (t) => {
  const udp = dgram.createSocket('udp4');
  await new Promise((resolve) => udp.bind(0, '127.0.0.1', resolve));
  const server6 = net.createServer();
  await new Promise((resolve) => server6.listen(0, '::1', resolve));
  t.after(() => {
    udp.close();
    server6.close();
  });
  const udpPort = udp.address().port;
  const port6 = server6.address().port;
  const has = async (kind, pred) => (await c.netConnections({ kind })).some(pred);
  const isUdp = (r) => r.type === SOCK_DGRAM && r.laddr?.port === udpPort;
  const is6 = (r) => r.family === AF_INET6 && r.laddr?.port === port6;

  const udpRow = (await c.netConnections({ kind: 'udp4' })).find(isUdp);
  assert.deepEqual(udpRow, { fd: -1, family: AF_INET, type: SOCK_DGRAM, laddr: { ip: '127.0.0.1', port: udpPort }, raddr: null, status: 'NONE', pid: process.pid });
  const row6 = (await c.netConnections({ kind: 'tcp6' })).find(is6);
  assert.deepEqual({ ...row6, pid: 0 }, { fd: -1, family: AF_INET6, type: SOCK_STREAM, laddr: { ip: '::1', port: port6 }, raddr: null, status: 'LISTEN', pid: 0 });
  assert.ok(host.procNetTcp6LocalPorts().includes(port6), 'the host\'s /proc/net/tcp6 has the IPv6 listener');

  for (const kind of ['all', 'inet', 'udp', 'udp4', 'inet4']) assert.ok(await has(kind, isUdp), `udp in ${kind}`);
  for (const kind of ['tcp', 'tcp4', 'tcp6', 'udp6', 'inet6']) assert.equal(await has(kind, isUdp), false, `udp not in ${kind}`);
  for (const kind of ['all', 'inet', 'tcp', 'tcp6', 'inet6']) assert.ok(await has(kind, is6), `tcp6 in ${kind}`);
  for (const kind of ['tcp4', 'udp', 'inet4']) assert.equal(await has(kind, is6), false, `tcp6 not in ${kind}`);

  assert.equal(c.describe().constants.connectionKinds.includes('unix'), false);
  await assert.rejects(c.netConnections({ kind: 'unix' }), (err) => {
    const choices = err.message.split('choose between ')[1] ?? '';
    return err instanceof c.InvalidArgument && choices.includes("'inet6'") && !choices.includes("'unix'");
  });
});
