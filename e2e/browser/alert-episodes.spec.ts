import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage, SCREENSHOTS } from '../support/dashboard';
import { Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// One rule matching many real processes is one notice, the notices leave the
// page's buttons reachable, and a wrong rule is named in words.

const MARK = `procyon-e2e-flood-${process.pid}`;
const COUNT = 50;
let served: Served;
let dir: string;
const spawned = new Spawned();

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'procyon-e2e-episodes-'));
  served = await startServe(['--settings', path.join(dir, 'settings.json'), '--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const rule = (page: Page, n: number, kind: string) => page.getByRole('group', { name: `Rule ${n}: ${kind}` });
async function addRule(page: Page, kind: string) {
  await page.getByLabel('Kind of new rule').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add rule' }).click();
}
/** The message tied to a field (aria-describedby), as a screen reader reads it. */
async function fieldMessage(field: Locator): Promise<string> {
  const id = await field.getAttribute('aria-describedby');
  return id ? ((await field.page().locator(`[id="${id}"]`).textContent()) ?? '') : '';
}

test.describe.configure({ mode: 'serial' });

test('a wrong rule is named in words, and a mountpoint with nothing mounted is refused', async ({ page }) => {
  await openPage(page, served, '#/settings');
  await addRule(page, 'CPU usage');
  const above = rule(page, 1, 'CPU usage').getByLabel('Above (%)');
  await above.fill('150');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(above).toHaveAttribute('aria-invalid', 'true');
  expect(await fieldMessage(above)).toBe('Must be 100 or less.');
  await above.fill('');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect.poll(() => fieldMessage(above)).toBe('Enter a number.');
  await above.fill('95');

  await addRule(page, 'Disk usage');
  const mount = rule(page, 2, 'Disk usage').getByLabel(/Mountpoint/);
  await mount.fill('/no/such/mount');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText(/not saved/);
  await expect(mount).toHaveAttribute('aria-invalid', 'true');
  expect(await fieldMessage(mount)).toMatch(/^Nothing is mounted at "\/no\/such\/mount"\. Mounted here: \/(,|\.)/);

  await mount.fill('/');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Alert rules saved.');
  // Leave no rule that could fire in the next test.
  for (let i = 0; i < 2; i++) await page.getByRole('button', { name: /^Delete rule 1/ }).click();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Alert rules saved.');
});

test(`one rule matching ${COUNT} processes is one notice naming the count, clear of the Save button`, async ({ page }) => {
  for (let i = 0; i < COUNT; i++) spawned.bash(`exec -a ${MARK} sleep 300`);
  let frames = 0;
  page.on('websocket', (ws) => ws.on('framereceived', () => frames++));
  await openPage(page, served, '#/settings');
  await addRule(page, 'Process memory');
  const r = rule(page, 1, 'Process memory');
  await r.getByLabel('Name or command line contains').fill(MARK);
  await r.getByLabel('Resident memory above (MiB)').fill('1');
  await r.getByLabel('For (seconds)').fill('0');
  const save = page.getByRole('button', { name: 'Save rules' });
  await save.click();
  await expect(page.getByTestId('settings-status')).toHaveText('Alert rules saved.');

  const notices = page.getByTestId('alert-notice');
  await expect(notices.first()).toContainText(`${COUNT} processes named ${MARK} over 1.0 MiB: `, { timeout: 15_000 });
  await expect(notices.first()).toContainText(`and ${COUNT - 3} more`);
  // More ticks with all fifty still over the limit add nothing.
  const at = frames;
  await expect.poll(() => frames - at, { timeout: 15_000 }).toBeGreaterThan(6);
  await expect(notices).toHaveCount(1);

  // The page scrolls its Save button clear of the notices.
  await save.evaluate((el) => {
    let s: Element | null = el.parentElement;
    while (s && !(s.scrollHeight > s.clientHeight && /auto|scroll/.test(getComputedStyle(s).overflowY))) s = s.parentElement;
    const scroller = s ?? document.scrollingElement!;
    scroller.scrollTop = scroller.scrollHeight;
  });
  const [b, n] = await Promise.all([save.boundingBox(), page.locator('.notices').boundingBox()]);
  expect(b && n && b.y + b.height <= n.y).toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'alert-episode-notice.png') });

  await openPage(page, served, '#/alerts');
  await expect(page.getByTestId('alert-history').getByRole('row')).toHaveCount(2);
});
