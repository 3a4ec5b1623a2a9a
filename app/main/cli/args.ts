import { parseArgs } from 'node:util';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS } from '../../shared';

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: procyon <command> [options]

Commands:
  serve       serve the UI and API over HTTP/WebSocket (headless machines)
  snapshot    print one reading of the collector

Options for every command:
  --procfs DIR      read /proc from DIR (or PROCYON_PROCFS)
  --sysfs DIR       read /sys from DIR (or PROCYON_SYSFS)

serve:
  --host HOST       address to bind (default 127.0.0.1; anything else is reachable from the network)
  --port N          port (default 7317; 0 picks a free one)
  --read-only       refuse every operation that changes something
  --interval MS     tick length in ms (${MIN_INTERVAL_MS}..${MAX_INTERVAL_MS}, default 1000)
  --allow-host NAME also accept this Host header (a DNS name in front of a non-loopback bind)

snapshot:
  --json            machine-readable output (psutil's names in camelCase)

  -h, --help        this text
  -v, --version     print the version
`;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; host: string; port: number; readOnly: boolean; intervalMs: number; allowHosts: string[]; procfs?: string; sysfs?: string }
  | { kind: 'snapshot'; json: boolean; procfs?: string; sysfs?: string };

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
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help' };
  if (v.version) return { kind: 'version' };
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])}`);
  const roots = { ...(v.procfs !== undefined && { procfs: v.procfs }), ...(v.sysfs !== undefined && { sysfs: v.sysfs }) };
  const cmd = positionals[0];
  const misplaced = (names: string[]) => {
    for (const n of names) if ((v as Record<string, unknown>)[n] !== undefined) throw new UsageError(`--${n} does not apply to ${cmd}`);
  };
  switch (cmd) {
    case 'serve':
      misplaced(['json']);
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
      misplaced(['host', 'port', 'read-only', 'interval', 'allow-host']);
      return { kind: 'snapshot', json: v.json ?? false, ...roots };
    case undefined:
      return { kind: 'help' };
    default:
      throw new UsageError(`unknown command ${JSON.stringify(cmd)}`);
  }
}
