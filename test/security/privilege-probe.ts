// Run as the unprivileged user by privilege.test.ts (bundled first): the real
// host and dispatch, acting on and reading a root-owned process. Prints what
// each call answered as JSON; the test, as root, checks nothing changed.

import { startHost } from '../../app/main/core/host';
import { dispatch } from '../../app/main/core/dispatch';

const [pid, createTime] = process.argv.slice(2).map(Number) as [number, number];
const target = { pid, createTime };

const ACTIONS = [
  { kind: 'terminate' },
  { kind: 'kill' },
  { kind: 'suspend' },
  { kind: 'signal', signal: 'SIGSTOP' },
  { kind: 'renice', value: 10 },
  { kind: 'ionice', ioclass: 3 },
  { kind: 'setAffinity', cpus: [0] },
  { kind: 'setRlimit', resource: 7, soft: 64, hard: 64 },
];

async function main() {
  const host = await startHost({ transport: 'websocket', settingsFile: null });
  const api = host.connect();
  const ctx = { readOnly: false };
  const actions: Record<string, unknown> = {};
  for (const action of ACTIONS) {
    actions[action.kind === 'signal' ? `signal ${action.signal}` : action.kind] = await dispatch(api, ctx, 'processAction', { ...target, action });
  }
  const killTree = await dispatch(api, ctx, 'killTree', { ...target, timeout: 0.5 });
  const details = await dispatch(api, ctx, 'getProcessDetails', target);
  api.dispose();
  host.stop();
  console.log(JSON.stringify({ uid: process.getuid?.(), actions, killTree, details }));
  process.exit(0);
}

void main();
