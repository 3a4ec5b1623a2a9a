import { spawnSync } from 'node:child_process';

// A small reader of the Prometheus text format, so tests can assert on series
// rather than on substrings, and a promtool runner shared by the suites.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
  /** Values of `name` whose labels include all of `labels`. */
  values(name: string, labels?: Record<string, string>): number[];
  value(name: string, labels?: Record<string, string>): number | undefined;
}

function parseLabels(raw: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;
  for (const m of raw.matchAll(re)) labels[m[1]!] = m[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return labels;
}

export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      types.set(name!, type!);
    } else if (line && !line.startsWith('#')) {
      const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`unparsable sample line: ${line}`);
      samples.push({ name: m[1]!, labels: m[2] ? parseLabels(m[2]) : {}, value: Number(m[3]) });
    }
  }
  const values = (name: string, labels: Record<string, string> = {}) =>
    samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).map((s) => s.value);
  return { types, samples, values, value: (name, labels) => values(name, labels)[0] };
}

/**
 * `promtool check metrics` on an exposition. node_exporter's own node_memory_*
 * names (MemTotal, SwapFree, …) trip promtool's snake_case lint; they are kept
 * for dashboard compatibility, so that lint alone is tolerated, nothing else.
 */
export function promtoolProblems(text: string): { missing: true } | { missing: false; problems: string[]; status: number | null } {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
  const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim() !== '');
  const tolerated = /^node_memory_[A-Za-z]+_bytes metric names should be written in 'snake_case' not 'camelCase'$/;
  // promtool exits 3 for lint findings only, 1 for a parse error.
  const problems = r.status === 0 || r.status === 3 ? lines.filter((l) => !tolerated.test(l)) : [`promtool exited ${r.status}`, ...lines];
  return { missing: false, problems, status: r.status };
}

/** Whether a test that needs promtool should skip (local machine without it) or fail (CI must have it). */
export function promtoolAvailability(): 'present' | 'skip' | 'fail' {
  const r = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (!r.error) return 'present';
  return process.env.CI ? 'fail' : 'skip';
}
