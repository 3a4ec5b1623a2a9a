import os from 'node:os';
import path from 'node:path';
import { startHost } from '../core/host';
import { toApiErrorPayload } from '../core/errors';
import { collectorUnavailable } from '../core/unavailable-host';
import { VERSION } from '../core/version';
import { isLoopback } from '../server/auth';
import { MetricsExporter } from '../server/metrics-exporter';
import { listenerToken, startMetricsServer } from '../server/metrics-http';
import { startServer } from '../server/server';
import { defaultSettingsFile, METRICS_TOKEN_PATTERN, parseCommand, USAGE, UsageError, type Command } from './args';
import { formatSnapshotText } from './report';
import { collectSnapshot } from './snapshot';
import { arrangePs, collectPs, formatPs } from './ps';
import { collectProc } from '../core/process-details';
import { formatProc } from './proc-format';
import { stopOnSignals } from './shutdown';
import { ProcessController } from '../core/control';
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

async function serve(cmd: Extract<Command, { kind: 'serve' }>): Promise<void> {
  const m = cmd.metrics;
  const givenToken = givenMetricsToken(cmd);
  const roots = rootsOf(cmd);
  const settingsFile = cmd.settingsFile === undefined ? defaultSettingsFile(process.env, os.homedir()) : cmd.settingsFile;
  const host = await startHost({ roots, ...(cmd.intervalMs !== undefined && { intervalMs: cmd.intervalMs }), readOnly: cmd.readOnly, transport: 'websocket', settingsFile });
  if (host.unavailable) {
    // The page still loads and says what is wrong; metrics alone would have nothing to say.
    if (m.mode === 'only') throw host.unavailable;
    console.error(`procyon: ${host.unavailable.code}: ${host.unavailable.message}\nServing a page that explains this; no data will be collected.`);
  }
  const exporter = m.mode === 'off' || host.unavailable ? null : new MetricsExporter({ sampler: host.sampler, connect: host.connect, roots });
  await exporter?.start();
  const closers: (() => Promise<void>)[] = [];

  if (m.mode !== 'only') {
    const server = await startServer({
      connect: host.connect,
      staticDir: path.join(__dirname, '..', 'renderer'),
      host: cmd.host,
      port: cmd.port,
      readOnly: cmd.readOnly,
      allowHosts: cmd.allowHosts,
      ...(m.mode === 'ui' && exporter && { metrics: { source: exporter, token: givenToken ?? null } }),
    });
    closers.push(() => server.close());
    console.log(`Procyon ${VERSION} is serving${cmd.readOnly ? ' read-only' : ''} at:\n\n    ${server.url}\n`);
    if (m.mode === 'ui') {
      console.log(`Prometheus metrics: ${server.url.replace(/\/\?token=.*$/, '/metrics')} (Authorization: Bearer <the token above${givenToken ? ' or --metrics-token' : ''}>)\n`);
    }
    if (!isLoopback(cmd.host)) console.log('Warning: bound to a non-loopback address; anyone who has the URL above can use it.');
  }
  if (exporter && (m.mode === 'separate' || m.mode === 'only')) {
    const bindHost = m.mode === 'only' ? cmd.host : m.host;
    const { token, generated } = listenerToken(bindHost, givenToken);
    const metrics = await startMetricsServer({ source: exporter, host: bindHost, port: m.mode === 'only' ? cmd.port : m.port, token, allowHosts: cmd.allowHosts });
    closers.push(() => metrics.close());
    console.log(`Procyon ${VERSION} is serving Prometheus metrics at:\n\n    ${metrics.url}\n`);
    if (generated) console.log(`Metrics bearer token (generated; set --metrics-token to keep one): ${token}\n`);
    else if (token !== null) console.log('Metrics require Authorization: Bearer <--metrics-token>.\n');
  }
  stopOnSignals(async () => {
    exporter?.stop();
    host.stop();
    await Promise.all(closers.map((c) => c()));
  });
}

export async function main(argv: string[]): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`procyon: ${err.message}\n\n${USAGE}`);
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
        console.log(cmd.json ? JSON.stringify(snap, null, 2) : formatSnapshotText(snap));
        return 0;
      }
      case 'ps': {
        const rows = arrangePs(await collectPs(rootsOf(cmd)), { sort: cmd.sort, tree: cmd.tree, ...(cmd.user !== undefined && { user: cmd.user }) });
        console.log(cmd.json ? JSON.stringify(rows.map((r) => (cmd.tree ? { ...r.row, depth: r.depth } : r.row)), null, 2) : formatPs(rows, process.stdout.isTTY ? process.stdout.columns : undefined));
        return 0;
      }
      case 'proc': {
        const d = await collectProc(cmd.pid, rootsOf(cmd));
        console.log(cmd.json ? JSON.stringify(d, null, 2) : formatProc(d));
        return 0;
      }
      case 'act':
      case 'renice': {
        // The user named a pid just now: the process it names now is the one meant.
        const roots = rootsOf(cmd);
        const proc = await native.Process.create(cmd.pid, roots);
        const ref = { pid: cmd.pid, createTime: proc.knownCreateTime };
        const name = await proc.name().catch(() => '?');
        const control = new ProcessController(roots);
        await control.act(ref, cmd.kind === 'renice' ? { kind: 'renice', value: cmd.value } : { kind: cmd.action }, cmd.yes);
        console.log(`${cmd.kind === 'renice' ? `reniced to ${cmd.value}:` : `${cmd.action}:`} ${cmd.pid} (${name})`);
        return 0;
      }
      case 'serve':
        await serve(cmd);
        return -1; // keeps running
    }
  } catch (err) {
    const e = toApiErrorPayload(err);
    const hint = e.code === 'CONFIRMATION_REQUIRED' ? ' (on the command line: --yes)' : '';
    console.error(`procyon: ${e.code}: ${e.message}${hint}`);
    return 1;
  }
}
