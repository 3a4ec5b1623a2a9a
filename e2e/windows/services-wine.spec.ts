import { expect, test, type Locator, type Page } from '@playwright/test';
import { type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exited, scState, wineNode, wineSc } from '../support/wine';

// The Services page on Windows: `procyon serve` in node.exe under Wine (as
// serve-wine.spec.ts runs it), Debian's Chromium. The page lists Wine's own
// services with the state Wine's `sc query` reports; a search and a sort work
// as the process table's; Wine's print spooler (stopped and manual in a fresh
// prefix, safe to run) is started and stopped from the page, each confirmed
// and reported, and `sc query` sees it; its pid opens its process.

const scratch = mkdtempSync(path.join(os.tmpdir(), 'procyon-wine-services-'));
const children: ChildProcess[] = [];
const SPOOLER = 'Spooler';

test.afterAll(async () => {
  if (scState(SPOOLER) === 'running') wineSc('stop', SPOOLER);
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await Promise.all(children.map(exited));
  rmSync(scratch, { recursive: true, force: true });
});

const rowOf = (page: Page, name: string): Locator => page.getByTestId('services-table').locator(`tr[data-service="${name}"]`);
const statusOf = (row: Locator) => row.getByTestId('service-status').textContent();

test('serve under Wine: the Services page lists Wine’s services as sc query reports them, and starts and stops the spooler', async ({ page }) => {
  test.setTimeout(240_000);
  // The spooler starts stopped, whatever an earlier run left.
  if (scState(SPOOLER) !== 'stopped') wineSc('stop', SPOOLER);
  await expect.poll(() => scState(SPOOLER), { timeout: 30_000 }).toBe('stopped');

  const serveLog = path.join(scratch, 'serve.txt');
  children.push(wineNode(['bin/procyon.js', 'serve', '--port', '0', '--no-settings'], serveLog));
  let url = '';
  await expect
    .poll(() => (url = (existsSync(serveLog) ? /(http:\/\/\S+#token=\S+)/.exec(readFileSync(serveLog, 'utf8'))?.[1] : undefined) ?? ''), {
      message: 'procyon serve under Wine prints its URL',
      timeout: 90_000,
    })
    .not.toBe('');
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(url);
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });

  // The entry is there on Windows, after Processes.
  const services = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Services', exact: true });
  await services.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Services' })).toBeVisible();
  await expect(page.getByTestId('services-table').locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Wine's own services, each with the state its service manager reports.
  for (const name of ['RpcSs', 'PlugPlay', 'Eventlog', 'Winmgmt', SPOOLER]) {
    const row = rowOf(page, name);
    await expect(row).toHaveCount(1);
    expect(await statusOf(row), name).toBe(scState(name)!.replaceAll('_', ' '));
  }
  await expect(rowOf(page, 'RpcSs')).toContainText('Remote Procedure Call (RPC)');
  await expect(rowOf(page, SPOOLER)).toContainText('Print Spooler');
  await expect(rowOf(page, SPOOLER)).toContainText('manual');
  await page.screenshot({ path: test.info().outputPath('windows-services-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: test.info().outputPath('windows-services-light.png'), fullPage: true });

  // Sort by PID: the running ones first, in order; the search narrows to what matches.
  await page.getByRole('columnheader', { name: 'PID' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'PID' })).toHaveAttribute('aria-sort', 'ascending');
  const pids = (await page.getByTestId('services-table').locator('tbody tr td:nth-child(5)').allTextContents()).filter((t) => /^\d+$/.test(t)).map(Number);
  expect(pids.length).toBeGreaterThan(1);
  expect(pids).toEqual([...pids].sort((a, b) => a - b));
  await page.getByTestId('services-search').fill('spool');
  await expect(page.getByTestId('services-table').locator('tbody tr')).toHaveCount(1);

  // Start, confirmed and reported; sc query sees it run, and the page shows it with its process.
  const spooler = rowOf(page, SPOOLER);
  await expect(spooler.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await spooler.getByRole('button', { name: 'Start' }).click();
  const start = page.getByRole('dialog', { name: 'Start service' });
  await expect(start).toContainText('Print Spooler');
  await start.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('action-report')).toContainText('Print Spooler (Spooler): asked to start');
  await expect.poll(() => scState(SPOOLER), { timeout: 30_000 }).toBe('running');
  await expect.poll(() => statusOf(spooler), { timeout: 30_000 }).toBe('running');
  const pid = await spooler.locator('td:nth-child(5) button').textContent({ timeout: 30_000 });
  expect(Number(pid)).toBeGreaterThan(0);

  // Its pid opens the Processes page on that process: spoolsv.exe.
  await spooler.locator('td:nth-child(5) button').click();
  await expect(page.getByRole('searchbox', { name: 'Search processes' })).toHaveValue(`pid:${pid}`);
  const proc = page.getByTestId('process-table').locator(`[role="row"][data-pid="${pid}"]`);
  await expect(proc).toContainText('spoolsv.exe', { timeout: 30_000 });
  await services.click();
  await page.getByTestId('services-search').fill('spool');

  // Stop, confirmed and reported; sc query sees it stop.
  await spooler.getByRole('button', { name: 'Stop' }).click();
  const stop = page.getByRole('dialog', { name: 'Stop service' });
  await stop.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('action-report')).toContainText('Print Spooler (Spooler): asked to stop');
  await expect.poll(() => scState(SPOOLER), { timeout: 30_000 }).toBe('stopped');
  await expect.poll(() => statusOf(spooler), { timeout: 30_000 }).toBe('stopped');
  await expect(spooler.locator('td:nth-child(5)')).toHaveText('—');
  // Stopped: only Start is offered again.
  await expect(spooler.getByRole('button', { name: 'Stop' })).toBeDisabled();
  await expect(spooler.getByRole('button', { name: 'Start' })).toBeEnabled();
  expect(consoleErrors).toEqual([]);
});
