import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServe, type Served } from '../support/serve';
import { nav, openPage, SCREENSHOTS, unnamedControls } from '../support/dashboard';

// Alert rules made through the Settings page of a real `procyon serve`, with
// its own settings file: the rule fires on this machine's real CPU load (a
// busy child process makes sure there is some), shows as an in-page notice,
// lands in the Alerts page, and is still there after a reload and a restart.

// Made in beforeAll: the runner also loads this file to list the tests, and would leave a folder behind.
let settingsDir: string;
let settingsFile: string;
let served: Served;
let busy: ChildProcess;

test.beforeAll(async () => {
  settingsDir = mkdtempSync(path.join(os.tmpdir(), 'procyon-alerts-e2e-'));
  settingsFile = path.join(settingsDir, 'settings.json');
  busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  served = await startServe(['--settings', settingsFile, '--interval', '250']);
});
test.afterAll(async () => {
  busy?.kill('SIGKILL');
  await served?.stop();
  if (settingsDir) rmSync(settingsDir, { recursive: true, force: true });
});

const saved = () => JSON.parse(readFileSync(settingsFile, 'utf8')) as { intervalMs: number; alertRules: { kind: string; abovePercent?: number }[] };
const rule = (page: Page, n: number, kind: string) => page.getByRole('group', { name: `Rule ${n}: ${kind}` });

async function addRule(page: Page, kind: string) {
  await page.getByLabel('Kind of new rule').selectOption({ label: kind });
  await page.getByRole('button', { name: 'Add rule' }).click();
}

test.describe.configure({ mode: 'serial' });

test('a CPU rule made in Settings fires an in-page notice, is listed in Alerts, and persists', async ({ page }) => {
  await openPage(page, served, '#/settings');
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  // Tray and login belong to the desktop app.
  await expect(page.getByLabel(/keeps Procyon running in the tray/)).toBeDisabled();
  await expect(page.getByLabel(/Start Procyon when I log in/)).toBeDisabled();
  await expect(page.getByText('desktop app only').first()).toBeVisible();
  await expect(page.getByText('No rules yet.')).toBeVisible();

  // A mistake is named at its field, and nothing is saved.
  await addRule(page, 'Process memory');
  await page.getByRole('button', { name: 'Save rules' }).click();
  const name = rule(page, 1, 'Process memory').getByLabel('Name or command line contains');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings-status')).toHaveText(/not saved/);
  await expect(page.getByTestId('alert-notice')).toHaveCount(0);
  await rule(page, 1, 'Process memory').getByRole('button', { name: /Delete rule 1/ }).click();

  await addRule(page, 'CPU usage');
  const cpu = rule(page, 1, 'CPU usage');
  await cpu.getByLabel('Above (%)').fill('0');
  await cpu.getByLabel('For (seconds)').fill('1');
  const saveButton = page.getByRole('button', { name: 'Save rules' });
  await saveButton.click();
  await expect(page.getByTestId('settings-status')).toHaveText('Alert rules saved.');
  expect(saved().alertRules).toMatchObject([{ kind: 'cpu', abovePercent: 0, forSeconds: 1, enabled: true }]);

  // The notice names the rule and the value, and does not take focus.
  const kindSelect = page.getByLabel('Kind of new rule');
  await kindSelect.focus();
  const notice = page.getByTestId('alert-notice');
  await expect(notice).toHaveCount(1, { timeout: 10_000 });
  await expect(notice).toHaveAttribute('role', 'status');
  await expect(notice).toContainText('Alert: CPU usage');
  await expect(notice).toContainText(/CPU above 0 % for 1 s \(now \d+ %\)/);
  await expect(kindSelect).toBeFocused();
  // One episode, one notice: more ticks above 0 % add none.
  await page.waitForTimeout(1500);
  await expect(notice).toHaveCount(1);

  await nav(page, 'Alerts').click();
  const history = page.getByTestId('alert-history');
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('row').nth(1)).toContainText('CPU usage');
  await expect(history.getByRole('row').nth(1)).toContainText('firing');
  await expect(history.getByRole('row').nth(1)).toContainText(/CPU above 0 %/);

  // Dismissed, the notice goes; the history stays.
  await notice.getByRole('button', { name: /Dismiss/ }).click();
  await expect(notice).toHaveCount(0);
  await expect(history.getByRole('row')).toHaveCount(2);

  await page.reload();
  await openPage(page, served, '#/settings');
  await expect(rule(page, 1, 'CPU usage').getByLabel('Above (%)')).toHaveValue('0');
  await expect(rule(page, 1, 'CPU usage').getByLabel('Enabled')).toBeChecked();
});

test('disabling the rule resolves the episode', async ({ page }) => {
  await openPage(page, served, '#/settings');
  await rule(page, 1, 'CPU usage').getByLabel('Enabled').uncheck();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('alert-notice').filter({ hasText: 'Resolved: CPU usage' })).toHaveCount(1, { timeout: 10_000 });
  await openPage(page, served, '#/alerts');
  await expect(page.getByTestId('alert-history').getByRole('row').nth(1)).toContainText('resolved');
});

test('screenshots of Settings and Alerts', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  await openPage(page, served, '#/settings');
  await addRule(page, 'Disk usage');
  await rule(page, 2, 'Disk usage').getByLabel(/Mountpoint/).fill('/');
  // "/" is surely more than 1 % used: a notice for the picture, and one more history row.
  await rule(page, 2, 'Disk usage').getByLabel('Used above (%)').fill('1');
  await addRule(page, 'Process memory');
  await rule(page, 3, 'Process memory').getByLabel('Name or command line contains').fill('chromium');
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Alert rules saved.');
  await expect(page.getByTestId('alert-notice')).toContainText('Disk / above 1 % used', { timeout: 10_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'settings-light.png') });
  await page.goto(`${served.origin}/#/alerts`);
  await expect(page.getByTestId('alert-history').getByRole('row')).toHaveCount(4);
  await expect(page.getByTestId('alert-history').getByRole('row').nth(1)).toContainText('/');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'alerts-light.png') });
  await context.close();
});

test('the host keeps the interval: chosen in Settings, used at the next start', async ({ page }) => {
  await openPage(page, served, '#/settings');
  await page.getByLabel('Update interval').selectOption({ label: 'Every 2 s' });
  await expect(page.getByTestId('settings-status')).toHaveText('Update interval saved.');
  expect(saved().intervalMs).toBe(2000);
  await served.stop();
  // No --interval this time: the saved one applies.
  served = await startServe(['--settings', settingsFile]);
  await openPage(page, served, '#/settings');
  await expect(page.getByLabel('Update interval')).toHaveValue('2000');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' }).getByLabel('Update interval')).toHaveValue('2000');
});

test('every control on Settings and Alerts has an accessible name', async ({ page }) => {
  for (const hash of ['#/settings', '#/alerts']) {
    await openPage(page, served, hash);
    await expect(page.locator('.page')).toHaveAttribute('data-page', hash.slice(2));
    await expect(page.getByText('Loading…')).toHaveCount(0);
    expect(await unnamedControls(page), hash).toEqual([]);
  }
});

test('a read-only host shows its settings and rules, disabled', async ({ page }) => {
  const readOnly = await startServe(['--read-only']);
  try {
    await openPage(page, readOnly, '#/settings');
    await expect(page.getByText('This host is read-only')).toBeVisible();
    await expect(page.getByLabel('Update interval')).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Add rule' })).toBeDisabled();
  } finally {
    await readOnly.stop();
  }
});
