import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPage } from '../support/dashboard';
import { hoveredContrast } from '../support/contrast';
import { findProcess, grid, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// Issue 24, points 4–6: what a first week at 1440×900, 1024×700 and 800×600 found unreadable or cut off.

let served: Served;
const spawned = new Spawned();
let tmp: string;
test.beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'procyon-e2e-layout-'));
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function openProcesses(page: Page) {
  await openPage(page, served, '#/processes');
  await expect(page.getByRole('heading', { level: 2, name: 'Processes' })).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`hovered red and blue buttons keep a contrast of at least 4.5:1 (${scheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      const child = spawned.bash('exec -a procyon-e2e-contrast sleep 300');
      await openProcesses(page);
      await findProcess(page, 'procyon-e2e-contrast', child.pid!);
      await row(page, child.pid!).click();
      const toolbar = page.getByRole('toolbar', { name: 'Process actions' });
      for (const name of ['Terminate', 'Kill', 'Kill tree']) {
        expect(await hoveredContrast(toolbar.getByRole('button', { name, exact: true })), name).toBeGreaterThanOrEqual(4.5);
      }
      await toolbar.getByRole('button', { name: 'Kill', exact: true }).click();
      const confirm = page.getByRole('dialog');
      const yes = confirm.locator('button[type="submit"]');
      await expect(yes).toBeVisible();
      expect(await hoveredContrast(yes), await yes.innerText()).toBeGreaterThanOrEqual(4.5);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirm).toBeHidden();

      await toolbar.getByRole('button', { name: 'Change priority…' }).click();
      const apply = page.getByRole('dialog').getByRole('button', { name: 'Apply' });
      expect(await hoveredContrast(apply), 'Apply').toBeGreaterThanOrEqual(4.5);
      await page.keyboard.press('Escape');
    } finally {
      await context.close();
    }
  });
}

for (const viewport of [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
]) {
  test(`the Columns & options popover is inside the viewport at ${viewport.width}×${viewport.height}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    try {
      await openProcesses(page);
      await page.getByRole('button', { name: 'Columns & options' }).click();
      const panel = page.getByRole('dialog', { name: 'Columns and options' });
      await expect(panel).toBeVisible();
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      // Everything in it can be reached: its last control is in view or scrolls into it inside the panel.
      const last = panel.getByRole('checkbox').last();
      await last.scrollIntoViewIfNeeded();
      const lastBox = (await last.boundingBox())!;
      expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(viewport.height);
    } finally {
      await context.close();
    }
  });
}

/** Cells whose text does not fit (the browser draws "…" at their end), as "column: text". */
function clippedCells(page: Page, numericOnly: boolean): Promise<string[]> {
  return grid(page).evaluate((el, numericOnly) => {
    const heads = [...el.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.replace(/[▲▼]/g, '').trim());
    const out: string[] = [];
    for (const r of el.querySelectorAll('[role="rowgroup"] [role="row"]')) {
      [...r.querySelectorAll<HTMLElement>('[role="gridcell"]')].forEach((c, i) => {
        if (numericOnly && !c.classList.contains('num')) return;
        if (c.scrollWidth > c.clientWidth) out.push(`${heads[i]}: ${c.textContent}`);
      });
    }
    return out;
  }, numericOnly);
}

test('at 1440×900 no number in the process table is cut off, and overview names each interface in full', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    // A writer, so the Write column has a rate of several KiB/s or MiB/s to show (the widest its format gets).
    const writer = spawned.bash(`exec -a procyon-e2e-writer bash -c 'while :; do head -c 3000000 /dev/zero > "${tmp}/f"; sync "${tmp}/f"; done'`);
    await openProcesses(page);
    // Every default column plus every optional one, widest first.
    await page.getByRole('button', { name: 'Columns & options' }).click();
    const panel = page.getByRole('dialog', { name: 'Columns and options' });
    for (const box of await panel.getByRole('checkbox').all()) {
      if ((await box.isEnabled()) && !(await box.isChecked()) && (await box.locator('xpath=..').innerText()) !== 'Ask before terminating or killing') await box.check();
    }
    await page.keyboard.press('Escape');
    await grid(page).getByRole('button', { name: 'Write', exact: true }).click();
    await expect(grid(page).getByRole('columnheader', { name: 'Write' })).toHaveAttribute('aria-sort', /ascending|descending/);
    if ((await grid(page).getByRole('columnheader', { name: 'Write' }).getAttribute('aria-sort')) !== 'descending') await grid(page).getByRole('button', { name: 'Write', exact: true }).click();
    await expect(row(page, writer.pid!)).toBeVisible({ timeout: 20_000 });
    await expect(row(page, writer.pid!)).toContainText(/[KMG]iB\/s/, { timeout: 20_000 });
    // Several ticks, so whatever the rates do, each was checked.
    for (let i = 0; i < 6; i++) {
      expect(await clippedCells(page, true)).toEqual([]);
      await page.waitForTimeout(500);
    }

    await openPage(page, served, '#/');
    const nics = page.getByRole('region', { name: /^Network / });
    await expect(nics.first()).toBeVisible();
    for (const tile of await nics.all()) {
      const name = (await tile.getAttribute('aria-label'))!.replace(/^Network /, '');
      const heading = tile.getByRole('heading').first();
      await expect(heading).toContainText(name);
      expect(await heading.evaluate((h) => [...h.querySelectorAll('*'), h].every((e) => e.scrollWidth <= e.clientWidth)), `${name}'s title fits`).toBe(true);
    }
  } finally {
    await context.close();
  }
});

test('at 800×600 the header is one row, the sidebar is narrow, and the process table shows more than a few rows', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  try {
    await openProcesses(page);
    const header = page.locator('header.app-header');
    const rows = await header.evaluate((h) => {
      const tops = [...h.children].filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => c.getBoundingClientRect());
      return tops.filter((r) => r.height > 0).map((r) => [Math.round(r.top), Math.round(r.bottom)]);
    });
    const firstBottom = Math.min(...rows.map(([, b]) => b!));
    // One row: every visible part starts above the bottom of the shortest one.
    for (const [top] of rows) expect(top!).toBeLessThan(firstBottom);
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(60);
    const sidebar = page.getByRole('navigation', { name: 'Pages' });
    expect((await sidebar.boundingBox())!.width).toBeLessThanOrEqual(64);
    // The links keep their names (screen readers, tooltips) though only their icons show.
    await expect(sidebar.getByRole('link', { name: 'Processes', exact: true })).toBeVisible();
    // Rows wholly in the window, not merely in the table's scroll box.
    // Rows arrive with the first table answer, after the heading: wait for them.
    await expect.poll(() => grid(page).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll('[role="rowgroup"] [role="row"]')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= box.top && b.bottom <= Math.min(box.bottom, window.innerHeight);
      }).length;
    }), { message: 'rows wholly visible at 800×600' }).toBeGreaterThanOrEqual(10);
  } finally {
    await context.close();
  }
});
