import { expect, test, type Page } from '@playwright/test';
import { openPage } from '../support/dashboard';
import { findProcess, grid, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// A process whose command line and environment are far over the size every
// message carries (PROCESS_TEXT_CUT_BYTES): the details view shows them cut,
// says so, and fetches the whole value when asked.

let served: Served;
const spawned = new Spawned();
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
});

const LONG = 20_000;

async function openDetails(page: Page, pid: number) {
  await openPage(page, served, '#/processes');
  await findProcess(page, 'procyon-e2e-long', pid);
  await row(page, pid).click();
  await grid(page).press('Enter');
  const panel = page.getByRole('dialog', { name: new RegExp(`\\(${pid}\\)`) });
  await expect(panel).toBeVisible();
  return panel;
}

test('a long command line and environment: cut in the details, whole on demand', async ({ page }) => {
  // bash stays (the `; :`), keeping its long argv; the environment holds a long variable.
  const child = spawned.bash(`exec -a procyon-e2e-long bash -c 'sleep 300; :' x ${'a'.repeat(LONG)} tail-marker`, { PROCYON_E2E_BIG: 'b'.repeat(LONG) });
  const panel = await openDetails(page, child.pid!);

  const cmdline = panel.getByTestId('detail-cmdline');
  await expect(panel.getByTestId('cut-cmdline')).toContainText('Cut:');
  expect((await cmdline.textContent())!.length).toBeLessThan(5000);
  await expect(cmdline).not.toContainText('tail-marker');
  await panel.getByTestId('cut-cmdline').getByRole('button', { name: 'Show all' }).click();
  await expect(cmdline).toContainText('tail-marker');
  await expect(panel.getByTestId('cut-cmdline')).toHaveCount(0);

  await panel.getByRole('tab', { name: 'Environment' }).click();
  await expect(panel.getByTestId('cut-environ')).toContainText('Cut:');
  await panel.getByTestId('cut-environ').getByRole('button', { name: 'Show all' }).click();
  await panel.getByRole('searchbox', { name: 'Search environment' }).fill('PROCYON_E2E_BIG');
  await expect(panel.getByRole('table', { name: 'Environment' })).toContainText('b'.repeat(LONG));
});
