import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openPage, SCREENSHOTS } from '../support/dashboard';
import { findProcess, grid, procState, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// The smaller things of issue 24 that each cost trust: dialog wording and
// focus, paused vs live, the JSON export, the keyboard's context menu, result
// toasts, axis ticks, chart tab stops and the lo chart.

let served: Served;
const spawned = new Spawned();
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
});

const target = (tag: string) => spawned.bash(`exec -a procyon-e2e-${tag} sleep 300`);
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Process actions' });
async function openProcesses(page: Page) {
  await openPage(page, served, '#/processes');
  await expect(page.getByRole('heading', { level: 2, name: 'Processes' })).toBeVisible();
}
const childrenOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

test('kill tree names the top of the tree and how many processes end; confirmations focus Cancel', async ({ page }) => {
  const parent = spawned.bash('for i in 1 2 3 4; do (exec -a procyon-e2e-twig sleep 300) & done; wait # procyon-e2e-tree5');
  const pid = parent.pid!;
  await expect.poll(() => childrenOf(pid).length).toBe(4);
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-tree5', pid);
  await row(page, pid).click();
  // The table must know the children before the count can be right.
  await findProcess(page, 'procyon-e2e-twig', childrenOf(pid)[3]!);
  await findProcess(page, 'procyon-e2e-tree5', pid);
  await toolbar(page).getByRole('button', { name: 'Kill tree' }).click();
  const confirm = page.getByRole('dialog', { name: 'Kill tree (SIGTERM, then SIGKILL)?' });
  await expect(confirm.locator('p').first()).toHaveText(
    `End bash (${pid}) and everything under it: 5 processes in all (4 processes run under it). Each gets SIGTERM, then SIGKILL if still running. Unsaved work in them may be lost.`,
  );
  await expect(confirm.getByRole('button', { name: 'Kill tree (5 processes)' })).toBeVisible();
  // The safe choice has the focus, not "Don't ask again".
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  expect(procState(pid)).not.toBeNull();
  expect(childrenOf(pid)).toHaveLength(4);
});

test('the host’s own confirmation speaks in words, not API fields', async ({ page }) => {
  const name = readFileSync('/proc/1/comm', 'utf8').trim();
  await openProcesses(page);
  await findProcess(page, name, 1);
  await row(page, 1).click();
  await toolbar(page).getByRole('button', { name: 'Send signal…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send signal' });
  await dialog.getByRole('combobox', { name: 'Signal' }).selectOption('SIGCONT');
  await dialog.getByRole('button', { name: 'Send' }).click();
  const again = page.getByRole('dialog', { name: 'This process is special' });
  await expect(again).toContainText(`${name} (1): PID 1 is the init process: acting on it needs an explicit confirmation.`);
  await expect(again).not.toContainText('confirm: true');
  await again.getByRole('button', { name: 'Cancel' }).click();
});

test('paused reads Paused, never beside a green Live', async ({ page }) => {
  await openPage(page, served);
  const status = page.getByTestId('connection-status');
  await page.getByRole('button', { name: 'Pause updates' }).click();
  await expect(status).toHaveText('Paused');
  await expect(page.locator('header')).not.toContainText('Live');
  await expect(page.locator('header').getByText('Paused', { exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Resume updates' }).click();
  await expect(status).toHaveText('Live');
  await expect(page.locator('header')).not.toContainText('Paused');
});

test('the JSON export holds the process table and says what it holds', async ({ page }) => {
  const child = target('export');
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-export', child.pid!);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export snapshot as JSON' }).click()]);
  const file = JSON.parse(await readFile((await json.path())!, 'utf8'));
  expect(file.about).toMatch(/^Procyon snapshot of .+ at \d{4}-\d\d-\d\dT.*: the system readings .* and the process table \(\d+ processes, from /);
  expect(file.processTable.count).toBe(file.processTable.rows.length);
  expect(file.processTable.rows.some((r: { pid: number; cmdline: string[] }) => r.pid === child.pid && r.cmdline[0] === 'procyon-e2e-export')).toBe(true);
  expect(typeof file.memory.total).toBe('number');
});

test('the JSON export from a page that shows no processes still holds the table (the host\'s last read)', async ({ page }) => {
  const child = target('export-elsewhere');
  await openPage(page, served, '#/memory');
  // The host reads the table every few seconds for history even with no Processes page: wait until that read has the child.
  await expect
    .poll(
      async () => {
        const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export snapshot as JSON' }).click()]);
        const file = JSON.parse(await readFile((await json.path())!, 'utf8'));
        return file.processTable?.rows.some((r: { pid: number; cmdline: string[] }) => r.pid === child.pid && r.cmdline[0] === 'procyon-e2e-export-elsewhere') ?? false;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
});

test('Shift+F10 and the Menu key open the context menu of the selected process', async ({ page }) => {
  const child = target('menukey');
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-menukey', child.pid!);
  await row(page, child.pid!).click();
  for (const key of ['Shift+F10', 'ContextMenu']) {
    await grid(page).focus();
    await page.keyboard.press(key);
    const menu = page.getByRole('menu');
    await expect(menu, key).toBeVisible();
    await expect(menu).toContainText(`sleep (${child.pid})`);
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
  }
});

test('an action’s result does not push the table down', async ({ page }) => {
  const child = target('toast');
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-toast', child.pid!);
  await row(page, child.pid!).click();
  const before = (await grid(page).boundingBox())!;
  await toolbar(page).getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`Suspend (SIGSTOP): sleep (${child.pid}): done`);
  const after = (await grid(page).boundingBox())!;
  expect(after.y).toBe(before.y);
  expect(after.height).toBe(before.height);
  await toolbar(page).getByRole('button', { name: 'Resume' }).click();
});

test('value axes step in round numbers (memory composition: 0, 5, 10 … GiB)', async ({ page }) => {
  await openPage(page, served, '#/memory');
  // The value axis's labels are the ones in bytes (the time axis reads -5m … now).
  const labels = page.getByTestId('composition-chart').locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /B$/ });
  await expect.poll(() => labels.count()).toBeGreaterThan(2);
  const texts = await labels.allTextContents();
  for (const t of texts) {
    const n = Number(t.split(' ')[0]);
    // Steps of 1, 2, 2.5 or 5 (times a power of ten) of the shown unit: a quarter of the unit at the finest.
    expect(Number.isInteger(Math.round(n * 4 * 1e6) / 1e6), `${t} in ${texts.join(' | ')}`).toBe(true);
  }
});

test('charts are no tab stops: Tab goes from one overview tile to the next', async ({ page }) => {
  await openPage(page, served);
  const tiles = page.locator('main a.tile-link');
  await expect.poll(() => tiles.count()).toBeGreaterThan(1);
  await expect(page.locator('main svg.recharts-surface').first()).toBeVisible();
  await tiles.first().focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
  expect(await page.locator('main svg[tabindex="0"]').count()).toBe(0);
});

test('on lo, Send is dashed over Receive so both show when they are equal', async ({ page }) => {
  await openPage(page, served, '#/network');
  const chart = page.getByTestId('nic-throughput-lo');
  await expect(chart.locator('path.recharts-area-curve')).toHaveCount(2);
  const dashes = await chart.locator('path.recharts-area-curve').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray')));
  expect(dashes[0]).toBeNull();
  expect(dashes[1]).toMatch(/^\d/);
  await chart.screenshot({ path: path.join(SCREENSHOTS, 'lo-throughput.png') });
});
