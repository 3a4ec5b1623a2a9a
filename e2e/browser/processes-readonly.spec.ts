import { expect, test } from '@playwright/test';
import { openPage } from '../support/dashboard';
import { findProcess, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';
import { cgroup2Mount } from '../../test/support/cgroups.mjs';

// A read-only host: every process action is disabled and says why.

let served: Served;
const spawned = new Spawned();
test.beforeAll(async () => {
  served = await startServe(['--read-only', '--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
});

test('actions are disabled with a tooltip saying the host is read-only', async ({ page }) => {
  const child = spawned.bash('exec -a procyon-e2e-ro sleep 300');
  await openPage(page, served, '#/processes');
  await findProcess(page, 'procyon-e2e-ro', child.pid!);
  await row(page, child.pid!).click();
  const toolbar = page.getByRole('toolbar', { name: 'Process actions' });
  for (const name of ['Terminate', 'Kill', 'Suspend', 'Resume', 'Change priority…', 'I/O priority…', 'CPU affinity…', 'Send signal…', 'Kill tree']) {
    const button = toolbar.getByRole('button', { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', /host is read-only/);
  }
  await row(page, child.pid!).click({ button: 'right' });
  await expect(page.getByRole('menu').getByRole('menuitem', { name: 'Kill', exact: true })).toBeDisabled();
  // Details still work: reading is allowed.
  await page.getByRole('menu').getByRole('menuitem', { name: 'Details' }).click();
  await expect(page.getByRole('dialog', { name: `Details of sleep (${child.pid})` }).getByTestId('detail-cmdline')).toHaveText('procyon-e2e-ro 300');
});

test('group actions on the Apps page are disabled with a tooltip saying the host is read-only', async ({ page }) => {
  test.skip(cgroup2Mount() === null, 'this machine has no cgroup v2 hierarchy: the page has no groups to act on');
  await openPage(page, served, '#/apps');
  await expect(page.getByText('The host is read-only (procyon serve --read-only): actions are disabled')).toBeVisible();
  const kill = page.getByTestId('apps-table').getByRole('button', { name: 'Kill', exact: true }).first();
  await expect(kill).toBeDisabled();
  await expect(kill).toHaveAttribute('title', /host is read-only/);
});
