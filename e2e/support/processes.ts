import { expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './serve';

/** Real processes for the process page to find, all killed at the end. */
export class Spawned {
  private readonly children: ChildProcess[] = [];

  /** `bash -c SCRIPT`; with `exec` in it the returned pid is the final program's. */
  bash(script: string, env: Record<string, string> = {}): ChildProcess {
    // Detached: its own process group, so killAll takes any children with it.
    const child = spawn('bash', ['-c', script], { stdio: 'ignore', detached: true, env: { ...process.env, ...env } });
    this.children.push(child);
    return child;
  }

  killAll(): void {
    for (const c of this.children) {
      try {
        if (c.exitCode === null && c.pid) process.kill(-c.pid, 'SIGKILL');
      } catch {
        /* not a group leader */
      }
      try {
        if (c.exitCode === null) c.kill('SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
}

/** Fields of /proc/PID/stat after the comm: [0] is state, [16] is nice. */
export function procStat(pid: number): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).trim().split(/\s+/);
}

export function procState(pid: number): string | null {
  try {
    return procStat(pid)[0]!;
  } catch {
    return null;
  }
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((res) => (child.exitCode !== null || child.signalCode !== null ? res() : child.once('exit', () => res())));
}

/** The collector's view of one process, as `procyon proc PID --json` prints it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function collectorProc(pid: number): any {
  return JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), 'proc', String(pid), '--json'], { cwd: REPO, encoding: 'utf8' }));
}

export const grid = (page: Page) => page.getByTestId('process-table');
export const row = (page: Page, pid: number) => grid(page).locator(`[role="row"][data-pid="${pid}"]`);

/** Types into the search box and waits until the process's row is there. */
export async function findProcess(page: Page, query: string, pid: number): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search processes' }).fill(query);
  await expect(row(page, pid)).toBeVisible({ timeout: 10_000 });
}

/** The visible rows' cells by column header label, in row order: read in one go so a tick cannot split it. */
export function visibleColumn(page: Page, label: string): Promise<string[]> {
  return grid(page).evaluate((el, label) => {
    const heads = [...el.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
    const i = heads.indexOf(label);
    const rows = [...el.querySelectorAll('[role="rowgroup"] [role="row"]')].sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')));
    return rows.map((r) => r.querySelectorAll('[role="gridcell"]')[i]!.textContent!.trim());
  }, label);
}

const UNITS: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 };
export function parseBytes(text: string): number {
  const [n, u] = text.split(' ');
  return Number(n) * (UNITS[u!] ?? NaN);
}
