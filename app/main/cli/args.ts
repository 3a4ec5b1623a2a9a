import { parseArgs } from 'node:util';
import { MAX_INTERVAL_MS, MAX_PID, MIN_INTERVAL_MS } from '../../shared';
import { PS_SORT_FIELDS, type PsSortField } from './ps';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: procyon <command> [options]

Commands:
  serve                 serve the UI and API over HTTP/WebSocket (headless machines)
  snapshot              print every system function (free, df, ifconfig, netstat, sensors, who)
  ps                    list processes, like ps/top
  proc PID              every psutil attribute of one process
  terminate|kill|suspend|resume PID
                        send SIGTERM / SIGKILL / SIGSTOP / SIGCONT
  renice PID VALUE      set the nice value (-20..19)

Options for every command:
  --procfs DIR      read /proc from DIR (or PROCYON_PROCFS)
  --sysfs DIR       read /sys from DIR (or PROCYON_SYSFS)

serve:
  --host HOST       address to bind (default 127.0.0.1; anything else is reachable from the network)
  --port N          port (default 7317; 0 picks a free one)
  --read-only       refuse every operation that changes something
  --interval MS     tick length in ms (${MIN_INTERVAL_MS}..${MAX_INTERVAL_MS}, default 1000)
  --allow-host NAME also accept this Host header (a DNS name in front of a non-loopback bind)

snapshot, ps, proc:
  --json            machine-readable output (psutil's names in camelCase)

ps:
  --sort FIELD      ${PS_SORT_FIELDS.join(', ')} (default cpuPercent)
  --tree            parents above their children
  --user NAME       only this user's processes

terminate, kill, suspend, resume, renice:
  --yes             required to act on PID 1 or on this very process

  -h, --help        this text
  -v, --version     print the version
`;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; host: string; port: number; readOnly: boolean; intervalMs: number; allowHosts: string[]; procfs?: string; sysfs?: string }
  | { kind: 'snapshot'; json: boolean; procfs?: string; sysfs?: string }
  | { kind: 'ps'; json: boolean; sort: PsSortField; tree: boolean; user?: string; procfs?: string; sysfs?: string }
  | { kind: 'proc'; pid: number; json: boolean; procfs?: string; sysfs?: string }
  | { kind: 'act'; action: 'terminate' | 'kill' | 'suspend' | 'resume'; pid: number; yes: boolean; procfs?: string }
  | { kind: 'renice'; pid: number; value: number; yes: boolean; procfs?: string };

const ACTIONS = ['terminate', 'kill', 'suspend', 'resume'] as const;

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

/** Pure: argv (without node and script) → what to do. Throws UsageError on bad input. */
export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        procfs: { type: 'string' },
        sysfs: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'read-only': { type: 'boolean' },
        interval: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        sort: { type: 'string' },
        tree: { type: 'boolean' },
        user: { type: 'string' },
        yes: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  const maxPositionals = positionals[0] === 'renice' ? 3 : positionals[0] === 'proc' || (ACTIONS as readonly string[]).includes(positionals[0] ?? '') ? 2 : 1;
  if (positionals.length > maxPositionals) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[maxPositionals])}`);
  const roots = { ...(v.procfs !== undefined && { procfs: v.procfs }), ...(v.sysfs !== undefined && { sysfs: v.sysfs }) };
  const cmd = positionals[0];
  const misplaced = (names: string[]) => {
    for (const n of names) if ((v as Record<string, unknown>)[n] !== undefined) throw new UsageError(`--${n} does not apply to ${cmd}`);
  };
  switch (cmd) {
    case 'serve':
      misplaced(['json', 'sort', 'tree', 'user', 'yes']);
      return {
        kind: 'serve',
        host: v.host ?? '127.0.0.1',
        port: intOption('port', v.port, 0, 65535, 7317),
        readOnly: v['read-only'] ?? false,
        intervalMs: intOption('interval', v.interval, MIN_INTERVAL_MS, MAX_INTERVAL_MS, 1000),
        allowHosts: v['allow-host'] ?? [],
        ...roots,
      };
    case 'snapshot':
      misplaced(['host', 'port', 'read-only', 'interval', 'allow-host', 'sort', 'tree', 'user', 'yes']);
      return { kind: 'snapshot', json: v.json ?? false, ...roots };
    case 'ps': {
      misplaced(['host', 'port', 'read-only', 'interval', 'allow-host', 'yes']);
      const sort = v.sort ?? 'cpuPercent';
      if (!(PS_SORT_FIELDS as readonly string[]).includes(sort)) throw new UsageError(`--sort must be one of ${PS_SORT_FIELDS.join(', ')}, got ${JSON.stringify(sort)}`);
      return { kind: 'ps', json: v.json ?? false, sort: sort as PsSortField, tree: v.tree ?? false, ...(v.user !== undefined && { user: v.user }), ...roots };
    }
    case 'proc':
      misplaced(['host', 'port', 'read-only', 'interval', 'allow-host', 'sort', 'tree', 'user', 'yes']);
      return { kind: 'proc', pid: pidArg(positionals[1]), json: v.json ?? false, ...roots };
    case 'terminate':
    case 'kill':
    case 'suspend':
    case 'resume':
      misplaced(['host', 'port', 'read-only', 'interval', 'allow-host', 'sort', 'tree', 'user', 'json', 'sysfs']);
      return { kind: 'act', action: cmd, pid: pidArg(positionals[1]), yes: v.yes ?? false, ...(v.procfs !== undefined && { procfs: v.procfs }) };
    case 'renice': {
      misplaced(['host', 'port', 'read-only', 'interval', 'allow-host', 'sort', 'tree', 'user', 'json', 'sysfs']);
      const raw = positionals[2];
      if (raw === undefined || !/^-?\d+$/.test(raw) || Number(raw) < -20 || Number(raw) > 19) {
        throw new UsageError(`renice needs a nice value from -20 to 19, got ${JSON.stringify(raw ?? '')}`);
      }
      return { kind: 'renice', pid: pidArg(positionals[1]), value: Number(raw), yes: v.yes ?? false, ...(v.procfs !== undefined && { procfs: v.procfs }) };
    }
    case undefined:
      return { kind: 'help' };
    default:
      throw new UsageError(`unknown command ${JSON.stringify(cmd)}`);
  }
}
