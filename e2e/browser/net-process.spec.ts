import { expect, test } from '@playwright/test';
import { openPage, recordTopics } from '../support/dashboard';
import { findProcess, grid, row, visibleColumn } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// Network use per process on this machine (serve mode on the real /proc): the
// process table's network columns ask the host for it only while shown, sort,
// and the serve process (which sends this page its ticks over TCP) shows
// traffic; the details' Network tab lists its sockets with their bytes.

let live: Served;
test.beforeAll(async () => {
  live = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  await live?.stop();
});

test('network columns and the details’ Network tab: read only while shown, the serve process’s own traffic', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const topics = recordTopics(page);
  const last = () => topics.at(-1) ?? [];
  await openPage(page, live, '#/processes');
  await expect.poll(() => last().includes('processes')).toBe(true);
  expect(last()).not.toContain('processNet');
  await expect(grid(page).getByRole('columnheader', { name: 'Net total' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Columns & options' }).click();
  await expect(page.getByTestId('network-columns-help')).toContainText('UDP (and so QUIC) has no byte counters');
  await page.getByRole('checkbox', { name: /^Network receive rate/ }).check();
  await page.getByRole('checkbox', { name: /^TCP bytes received \+ sent/ }).check();
  await page.keyboard.press('Escape');
  await expect.poll(() => last()).toContain('processNet');
  // Sorted by bytes since watched, largest first: the serve process has sent this page every tick since.
  const header = grid(page).getByRole('columnheader', { name: 'Net total' });
  await header.click();
  if ((await header.getAttribute('aria-sort')) !== 'descending') await header.click();
  const pid = live.child.pid!;
  await findProcess(page, 'node', pid);
  await expect.poll(async () => (await visibleColumn(page, 'Net total')).length).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Columns & options' }).click();
  await page.getByRole('checkbox', { name: /^Network receive rate/ }).uncheck();
  await page.getByRole('checkbox', { name: /^TCP bytes received \+ sent/ }).uncheck();
  await page.keyboard.press('Escape');
  await expect.poll(() => last()).not.toContain('processNet');

  // The details' Network tab: asks for the table's network use while open, and lists the serve process's listening socket.
  await row(page, pid).dblclick();
  const panel = page.getByRole('dialog', { name: new RegExp(`^Details of .* \\(${pid}\\)$`) });
  await panel.getByRole('tab', { name: 'Network' }).click();
  await expect.poll(() => last()).toContain('processNet');
  const port = new URL(live.origin).port;
  const sockets = panel.getByRole('table', { name: 'Sockets' });
  await expect(sockets.getByRole('row').filter({ hasText: `127.0.0.1:${port}` }).filter({ hasText: 'LISTEN' })).toHaveCount(1, { timeout: 15_000 });
  // Its TCP traffic since watched: the ticks it sent this page, so never nothing out.
  await expect(panel.getByTestId('network-tab')).toContainText(/Since watched.* in, \d+(\.\d+)? (B|KiB|MiB) out/);
  await expect(panel.getByTestId('network-tab')).not.toContainText(/in, 0 B out/, { timeout: 15_000 });
  await panel.getByRole('tab', { name: 'General' }).click();
  await expect.poll(() => last()).not.toContain('processNet');
});
