import path from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_INTERVAL_MS, MAX_PID, MIN_INTERVAL_MS } from '../../shared';
import { PS_SORT_ALIASES, PS_SORT_FIELDS, type PsSortField } from './ps';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: procyon <command> [options]

Commands:
  serve                 serve the UI and API over HTTP/WebSocket (headless machines)
  snapshot              print every system function (free, df, ifconfig, netstat, sensors, who)
  ps                    list processes, like ps/top
  capabilities          what this machine's collector can and cannot do, and why
  proc PID              every psutil attribute of one process
  terminate|kill|suspend|resume PID
                        send SIGTERM / SIGKILL / SIGSTOP / SIGCONT
  renice PID VALUE      set the nice value (-20..19), or where the host has priority
                        classes (Windows) the class: idle, below_normal, normal,
                        above_normal, high, realtime
  apps                  apps, services and containers (control groups, Linux): CPU,
                        memory, I/O and processes of each
  freeze|thaw GROUP     freeze or thaw every process of a group at once (cgroup.freeze)
  kill-group GROUP      kill every process of a group at once (cgroup.kill)
                        GROUP: its path, or an unambiguous name, unit or id (procyon apps)

Options for every command:
  --procfs DIR      read /proc from DIR (or PROCYON_PROCFS)
  --sysfs DIR       read /sys from DIR (or PROCYON_SYSFS)

serve:
  --host HOST       address to bind (default 127.0.0.1; anything else is reachable from the network)
  --port N          port (default 7317; 0 picks a free one)
  --read-only       refuse every operation that changes something
  --interval MS     tick length in ms for this run (${MIN_INTERVAL_MS}..${MAX_INTERVAL_MS}; default: the saved one, else 1000)
  --settings FILE   the settings file (interval, alert rules; default
                    $XDG_CONFIG_HOME/procyon/settings.json, else ~/.config/procyon/settings.json)
  --no-settings     keep settings in memory only: nothing read or saved
  --allow-host NAME also accept this Host header (a DNS name in front of a non-loopback bind)
  --new-token       replace the stored token (kept in "token" beside the settings file,
                    mode 0600, so links keep working across restarts); PROCYON_TOKEN
                    sets one instead; with --no-settings a random one lives in memory

serve, Prometheus metrics (GET /metrics; see the README):
  --metrics-only    serve only /metrics on --host/--port: no UI, no WebSocket
  --metrics-host HOST, --metrics-port N
                    serve /metrics on a listener of its own (default host 127.0.0.1)
                    instead of on the UI's, which admits the UI's token
  --metrics-token T Bearer token for /metrics (or PROCYON_METRICS_TOKEN); on a
                    non-loopback metrics listener one is generated and printed if not given
  --no-metrics      no /metrics at all (and no per-tick exporter reads)

snapshot, ps, proc, capabilities, apps:
  --json            machine-readable output (psutil's names in camelCase)

ps:
  --sort FIELD      ${PS_SORT_FIELDS.join(', ')}
                    (default cpuPercent; ${Object.entries(PS_SORT_ALIASES).map(([a, f]) => `${a} = ${f}`).join(', ')})
  --tree            parents above their children
  --user NAME       only this user's processes

terminate, kill, suspend, resume, renice:
  --yes             required to act on PID 1 or on this very process

freeze, thaw, kill-group:
  --yes             required to act on the group holding PID 1 or this very process
                    (or a group above either)

  -h, --help        this text
  -v, --version     print the version
`;

/** Where /metrics is served: not at all, on the UI's listener, on a listener of its own, or alone (--host/--port). */
export type MetricsConfig =
  | { mode: 'off' }
  | { mode: 'ui'; token?: string }
  | { mode: 'separate'; host: string; port: number; token?: string }
  | { mode: 'only'; token?: string };

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'serve';
      host: string;
      port: number;
      readOnly: boolean;
      /** Absent: the saved interval. */
      intervalMs?: number;
      /** The settings file; null: in memory only; absent: the default place (defaultSettingsFile). */
      settingsFile?: string | null;
      allowHosts: string[];
      /** --new-token: rotate the stored token. */
      newToken: boolean;
      metrics: MetricsConfig;
      procfs?: string;
      sysfs?: string;
    }
  | { kind: 'snapshot'; json: boolean; procfs?: string; sysfs?: string }
  | { kind: 'capabilities'; json: boolean; procfs?: string; sysfs?: string }
  | { kind: 'ps'; json: boolean; sort: PsSortField; tree: boolean; user?: string; procfs?: string; sysfs?: string }
  | { kind: 'proc'; pid: number; json: boolean; procfs?: string; sysfs?: string }
  | { kind: 'act'; action: 'terminate' | 'kill' | 'suspend' | 'resume'; pid: number; yes: boolean; procfs?: string }
  /** value: as typed; the host's constants say what it means (renice-value.ts). */
  | { kind: 'renice'; pid: number; value: string; yes: boolean; procfs?: string }
  | { kind: 'apps'; json: boolean; procfs?: string; sysfs?: string }
  /** group: as typed (apps.ts resolves it). */
  | { kind: 'group'; action: GroupCommand; group: string; yes: boolean; procfs?: string; sysfs?: string };

const ACTIONS = ['terminate', 'kill', 'suspend', 'resume'] as const;

/** The group actions, by command name. */
export const GROUP_COMMANDS = { freeze: 'freeze', thaw: 'thaw', 'kill-group': 'kill' } as const;
export type GroupCommand = keyof typeof GROUP_COMMANDS;
const isGroupCommand = (name: string | undefined): name is GroupCommand => name !== undefined && Object.hasOwn(GROUP_COMMANDS, name);

const METRICS_OPTIONS = ['metrics-only', 'no-metrics', 'metrics-host', 'metrics-port', 'metrics-token'];

/** Printable ASCII without spaces (it goes into an HTTP header), long enough not to be guessed. */
export const METRICS_TOKEN_PATTERN = /^[\x21-\x7e]{16,256}$/;

function metricsConfig(v: Record<string, string | boolean | string[] | undefined>): MetricsConfig {
  const token = v['metrics-token'] as string | undefined;
  if (token !== undefined && !METRICS_TOKEN_PATTERN.test(token)) {
    throw new UsageError('--metrics-token must be 16 to 256 printable characters without spaces');
  }
  const withToken = token !== undefined ? { token } : {};
  if (v['no-metrics']) {
    const other = METRICS_OPTIONS.find((n) => n !== 'no-metrics' && v[n] !== undefined);
    if (other) throw new UsageError(`--no-metrics and --${other} contradict each other`);
    return { mode: 'off' };
  }
  if (v['metrics-only']) {
    if (v['metrics-host'] !== undefined || v['metrics-port'] !== undefined) {
      throw new UsageError('--metrics-only binds --host/--port; --metrics-host/--metrics-port are for a second listener beside the UI');
    }
    return { mode: 'only', ...withToken };
  }
  if (v['metrics-port'] !== undefined) {
    return { mode: 'separate', host: (v['metrics-host'] as string | undefined) ?? '127.0.0.1', port: intOption('metrics-port', v['metrics-port'] as string, 0, 65535, 0), ...withToken };
  }
  if (v['metrics-host'] !== undefined) throw new UsageError('--metrics-host needs --metrics-port');
  return { mode: 'ui', ...withToken };
}

function pidArg(raw: string | undefined): number {
  if (raw === undefined) throw new UsageError('a PID is required');
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PID) throw new UsageError(`PID must be a whole number from 1 to ${MAX_PID}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

function intOption(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** The XDG place for the settings file: $XDG_CONFIG_HOME/procyon/settings.json, else ~/.config/procyon/settings.json. */
export function defaultSettingsFile(env: Record<string, string | undefined>, home: string): string {
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and to be ignored.
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(base, 'procyon', 'settings.json');
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  procfs: { type: 'string' },
  sysfs: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  'read-only': { type: 'boolean' },
  interval: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  settings: { type: 'string' },
  'no-settings': { type: 'boolean' },
  'new-token': { type: 'boolean' },
  'metrics-only': { type: 'boolean' },
  'no-metrics': { type: 'boolean' },
  'metrics-host': { type: 'string' },
  'metrics-port': { type: 'string' },
  'metrics-token': { type: 'string' },
  json: { type: 'boolean' },
  sort: { type: 'string' },
  tree: { type: 'boolean' },
  user: { type: 'string' },
  yes: { type: 'boolean' },
} as const;

/**
 * parseArgs reads "-5" as the short option 5: `procyon renice PID -5` would
 * fail with "Unknown option '-5'". A negative number that is not an option's
 * value is a positional, marked here with a NUL (which no real argument can
 * hold) and unmarked after parsing.
 */
const NEGATIVE = /^-\d+$/;
const POSITIONAL_MARK = '\u0000';

function markNegatives(argv: readonly string[], takesValue: (name: string) => boolean): string[] {
  return argv.map((a, i) => {
    const prev = argv[i - 1];
    const isValue = prev !== undefined && /^--[^=]+$/.test(prev) && takesValue(prev.slice(2));
    return NEGATIVE.test(a) && !isValue ? POSITIONAL_MARK + a : a;
  });
}

/** Pure: argv (without node and script) → what to do. Throws UsageError on bad input. */
export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: markNegatives(argv, (name) => (OPTIONS as Record<string, { type: string } | undefined>)[name]?.type === 'string'),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values: v } = parsed;
  const positionals = parsed.positionals.map((p) => (p.startsWith(POSITIONAL_MARK) ? p.slice(1) : p));
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  const maxPositionals = positionals[0] === 'renice' ? 3 : positionals[0] === 'proc' || isGroupCommand(positionals[0]) || (ACTIONS as readonly string[]).includes(positionals[0] ?? '') ? 2 : 1;
  if (positionals.length > maxPositionals) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[maxPositionals])}`);
  const roots = { ...(v.procfs !== undefined && { procfs: v.procfs }), ...(v.sysfs !== undefined && { sysfs: v.sysfs }) };
  const cmd = positionals[0];
  const misplaced = (names: string[]) => {
    for (const n of names) if ((v as Record<string, unknown>)[n] !== undefined) throw new UsageError(`--${n} does not apply to ${cmd}`);
  };
  switch (cmd) {
    case 'serve':
      misplaced(['json', 'sort', 'tree', 'user', 'yes']);
      if (v.settings !== undefined && v['no-settings']) throw new UsageError('--settings and --no-settings contradict each other');
      if (v.settings === '') throw new UsageError('--settings needs a file path');
      if (v['new-token'] && v['metrics-only']) throw new UsageError('--new-token replaces the UI\'s token; --metrics-only serves no UI (see --metrics-token)');
      return {
        kind: 'serve',
        host: v.host ?? '127.0.0.1',
        port: intOption('port', v.port, 0, 65535, 7317),
        readOnly: v['read-only'] ?? false,
        ...(v.interval !== undefined && { intervalMs: intOption('interval', v.interval, MIN_INTERVAL_MS, MAX_INTERVAL_MS, 1000) }),
        ...(v['no-settings'] ? { settingsFile: null } : v.settings !== undefined && { settingsFile: v.settings }),
        allowHosts: v['allow-host'] ?? [],
        newToken: v['new-token'] ?? false,
        metrics: metricsConfig(v),
        ...roots,
      };
    case 'snapshot':
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'sort', 'tree', 'user', 'yes']);
      return { kind: 'snapshot', json: v.json ?? false, ...roots };
    case 'capabilities':
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'sort', 'tree', 'user', 'yes']);
      return { kind: 'capabilities', json: v.json ?? false, ...roots };
    case 'ps': {
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'yes']);
      const given = v.sort ?? 'cpuPercent';
      const sort = Object.hasOwn(PS_SORT_ALIASES, given) ? PS_SORT_ALIASES[given]! : given;
      if (!(PS_SORT_FIELDS as readonly string[]).includes(sort)) throw new UsageError(`--sort must be one of ${PS_SORT_FIELDS.join(', ')}, got ${JSON.stringify(sort)}`);
      return { kind: 'ps', json: v.json ?? false, sort: sort as PsSortField, tree: v.tree ?? false, ...(v.user !== undefined && { user: v.user }), ...roots };
    }
    case 'proc':
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'sort', 'tree', 'user', 'yes']);
      return { kind: 'proc', pid: pidArg(positionals[1]), json: v.json ?? false, ...roots };
    case 'terminate':
    case 'kill':
    case 'suspend':
    case 'resume':
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'sort', 'tree', 'user', 'json', 'sysfs']);
      return { kind: 'act', action: cmd, pid: pidArg(positionals[1]), yes: v.yes ?? false, ...(v.procfs !== undefined && { procfs: v.procfs }) };
    case 'renice': {
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'sort', 'tree', 'user', 'json', 'sysfs']);
      const raw = positionals[2];
      if (raw === undefined || raw.trim() === '') throw new UsageError('renice needs a VALUE: a nice value (-20..19), or a priority class where the host has them');
      return { kind: 'renice', pid: pidArg(positionals[1]), value: raw, yes: v.yes ?? false, ...(v.procfs !== undefined && { procfs: v.procfs }) };
    }
    case 'apps':
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'sort', 'tree', 'user', 'yes']);
      return { kind: 'apps', json: v.json ?? false, ...roots };
    case 'freeze':
    case 'thaw':
    case 'kill-group': {
      misplaced([...METRICS_OPTIONS, 'host', 'port', 'read-only', 'interval', 'allow-host', 'settings', 'no-settings', 'new-token', 'sort', 'tree', 'user', 'json']);
      const group = positionals[1];
      if (group === undefined || group === '') throw new UsageError(`${cmd} needs a GROUP: its path, or a name, unit or id from procyon apps`);
      return { kind: 'group', action: cmd, group, yes: v.yes ?? false, ...roots };
    }
    case undefined:
      return { kind: 'help' };
    default:
      throw new UsageError(`unknown command ${JSON.stringify(cmd)}`);
  }
}
