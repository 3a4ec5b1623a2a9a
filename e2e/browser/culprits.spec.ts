import { expect, test, type Page } from '@playwright/test';
import { setPriority } from 'node:os';
import path from 'node:path';
import { openPage, SCREENSHOTS } from '../support/dashboard';
import { Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// "Who caused that spike": a process this test makes busy (a real `yes`) is
// named in the CPU chart's tooltip with its share, a click on the point lists
// it, and a click on it opens it on the Processes page with its details, whose
// charts start from what the host kept of it, not from the click.

let served: Served;
const spawned = new Spawned();
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
// Each test's busy child ends with it: the next test's child must not share the CPU with the last one's.
test.afterEach(() => spawned.killAll());
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
});

function busyChild() {
  const child = spawned.bash('exec yes >/dev/null');
  // Where allowed (root), ahead of the other busy processes of a loaded machine; elsewhere it simply competes.
  try {
    setPriority(child.pid!, -10);
  } catch {
    /* not permitted */
  }
  return child;
}

/** Moves the pointer across the CPU chart from its right edge until a point's tooltip names `pid` first. */
async function hoverUntilNamed(page: Page, pid: number, plotSelector = '.recharts-cartesian-grid'): Promise<{ x: number; y: number }> {
  const chart = page.getByTestId('cpu-chart');
  const plot = chart.locator(plotSelector).first();
  let found: { x: number; y: number } | null = null;
  await expect
    .poll(
      async () => {
        const box = await plot.boundingBox();
        if (!box) return 'no plot yet';
        // The newest minute is at the right: try points from there leftwards.
        for (let f = 0.995; f > 0.75; f -= 0.01) {
          const at = { x: box.x + box.width * f, y: box.y + box.height / 2 };
          await page.mouse.move(at.x, at.y);
          const first = page.getByTestId('chart-culprits').locator('[data-pid]').first();
          if ((await first.count()) > 0 && (await first.getAttribute('data-pid')) === String(pid)) {
            found = at;
            return 'named';
          }
        }
        return 'not named first yet';
      },
      { timeout: 45_000, intervals: [500] },
    )
    .toBe('named');
  return found!;
}

test('a chart point names the busy process with its share; a click opens it with the history the host kept', async ({ page }) => {
  const child = busyChild();
  const pid = child.pid!;
  await openPage(page, served, '#/cpu');
  // A few ticks with `yes` running, so the host has named it for a while.
  await expect.poll(async () => Number(await page.getByTestId('cpu-chart').getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(10);

  await hoverUntilNamed(page, pid);
  const tooltip = page.locator('.chart-tooltip');
  await expect(tooltip.getByTestId('chart-culprits')).toContainText('Top processes by CPU');
  const first = tooltip.locator('[data-pid]').first();
  await expect(first).toContainText('yes');
  await expect(first).toContainText(String(pid));
  // Its share of the machine, as the chart's percent: more than nothing, at most one core's worth.
  const share = Number((await first.locator('.chart-tooltip-value').textContent())!.replace('%', ''));
  expect(share).toBeGreaterThan(0);
  await tooltip.screenshot({ path: path.join(SCREENSHOTS, 'culprit-tooltip.png') });
  await page.getByTestId('cpu-chart').screenshot({ path: path.join(SCREENSHOTS, 'culprit-chart-hover.png') });

  // A click keeps the point's processes under the chart; the process opens from there.
  const at = await hoverUntilNamed(page, pid);
  await page.mouse.click(at.x, at.y);
  const panel = page.getByTestId('culprit-panel');
  await expect(panel).toBeVisible();
  await panel.screenshot({ path: path.join(SCREENSHOTS, 'culprit-panel.png') });
  await panel.getByRole('button', { name: new RegExp(`^yes ${pid} `) }).click();
  await expect(page).toHaveURL(/#\/processes$/);
  const details = page.getByRole('dialog', { name: `Details of yes (${pid})` });
  await expect(details).toBeVisible();
  await details.getByRole('tab', { name: 'Resources' }).click();
  // The charts start from what the host kept: many points at once, not the one or two since the click.
  await expect(details.getByText(/as the host kept it/)).toBeVisible();
  await expect.poll(async () => Number(await details.getByTestId('details-cpu-chart').getAttribute('data-points'))).toBeGreaterThan(5);
  await details.screenshot({ path: path.join(SCREENSHOTS, 'culprit-details.png') });
});

test('a culprit that has exited is said to have, and opens nothing', async ({ page }) => {
  const child = busyChild();
  const pid = child.pid!;
  await openPage(page, served, '#/cpu');
  await expect.poll(async () => Number(await page.getByTestId('cpu-chart').getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(5);
  const at = await hoverUntilNamed(page, pid);
  await page.mouse.click(at.x, at.y);
  const chip = page.getByTestId('culprit-panel').getByRole('button', { name: new RegExp(`^yes ${pid} `) });
  await expect(chip).toBeVisible();
  process.kill(pid, 'SIGKILL');
  await chip.click();
  await expect(chip).toBeDisabled();
  await expect(chip).toContainText('exited');
  await expect(page).toHaveURL(/#\/cpu$/);
});

test('the Overview’s CPU tile names the busy process on hover too', async ({ page }) => {
  const child = busyChild();
  await openPage(page, served, '#/');
  await expect.poll(async () => Number(await page.getByTestId('cpu-chart').getAttribute('data-points')), { timeout: 30_000 }).toBeGreaterThan(5);
  await hoverUntilNamed(page, child.pid!, '.recharts-surface');
  await expect(page.locator('.chart-tooltip').getByTestId('chart-culprits')).toContainText('yes');
  // The tile and its tooltip, which reaches past the tile.
  const tile = (await page.locator('.tile', { has: page.getByTestId('cpu-chart') }).boundingBox())!;
  const tip = (await page.locator('.chart-tooltip').boundingBox())!;
  const x = Math.min(tile.x, tip.x);
  const y = Math.min(tile.y, tip.y);
  const clip = { x, y, width: Math.max(tile.x + tile.width, tip.x + tip.width) - x, height: Math.max(tile.y + tile.height, tip.y + tip.height) - y };
  await page.screenshot({ path: path.join(SCREENSHOTS, 'culprit-overview-tile.png'), clip });
});
