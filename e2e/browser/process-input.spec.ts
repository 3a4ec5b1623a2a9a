import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage } from '../support/dashboard';
import { findProcess, grid, procStat, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// What a user types, read as typed: a nice value with a minus sign, and a
// search for a pid or a program's name.

let served: Served;
const spawned = new Spawned();
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
});

async function openProcesses(page: Page) {
  await openPage(page, served, '#/processes');
  await expect(page.getByRole('heading', { level: 2, name: 'Processes' })).toBeVisible();
}

const firstRow = (page: Page) => grid(page).locator('[role="rowgroup"] [role="row"][aria-rowindex="2"]');
const nice = (pid: number) => procStat(pid)[16];

test('a typed -5 applies nice −5; out of range and empty are refused in words', async ({ page }) => {
  test.skip(process.getuid?.() !== 0, 'a negative nice needs root');
  const child = spawned.bash('exec -a procyon-e2e-renice-typed sleep 300');
  const pid = child.pid!;
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-renice-typed', pid);
  await row(page, pid).click();
  await page.getByRole('toolbar', { name: 'Process actions' }).getByRole('button', { name: 'Change priority…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change priority' });
  const field = dialog.getByRole('textbox', { name: 'Nice value (number)' });

  // Typed key by key, as a person does: the field must not re-clamp on the way.
  await field.selectText();
  await page.keyboard.type('-99');
  await expect(field).toHaveValue('-99');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('-99 is out of range: nice values go from -20 (highest priority) to 19 (lowest).');
  await field.selectText();
  await page.keyboard.press('Backspace');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Type a nice value from -20 to 19.');
  expect(nice(pid)).toBe('0');

  await field.selectText();
  await page.keyboard.type('-5');
  await expect(field).toHaveValue('-5');
  await expect(dialog.getByRole('slider', { name: 'Nice value' })).toHaveValue('-5');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('action-report')).toContainText(`Set nice to -5: sleep (${pid}): done`);
  expect(nice(pid)).toBe('-5');
});

test('an exact pid match comes first and is selected, before busier command lines holding its digits', async ({ page }) => {
  const target = spawned.bash('exec -a procyon-e2e-pidsearch sleep 300');
  const pid = target.pid!;
  // Busier than the target (sorted by CPU, it would come first) and its command line holds the pid's digits.
  const busy = spawned.bash(`while :; do :; done # procyon-e2e-busy-${pid}`);
  await openProcesses(page);
  await findProcess(page, String(pid), busy.pid!);
  await expect(row(page, pid)).toBeVisible();
  await expect(firstRow(page)).toHaveAttribute('data-pid', String(pid));
  await expect(row(page, pid)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('toolbar', { name: 'Process actions' }).getByRole('button', { name: 'Change priority…' })).toBeEnabled();
});

test('an exact name match comes before command lines that merely contain it', async ({ page }) => {
  // A program of its own name (comm comes from the file run, a symlink's name included), so only it matches exactly.
  const name = `pcyn${process.pid.toString(36)}x`.slice(0, 15);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-e2e-name-'));
  try {
    symlinkSync('/bin/sleep', path.join(dir, name));
    const target = spawned.bash(`exec ${path.join(dir, name)} 300`);
    const busy = spawned.bash(`while :; do :; done # ${name}-busy`);
    await openProcesses(page);
    await findProcess(page, name, busy.pid!);
    await expect(row(page, target.pid!)).toBeVisible();
    await expect(firstRow(page)).toHaveAttribute('data-pid', String(target.pid));
    await expect(row(page, target.pid!)).toHaveAttribute('aria-selected', 'true');
    await expect(row(page, busy.pid!)).toHaveAttribute('aria-selected', 'false');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
