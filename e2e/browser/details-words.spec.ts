import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage } from '../support/dashboard';
import { findProcess, grid, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// Issue 24, point 10: the details read in words. Open-file flags decoded from
// the number, psutil's field names in words (its name in a tooltip), and every
// resource limit in view, RLIMIT_RTPRIO and RLIMIT_RTTIME included.

let served: Served;
const spawned = new Spawned();
let tmp: string;
test.beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-e2e-words-'));
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function openDetails(page: Page, tag: string, pid: number) {
  await openPage(page, served, '#/processes');
  await findProcess(page, tag, pid);
  await row(page, pid).click();
  await grid(page).press('Enter');
  const panel = page.getByRole('dialog', { name: `Details of sleep (${pid})` });
  await expect(panel).toBeVisible();
  return panel;
}

/** The flags field of /proc/PID/fdinfo/FD: octal, as the kernel prints it. */
const fdFlags = (pid: number, fd: number) => parseInt(/^flags:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'))![1]!, 8);

test('open-file flags read O_WRONLY|O_APPEND|…, the number in the tooltip', async ({ page }) => {
  const file = path.join(tmp, 'appended');
  // fd 3 opened for appending (>>), fd 4 read-write (<>), both by bash before exec.
  const child = spawned.bash(`exec -a procyon-e2e-flags sleep 300 3>>"${file}" 4<>"${file}"`);
  const pid = child.pid!;
  await expect.poll(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('procyon-e2e-flags');
  const panel = await openDetails(page, 'procyon-e2e-flags', pid);
  await panel.getByRole('tab', { name: 'Open files' }).click();
  const table = panel.getByRole('table', { name: 'Open files' });
  await expect(table).toContainText(file);
  const cells = table.locator('tbody tr');
  const appended = cells.filter({ has: page.locator('td', { hasText: /^3$/ }) });
  const readWrite = cells.filter({ has: page.locator('td', { hasText: /^4$/ }) });
  const f3 = fdFlags(pid, 3);
  const f4 = fdFlags(pid, 4);
  await expect(appended).toContainText('O_WRONLY');
  await expect(appended).toContainText('O_APPEND');
  await expect(readWrite).toContainText('O_RDWR');
  // The decimal is no longer what the cell says; it is in the tooltip.
  await expect(appended.locator(`[title^="${f3} "]`)).toHaveCount(1);
  await expect(appended).not.toContainText(String(f3));
  await expect(readWrite).not.toContainText(String(f4));
  if (f3 & 0o2000000) await expect(appended).toContainText('O_CLOEXEC');
});

test('details use words for psutil fields, with psutil’s name in a tooltip, and list every limit in view', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const child = spawned.bash('exec -a procyon-e2e-words sleep 300');
  const pid = child.pid!;
  await expect.poll(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('procyon-e2e-words');
  const panel = await openDetails(page, 'procyon-e2e-words', pid);
  await panel.getByRole('tab', { name: 'Resources' }).click();
  const counters = panel.getByLabel('Counters');
  await expect(counters).toContainText('voluntary');
  for (const raw of ['childrenUser', 'childrenSystem', 'readCount', 'writeChars']) await expect(panel).not.toContainText(raw);
  await expect(counters.locator('[title="psutil: children_user"]')).toHaveText('Children, user');
  await expect(counters.locator('[title="psutil: read_count"]')).toHaveText('Reads');
  const memory = panel.getByLabel('Memory', { exact: true });
  await expect(memory.locator('[title="psutil: vms"]')).toHaveText('Virtual');
  await expect(memory.locator('[title="psutil: rss"]')).toHaveText('Resident');
  await expect(panel.getByRole('table', { name: 'Threads' }).locator('th [title="psutil: user_time"]')).toHaveText('User time');

  await panel.getByRole('tab', { name: 'Limits' }).click();
  const limits = panel.getByRole('table', { name: 'Limits' });
  for (const name of ['RLIMIT_RTPRIO', 'RLIMIT_RTTIME']) {
    const r = limits.getByRole('row').filter({ hasText: name });
    await expect(r).toHaveCount(1);
    await r.scrollIntoViewIfNeeded();
    await expect(r).toBeInViewport();
  }
  // Nothing of the table hidden in a scroll box of its own.
  expect(await limits.evaluate((t) => t.parentElement!.scrollHeight <= t.parentElement!.clientHeight + 1)).toBe(true);
  const [, rtSoft] = /^Max realtime timeout\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))!;
  await expect(limits.getByRole('row').filter({ hasText: 'RLIMIT_RTTIME' })).toContainText(rtSoft!);
});
