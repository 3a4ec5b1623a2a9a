import { expect, test, type Page } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPage, SCREENSHOTS } from '../support/dashboard';
import { grid, row } from '../support/processes';
import { serveCapturedTree, type CapturedHost } from '../support/captured-tree';
import type { Served } from '../support/serve';

// A host whose collector reads a captured tree (Prometheus procfs's /proc) and
// a /sys without hwmon, thermal zones or power supplies: every page renders
// without an error, and nothing is offered that cannot work there: no process
// action (the tree's pids are not this machine's processes), no sensors or
// battery, each absence explained.

/** A process the captured tree holds (its comm is "vim"). */
const TREE_PID = 26231;

let host: CapturedHost;
let served: Served;
test.beforeAll(async () => {
  host = await serveCapturedTree('captured', ({ procfs, sysfs }) => {
    // The capture lacks the two files disk_partitions reads; a tree with them shows partitions rather than an error.
    writeFileSync(path.join(procfs, 'filesystems'), 'nodev\tsysfs\nnodev\tproc\nnodev\ttmpfs\n\text4\n\tvfat\n');
    writeFileSync(path.join(procfs, 'mounts'), '/dev/sda1 / ext4 rw,relatime 0 0\nproc /proc proc rw,nosuid,nodev,noexec 0 0\n/dev/sda2 /boot/efi vfat rw,relatime 0 0\n');
    for (const gone of ['hwmon', 'thermal', 'power_supply']) rmSync(path.join(sysfs, 'class', gone), { recursive: true, force: true });
  });
  served = host.served;
});
test.afterAll(async () => {
  await host?.stop();
});

/** Console errors and uncaught exceptions of the page, from now on. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('every page renders with no error', async ({ page }) => {
  // Eleven pages on a loaded machine.
  test.setTimeout(240_000);
  const errors = pageErrors(page);
  await openPage(page, served);
  const links = page.getByRole('navigation', { name: 'Pages' }).getByRole('link');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(5);
  for (const href of hrefs) {
    await openPage(page, served, href);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    // Each page has had its first reading by now: a topic that failed would say so in a banner.
    await expect.poll(() => page.getByText('Waiting for the first reading…').count(), { timeout: 15_000, message: `no reading on ${href}` }).toBe(0);
    await expect(page.getByRole('alert'), `an error on ${href}`).toHaveCount(0);
  }
  expect(errors).toEqual([]);
});

test('no process action is offered, and the toolbar says why', async ({ page }) => {
  const errors = pageErrors(page);
  await openPage(page, served, '#/processes');
  await expect(row(page, TREE_PID)).toBeVisible({ timeout: 15_000 });
  await row(page, TREE_PID).click();
  const toolbar = page.getByRole('toolbar', { name: 'Process actions' });
  await expect(toolbar.getByTestId('actions-blocked')).toHaveText('Captured tree');
  const buttons = toolbar.getByRole('button');
  expect(await buttons.count()).toBeGreaterThan(0);
  for (const button of await buttons.all()) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', /captured/);
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, 'captured-processes.png') });
  // The keyboard's Delete (terminate) is not a way around it.
  await grid(page).focus();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await row(page, TREE_PID).click({ button: 'right' });
  const menu = page.getByRole('menu');
  for (const name of ['Terminate', 'Kill', 'Change priority…', 'I/O priority…', 'CPU affinity…', 'Send signal…', 'Kill tree']) {
    await expect(menu.getByRole('menuitem', { name, exact: true })).toBeDisabled();
  }
  // Reading still works: the details of the tree's process.
  await menu.getByRole('menuitem', { name: 'Details' }).click();
  await expect(page.getByRole('dialog', { name: new RegExp(`\\(${TREE_PID}\\)`) })).toBeVisible();
  expect(errors).toEqual([]);
});

test('sensors and battery explain that the captured tree has none', async ({ page }) => {
  await openPage(page, served, '#/sensors');
  await expect(page.getByTestId('sensors-empty')).toContainText('The captured tree has no sensors');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'captured-sensors.png') });
  await page.goto(`${served.origin}/#/battery`);
  await expect(page.getByTestId('battery-empty')).toContainText('captured tree reports no battery');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'captured-battery.png') });
  await page.goto(`${served.origin}/#/system`);
  // utmp is this machine's: not shown as the tree's.
  await expect(page.getByTestId('users-captured')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Host' })).toContainText('Captured tree');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'captured-system.png') });
});

test('the Apps page says the captured tree has no control groups, instead of an empty table', async ({ page }) => {
  await openPage(page, served, '#/apps');
  await expect(page.getByTestId('apps-absent')).toContainText('The captured tree the host reads has no cgroup v2 hierarchy');
  await expect(page.getByTestId('apps-table')).toHaveCount(0);
});
