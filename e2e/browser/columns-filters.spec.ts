import { expect, test, type Page } from '@playwright/test';
import { userInfo } from 'node:os';
import { openPage } from '../support/dashboard';
import { grid, row, Spawned } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// Issue 24, point 12: columns resized and moved by hand, kept across reloads;
// the search box's field filters user: pid: name: port: cmd:, combined.

let served: Served;
const spawned = new Spawned();
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
});

async function openProcesses(page: Page) {
  await openPage(page, served, '#/processes');
  await expect(grid(page).locator('[role="rowgroup"] [role="row"]').first()).toBeVisible();
}

const headers = (page: Page) => grid(page).getByRole('columnheader').evaluateAll((hs) => hs.map((h) => h.textContent!.replace(/[▲▼]/g, '').trim()));
const headerWidth = async (page: Page, label: string) => (await grid(page).getByRole('columnheader', { name: label, exact: true }).boundingBox())!.width;

test('a column is resized by dragging its edge and moved by dragging its name, and both survive a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openProcesses(page);
  const before = await headerWidth(page, 'Name');
  const edge = (await grid(page).getByRole('columnheader', { name: 'Name', exact: true }).locator('.pt-resize').boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 40, edge.y + edge.height / 2, { steps: 4 });
  await page.mouse.move(edge.x + edge.width / 2 + 90, edge.y + edge.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(() => headerWidth(page, 'Name')).toBeGreaterThan(before + 80);
  // The cells follow their header.
  const cell = await grid(page).locator('[role="rowgroup"] [role="row"]').first().getByRole('gridcell').nth((await headers(page)).indexOf('Name')).boundingBox();
  expect(Math.abs(cell!.width - (await headerWidth(page, 'Name')))).toBeLessThan(2);

  expect((await headers(page)).slice(0, 3)).toEqual(['PID', 'Name', 'User']);
  await grid(page).getByRole('button', { name: 'User', exact: true }).dragTo(grid(page).getByRole('columnheader', { name: 'PID', exact: true }));
  await expect.poll(async () => (await headers(page)).slice(0, 3)).toEqual(['User', 'PID', 'Name']);

  const widened = await headerWidth(page, 'Name');
  await page.reload();
  await openProcesses(page);
  expect((await headers(page)).slice(0, 3)).toEqual(['User', 'PID', 'Name']);
  expect(Math.abs((await headerWidth(page, 'Name')) - widened)).toBeLessThan(2);
  // A numeric column cannot be dragged narrower than its values.
  const pidEdge = (await grid(page).getByRole('columnheader', { name: 'PID', exact: true }).locator('.pt-resize').boundingBox())!;
  await page.mouse.move(pidEdge.x + pidEdge.width / 2, pidEdge.y + pidEdge.height / 2);
  await page.mouse.down();
  await page.mouse.move(pidEdge.x - 200, pidEdge.y + pidEdge.height / 2, { steps: 4 });
  await page.mouse.up();
  const pidCells = await grid(page).evaluate((el) => {
    const i = [...el.querySelectorAll('[role="columnheader"]')].findIndex((h) => h.textContent!.startsWith('PID'));
    return [...el.querySelectorAll('[role="rowgroup"] [role="row"]')].map((r) => r.querySelectorAll<HTMLElement>('[role="gridcell"]')[i]!).filter((c) => c.scrollWidth > c.clientWidth).length;
  });
  expect(pidCells).toBe(0);
  expect(await headerWidth(page, 'PID')).toBeGreaterThanOrEqual(40);
});

test('field filters: user:, pid:, name:, cmd: and port: narrow the table and combine', async ({ page }) => {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const listener = spawned.bash(`exec -a procyon-e2e-port-listener node -e "require('net').createServer().listen(${port}, '127.0.0.1'); setInterval(() => {}, 1e9)"`);
  const sleeper = spawned.bash('exec -a procyon-e2e-fields sleep 300');
  await openProcesses(page);
  const search = page.getByRole('searchbox', { name: 'Search processes' });
  const rows = grid(page).locator('[role="rowgroup"] [role="row"]');
  const pids = () => rows.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('data-pid'))).sort((a, b) => a - b));

  await search.fill(`pid:${sleeper.pid}`);
  await expect.poll(pids).toEqual([sleeper.pid]);

  await search.fill('name:sleep cmd:procyon-e2e-fields');
  await expect.poll(pids).toEqual([sleeper.pid]);
  await search.fill(`name:node cmd:procyon-e2e-fields`);
  await expect(rows).toHaveCount(0);

  const me = userInfo().username;
  await search.fill(`user:${me} procyon-e2e-fields`);
  await expect.poll(pids).toEqual([sleeper.pid]);
  await search.fill(`user:nobody-${me} procyon-e2e-fields`);
  await expect(rows).toHaveCount(0);

  // port: the processes with a socket on that port (read with the connections API only while asked).
  await search.fill(`port:${port}`);
  await expect.poll(pids, { timeout: 15_000 }).toEqual([listener.pid]);
  await expect(row(page, listener.pid!)).toContainText('node');
  await search.fill(`port:${port} name:node`);
  await expect.poll(pids).toEqual([listener.pid]);
  await search.fill(`port:${port} name:sleep`);
  await expect(rows).toHaveCount(0);
  await search.fill(`port:${port} pid:${listener.pid} pid:${sleeper.pid}`);
  await expect.poll(pids).toEqual([listener.pid]);
});
