// Shared test plumbing. The package is loaded from its build output with
// require(), exactly as consumers load it, rather than transpiled by vitest.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type * as Collector from '../lib/index';
import { fixtureRoot } from '../../test/support/fixture.mjs';
import { until } from '../../test/support/until.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PACKAGE_DIR = path.resolve(here, '..');
export const REPO_ROOT = path.resolve(PACKAGE_DIR, '..');
/** The captured procfs tree, unpacked for this run from test/fixtures/prometheus-procfs. */
export const FIXTURE = fixtureRoot();
export const FIXTURE_ROOTS = { procfs: path.join(FIXTURE, 'proc'), sysfs: path.join(FIXTURE, 'sys') };

const entry = path.join(PACKAGE_DIR, 'dist', 'index.js');
if (!existsSync(entry)) {
  throw new Error(`${entry} is missing: run \`npm run build --workspace @procyon/collector\` before the tests`);
}
const require = createRequire(import.meta.url);
export const collector = require(entry) as typeof Collector;

function getconf(name: string): number {
  const result = spawnSync('getconf', [name], { encoding: 'utf8' });
  const value = Number(result.stdout.trim());
  if (result.status !== 0 || !Number.isFinite(value)) throw new Error(`getconf ${name} failed: ${result.stderr}`);
  return value;
}

export const CLOCK_TICKS = getconf('CLK_TCK');
export const PAGE_SIZE = getconf('PAGESIZE');

/** A throwaway procfs/sysfs tree: `files` maps paths (relative to the tree) to contents. */
export function makeTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'procyon-test-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A procfs/sysfs root pair over files written for one test file; the trees
 * are removed after that file's tests (vitest's afterAll is registered on first use).
 */
export function treeFactory(afterAll: (fn: () => void) => void): (files: Record<string, string | Uint8Array>) => { procfs: string; sysfs: string } {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((cleanup) => cleanup()));
  return (files) => {
    const { dir, cleanup } = makeTree(files);
    cleanups.push(cleanup);
    return { procfs: `${dir}/proc`, sysfs: `${dir}/sys` };
  };
}

/** A promise's outcome as a value, so a test can assert on a rejection's class and fields. */
export async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/** Columns of the /proc/stat line labelled `label`, as numbers. */
export function statColumns(text: string, label: string): number[] {
  const line = text.split('\n').find((l) => l.split(/\s+/)[0] === label);
  if (!line) throw new Error(`no ${label} line`);
  return line.trim().split(/\s+/).slice(1).map(Number);
}

export const CPU_FIELDS = ['user', 'nice', 'system', 'idle', 'iowait', 'irq', 'softirq', 'steal', 'guest', 'guestNice'] as const;

/** What cpuTimes should report for a /proc/stat line's jiffies. */
export function expectedCpuTimes(jiffies: number[]): Collector.CpuTimes {
  return Object.fromEntries(CPU_FIELDS.map((field, i) => [field, (jiffies[i] ?? 0) / CLOCK_TICKS])) as unknown as Collector.CpuTimes;
}

/** comm and state letter of a pid from /proc/<pid>/stat; null once it is gone. */
export function procState(pid: number): { comm: string; state: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), state: stat.slice(close + 2, close + 3) };
  } catch {
    return null;
  }
}

/** Waits until `pid` has exec'd `comm` and sleeps: a child just spawned is still node, or running through exec. */
export function settled(pid: number | undefined, comm: string, state = 'S'): Promise<true> {
  return until(() => {
    const now = procState(pid!);
    return now?.comm === comm && now.state === state;
  }, { what: () => `pid ${pid} in state ${state} as ${comm} (it is ${JSON.stringify(procState(pid!))})` });
}
