import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURE = path.resolve(REPO, '../shared/fixtures/prometheus-procfs');
export const FIXTURE_PROC = path.join(FIXTURE, 'proc');
export const FIXTURE_SYS = path.join(FIXTURE, 'sys');

/** A writable copy of the fixture's system files, so a test can move the counters between ticks. */
export function writableProcRoot(extra: string[] = []): {
  dir: string;
  setStat(fn: (s: string) => string): void;
  edit(file: string, fn: (s: string) => string): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-proc-'));
  for (const f of ['stat', 'meminfo', 'vmstat', 'cpuinfo', ...extra]) {
    try {
      cpSync(path.join(FIXTURE_PROC, f), path.join(dir, f));
    } catch {
      // vmstat is not in every capture; the collector treats it as absent (sin/sout 0).
    }
  }
  return {
    dir,
    setStat(fn) {
      this.edit('stat', fn);
    },
    edit(file, fn) {
      const p = path.join(dir, file);
      writeFileSync(p, fn(readFileSync(p, 'utf8')));
    },
  };
}
