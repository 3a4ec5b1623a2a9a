import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage } from '../support/dashboard';
import { exited, findProcess, procState, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// The parameterised actions, kill tree and the host's second confirmation,
// each against a real process spawned here in its own process group and
// checked in /proc or on the process itself.

let served: Served;
const spawned = new Spawned();
let tmp: string;
test.beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-e2e-actions-'));
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const target = (tag: string) => spawned.bash(`exec -a procyon-e2e-${tag} sleep 300`);

async function openProcesses(page: Page) {
  await openPage(page, served, '#/processes');
  await expect(page.getByRole('heading', { level: 2, name: 'Processes' })).toBeVisible();
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Process actions' });

/** A line of /proc/PID/status, without its key; null once the process is gone. */
function procStatus(pid: number, key: string): string | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${key}:`));
    return line ? line.slice(key.length + 1).trim() : null;
  } catch {
    return null;
  }
}

const ionice = (pid: number) => execFileSync('ionice', ['-p', String(pid)], { encoding: 'utf8' }).trim();

/** Gone, or a zombie nobody has reaped yet: either way it no longer runs. */
const ended = (pid: number) => {
  const s = procState(pid);
  return s === null || s === 'Z' || s === 'X';
};

test('I/O priority: idle, then best-effort 7, checked with ionice(1)', async ({ page }) => {
  const child = target('io');
  const pid = child.pid!;
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-io', pid);
  expect(ionice(pid)).not.toBe('idle');
  await row(page, pid).click();

  await toolbar(page).getByRole('button', { name: 'I/O priority…' }).click();
  let dialog = page.getByRole('dialog', { name: 'I/O priority' });
  await expect(dialog).toContainText(String(pid));
  await dialog.getByRole('combobox', { name: 'I/O class' }).selectOption('idle');
  await expect(dialog.getByRole('slider', { name: 'Level' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('action-report')).toContainText(`Set I/O priority to idle: sleep (${pid}): done`);
  expect(ionice(pid)).toBe('idle');

  await toolbar(page).getByRole('button', { name: 'I/O priority…' }).click();
  dialog = page.getByRole('dialog', { name: 'I/O priority' });
  // The dialog starts from the process's current class.
  await expect(dialog.getByRole('combobox', { name: 'I/O class' })).toHaveValue('3');
  await dialog.getByRole('combobox', { name: 'I/O class' }).selectOption('best-effort');
  await dialog.getByRole('slider', { name: 'Level' }).fill('7');
  await expect(dialog.locator('output')).toHaveText('7');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`Set I/O priority to best-effort, level 7: sleep (${pid}): done`);
  expect(ionice(pid)).toBe('best-effort: prio 7');
});

test('CPU affinity: restrict to CPU 0, checked in /proc/PID/status', async ({ page }) => {
  const child = target('affinity');
  const pid = child.pid!;
  const cpus = os.cpus().length;
  test.skip(cpus < 2, 'needs at least two CPUs to restrict anything');
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-affinity', pid);
  expect(procStatus(pid, 'Cpus_allowed_list')).not.toBe('0');
  await row(page, pid).click();
  await toolbar(page).getByRole('button', { name: 'CPU affinity…' }).click();
  const dialog = page.getByRole('dialog', { name: 'CPU affinity' });
  const boxes = dialog.getByRole('group', { name: 'Allowed CPUs' }).getByRole('checkbox');
  await expect(boxes).toHaveCount(cpus);
  for (let i = 0; i < cpus; i++) await expect(dialog.getByRole('checkbox', { name: `CPU ${i}`, exact: true })).toBeChecked();
  for (let i = 1; i < cpus; i++) await dialog.getByRole('checkbox', { name: `CPU ${i}`, exact: true }).uncheck();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`Set CPU affinity to 0: sleep (${pid}): done`);
  expect(procStatus(pid, 'Cpus_allowed_list')).toBe('0');
  // Opened again, the dialog starts from the process's current affinity.
  await toolbar(page).getByRole('button', { name: 'CPU affinity…' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'CPU 0', exact: true })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'CPU 1', exact: true })).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(procStatus(pid, 'Cpus_allowed_list')).toBe('0');
});

test('send SIGUSR1 to a process that traps it, after a confirmation', async ({ page }) => {
  const file = path.join(tmp, 'usr1');
  const child = spawned.bash(`trap "echo got >> ${file}" USR1; while :; do sleep 0.1; done # procyon-e2e-usr1`);
  const pid = child.pid!;
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-usr1', pid);
  await row(page, pid).click();
  await toolbar(page).getByRole('button', { name: 'Send signal…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send signal' });
  await dialog.getByRole('combobox', { name: 'Signal' }).selectOption('SIGUSR1');
  await dialog.getByRole('button', { name: 'Send' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send SIGUSR1?' });
  await expect(confirm).toContainText(String(pid));
  expect(existsSync(file)).toBe(false);
  await confirm.getByRole('button', { name: 'Send SIGUSR1' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`Send SIGUSR1: bash (${pid}): done`);
  await expect.poll(() => (existsSync(file) ? readFileSync(file, 'utf8') : '')).toBe('got\n');
  // Trapped, not killed.
  expect(child.exitCode).toBeNull();
  expect(child.signalCode).toBeNull();
  expect(ended(pid)).toBe(false);
});

test('kill tree ends a parent and both its children', async ({ page }) => {
  const parent = spawned.bash('(exec -a procyon-e2e-leaf sleep 301) & (exec -a procyon-e2e-leaf sleep 302) & wait # procyon-e2e-killtree');
  const pid = parent.pid!;
  const childrenOf = () => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  };
  await expect.poll(() => childrenOf().length).toBe(2);
  const kids = childrenOf();
  for (const k of kids) expect(readFileSync(`/proc/${k}/cmdline`, 'utf8')).toContain('procyon-e2e-leaf');

  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-killtree', pid);
  await row(page, pid).click();
  await toolbar(page).getByRole('button', { name: 'Kill tree' }).click();
  const confirm = page.getByRole('dialog', { name: 'Kill tree (SIGTERM, then SIGKILL)?' });
  await expect(confirm).toContainText(String(pid));
  await expect(confirm).toContainText('bash');
  expect(ended(pid)).toBe(false);
  for (const k of kids) expect(ended(k)).toBe(false);
  await confirm.getByRole('button', { name: 'Kill tree' }).click();

  await exited(parent);
  // Bash may be signalled itself, or leave `wait` on its own once its children are gone.
  expect(ended(pid)).toBe(true);
  for (const k of kids) await expect.poll(() => ended(k), { message: `child ${k}` }).toBe(true);
  const report = page.getByTestId('action-report');
  await expect(report).toContainText('Kill tree (SIGTERM, then SIGKILL) on 3 processes: 3 done');
  for (const p of [pid, ...kids]) await expect(report).toContainText(`(${p})`);
});

test('PID 1 needs a second, explicit confirmation from the host (SIGCONT only)', async ({ page }) => {
  const name = readFileSync('/proc/1/comm', 'utf8').trim();
  await openProcesses(page);
  await findProcess(page, name, 1);
  await row(page, 1).click();
  await toolbar(page).getByRole('button', { name: 'Send signal…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send signal' });
  await dialog.getByRole('combobox', { name: 'Signal' }).selectOption('SIGCONT');
  await expect(dialog.getByRole('combobox', { name: 'Signal' })).toHaveValue('SIGCONT');
  // SIGCONT is harmless: no first confirmation; the host refuses without confirm: true.
  await dialog.getByRole('button', { name: 'Send' }).click();
  const again = page.getByRole('dialog', { name: 'This process is special' });
  await expect(again).toBeVisible();
  await expect(again).toContainText('PID 1 is the init process');
  await expect(again).toContainText(`(1)`);
  // No "don't ask again" for the host's own request, and Cancel has the focus.
  await expect(again.getByRole('checkbox')).toHaveCount(0);
  await expect(again.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(page.getByTestId('action-report')).toHaveCount(0);
  await again.getByRole('button', { name: /^Yes, send SIGCONT$/ }).click();
  await expect(again).toBeHidden();
  await expect(page.getByTestId('action-report')).toContainText(`Send SIGCONT: ${name} (1): done`);
  expect(ended(1)).toBe(false);
});
