import os from 'node:os';
import path from 'node:path';
import { startHost, type Host } from '../core/host';
import { toApiErrorPayload } from '../core/errors';
import { collectorUnavailable } from '../core/unavailable-host';
import { VERSION } from '../core/version';
import { isLoopback } from '../server/auth';
import { MetricsExporter } from '../server/metrics-exporter';
import { listenerToken, startMetricsServer } from '../server/metrics-http';
import { portInUse, PortInUseError } from '../server/port-in-use';
import { startServer } from '../server/server';
import { serveToken, TokenFileError, type ServeToken } from '../server/token-store';
import { installServePolicy } from './serve-policy';
import { userExists } from './user-exists';
import { defaultSettingsFile, GROUP_COMMANDS, METRICS_TOKEN_PATTERN, parseCommand, USAGE, UsageError, type Command } from './args';
import { formatSnapshotText } from './report';
import { collectSnapshot } from './snapshot';
import { collectCapabilities, formatCapabilities } from './capabilities';
import { arrangePs, collectPs, formatPs } from './ps';
import { arrangeApps, collectApps, formatApps, resolveGroup } from './apps';
import { CgroupController } from '../core/cgroup-control';
import { collectProc } from '../core/process-details';
import { formatProc } from './proc-format';
import { terminalJson, terminalSafe } from '../../shared/terminal-text';
import { stopOnSignals } from './shutdown';
import { ProcessController } from '../core/control';
import { hostConstants } from '../core/host-constants';
import { reniceValue } from './renice-value';
import * as native from '@procyon/collector';

function rootsOf(cmd: { procfs?: string; sysfs?: string }) {
  return { ...(cmd.procfs !== undefined && { procfs: cmd.procfs }), ...(cmd.sysfs !== undefined && { sysfs: cmd.sysfs }) };
}

/** --metrics-token, else PROCYON_METRICS_TOKEN (which, unlike an argument, other users cannot read in ps). */
function givenMetricsToken(cmd: Extract<Command, { kind: 'serve' }>): string | undefined {
  if (cmd.metrics.mode === 'off') return undefined;
  if (cmd.metrics.token !== undefined) return cmd.metrics.token;
  const env = process.env.PROCYON_METRICS_TOKEN;
  if (env === undefined || env === '') return undefined;
  if (!METRICS_TOKEN_PATTERN.test(env)) throw new UsageError('PROCYON_METRICS_TOKEN must be 16 to 256 printable characters without spaces');
  return env;
}

/** Where the token came from, for the line under the URL. */
function tokenNote(t: ServeToken): string {
  switch (t.origin) {
    case 'env':
      return 'The token is PROCYON_TOKEN.';
    case 'memory':
      return 'The token is new at every start (--no-settings).';
    case 'rotated':
      return `A new token was stored in ${t.file} (links with the old one no longer work).`;
    default:
      return `The token is kept in ${t.file} (--new-token replaces it).`;
  }
}

/** A listen that failed on a taken port becomes a message that says by whom, and what to do. */
async function listenOrExplain<T>(start: () => Promise<T>, host: string, port: number, flag: string): Promise<T> {
  try {
    return await start();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw await portInUse(host, port, flag);
    throw err;
  }
}

type ServeCommand = Extract<Command, { kind: 'serve' }>;

/** Starts the UI and metrics listeners the command asks for; each one's closer goes into `closers` as soon as it listens. */
async function startListeners(cmd: ServeCommand, connect: Host['connect'], exporter: MetricsExporter | null, uiToken: ServeToken | null, closers: (() => Promise<void>)[]): Promise<void> {
  const m = cmd.metrics;
  const givenToken = givenMetricsToken(cmd);
  if (uiToken) {
    const server = await listenOrExplain(
      () =>
        startServer({
          connect,
          staticDir: path.join(__dirname, '..', 'renderer'),
          host: cmd.host,
          port: cmd.port,
          readOnly: cmd.readOnly,
          allowHosts: cmd.allowHosts,
          token: uiToken.token,
          ...(m.mode === 'ui' && exporter && { metrics: { source: exporter, token: givenToken ?? null } }),
        }),
      cmd.host,
      cmd.port,
      '--port',
    );
    closers.push(() => server.close());
    console.log(`Procyon ${VERSION} is serving${cmd.readOnly ? ' read-only' : ''} at:\n\n    ${server.url}\n\n${tokenNote(uiToken)}\n`);
    if (m.mode === 'ui') {
      console.log(`Prometheus metrics: ${server.baseUrl}metrics (Authorization: Bearer <the token above${givenToken ? ' or --metrics-token' : ''}>)\n`);
    }
    if (!isLoopback(cmd.host)) console.log('Warning: bound to a non-loopback address; anyone who has the URL above can use it.');
  }
  if (exporter && (m.mode === 'separate' || m.mode === 'only')) {
    const bindHost = m.mode === 'only' ? cmd.host : m.host;
    const port = m.mode === 'only' ? cmd.port : m.port;
    const { token, generated } = listenerToken(bindHost, givenToken);
    const metrics = await listenOrExplain(() => startMetricsServer({ source: exporter, host: bindHost, port, token, allowHosts: cmd.allowHosts }), bindHost, port, m.mode === 'only' ? '--port' : '--metrics-port');
    closers.push(() => metrics.close());
    console.log(`Procyon ${VERSION} is serving Prometheus metrics at:\n\n    ${metrics.url}\n`);
    if (generated) console.log(`Metrics bearer token (generated; set --metrics-token to keep one): ${token}\n`);
    else if (token !== null) console.log('Metrics require Authorization: Bearer <--metrics-token>.\n');
  }
}

async function serve(cmd: ServeCommand): Promise<void> {
  const m = cmd.metrics;
  const roots = rootsOf(cmd);
  const settingsFile = cmd.settingsFile === undefined ? defaultSettingsFile(process.env, os.homedir()) : cmd.settingsFile;
  // Before anything starts: a token file that cannot be trusted stops us here.
  const uiToken = m.mode === 'only' ? null : serveToken({ settingsFile, rotate: cmd.newToken, env: process.env.PROCYON_TOKEN });
  const host = await startHost({ roots, ...(cmd.intervalMs !== undefined && { intervalMs: cmd.intervalMs }), readOnly: cmd.readOnly, transport: 'websocket', settingsFile });
  if (host.unavailable) {
    // The page still loads and says what is wrong; metrics alone would have nothing to say.
    if (m.mode === 'only') throw host.unavailable;
    console.error(`procyon: ${host.unavailable.code}: ${host.unavailable.message}\nServing a page that explains this; no data will be collected.`);
  }
  const exporter = m.mode === 'off' || host.unavailable ? null : new MetricsExporter({ sampler: host.sampler, connect: host.connect, roots });
  await exporter?.start();
  const closers: (() => Promise<void>)[] = [];
  const stop = async () => {
    exporter?.stop();
    host.stop();
    await Promise.all(closers.map((c) => c()));
  };
  try {
    await startListeners(cmd, host.connect, exporter, uiToken, closers);
  } catch (err) {
    // A taken port: stop sampling so the process can exit with the message.
    await stop();
    throw err;
  }
  stopOnSignals(stop);
}

export async function main(argv: string[]): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`procyon: ${terminalSafe(err.message)}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  try {
    // Serve starts regardless (its page explains); every other command needs the collector.
    const unavailable = cmd.kind === 'help' || cmd.kind === 'version' || cmd.kind === 'serve' ? null : collectorUnavailable();
    if (unavailable) throw unavailable;
    switch (cmd.kind) {
      case 'help':
        console.log(USAGE);
        return 0;
      case 'version':
        console.log(VERSION);
        return 0;
      case 'snapshot': {
        const snap = await collectSnapshot(rootsOf(cmd));
        console.log(cmd.json ? terminalJson(snap) : formatSnapshotText(snap));
        return 0;
      }
      case 'capabilities': {
        const report = collectCapabilities(rootsOf(cmd));
        console.log(cmd.json ? terminalJson(report) : formatCapabilities(report));
        return 0;
      }
      case 'ps': {
        const rows = arrangePs(await collectPs(rootsOf(cmd), undefined, { net: cmd.sort === 'net' }), { sort: cmd.sort, tree: cmd.tree, ...(cmd.user !== undefined && { user: cmd.user }) });
        if (rows.length === 0 && cmd.user !== undefined) {
          // An empty table would read as "that user runs nothing" even for a typo. A captured tree's users are another machine's.
          if (native.isLive(rootsOf(cmd)) && !userExists(cmd.user)) {
            console.error(`procyon: there is no user ${terminalSafe(JSON.stringify(cmd.user))} on this machine`);
            return 1;
          }
          console.error(`procyon: user ${terminalSafe(JSON.stringify(cmd.user))} has no processes`);
        }
        console.log(cmd.json ? terminalJson(rows.map((r) => (cmd.tree ? { ...r.row, depth: r.depth } : r.row))) : formatPs(rows, process.stdout.isTTY ? process.stdout.columns : undefined));
        return 0;
      }
      case 'proc': {
        const d = await collectProc(cmd.pid, rootsOf(cmd));
        console.log(cmd.json ? terminalJson(d) : formatProc(d));
        return 0;
      }
      case 'act':
      case 'renice': {
        // The user named a pid just now: the process it names now is the one meant.
        const roots = rootsOf(cmd);
        // The host's own scale: a nice value, or a priority class by name; a value it lacks is refused before anything is opened.
        const priority = cmd.kind === 'renice' ? reniceValue(cmd.value, hostConstants()) : null;
        const proc = await native.Process.create(cmd.pid, roots);
        const ref = { pid: cmd.pid, createTime: proc.knownCreateTime };
        const name = await proc.name().catch(() => '?');
        const control = new ProcessController(roots);
        await control.act(ref, cmd.kind === 'renice' ? { kind: 'renice', value: priority!.value } : { kind: cmd.action }, cmd.yes);
        console.log(`${cmd.kind === 'renice' ? `reniced to ${priority!.text}:` : `${cmd.action}:`} ${cmd.pid} (${terminalSafe(name)})`);
        return 0;
      }
      case 'apps': {
        const rows = arrangeApps(await collectApps(rootsOf(cmd)));
        console.log(cmd.json ? terminalJson(rows) : formatApps(rows, process.stdout.isTTY ? process.stdout.columns : undefined));
        return 0;
      }
      case 'group': {
        const control = new CgroupController(rootsOf(cmd));
        const list = await control.list();
        const path = resolveGroup(list.groups, cmd.group);
        const action = GROUP_COMMANDS[cmd.action];
        const out = await control.act({ path, action, ...(cmd.yes && { confirm: true }) });
        if (action === 'kill') {
          const survivors = out.survivors ?? [];
          console.log(survivors.length === 0 ? `killed: ${terminalSafe(path)} (no process left)` : `killed: ${terminalSafe(path)}, but ${survivors.length} still running: ${survivors.join(' ')}`);
          return survivors.length === 0 ? 0 : 1;
        }
        console.log(`${action === 'freeze' ? 'frozen' : 'thawed'}: ${terminalSafe(path)}`);
        return 0;
      }
      case 'serve':
        installServePolicy();
        await serve(cmd);
        return -1; // keeps running
    }
  } catch (err) {
    // A value only the host's constants can judge (renice's): a usage error all the same.
    if (err instanceof UsageError) {
      console.error(`procyon: ${terminalSafe(err.message)}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof PortInUseError || err instanceof TokenFileError) {
      console.error(`procyon: ${err.message}`);
      return 1;
    }
    const e = toApiErrorPayload(err);
    const hint = e.code === 'CONFIRMATION_REQUIRED' ? ' (on the command line: --yes)' : '';
    console.error(`procyon: ${e.code}: ${terminalSafe(e.message)}${hint}`);
    return 1;
  }
}
