import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cannotMakeGroups, TestGroups } from '../../test/support/cgroups.mjs';
import { openPage, SCREENSHOTS } from '../support/dashboard';
import { startServe, type Served } from '../support/serve';

// The Apps page against groups this spec makes under the cgroup v2 mount (as
// root): an app scope named as systemd names one, whose name comes from a
// .desktop file in the spec's own XDG data dir, and a service whose members
// keep forking. Listed with names and figures, expanded into processes,
// frozen and thawed from the UI (checked in cgroup.events), the forking one
// killed from the UI (no member left), a process's details linking back to
// its app; pictures at two sizes in both themes.

const why = cannotMakeGroups();
test.skip(why !== null, `needs its own control groups: ${why}`);

const APP_ID = `org.procyon.E2eFixture${process.pid}`;
const APP_NAME = 'Procyon Fixture App';
const APP = `app-procyon-${APP_ID}-1.scope`;
const FORKER = 'procyon-e2e-forker.service';
/** What the page calls a service: its unit name without the suffix. */
const FORKER_NAME = 'procyon-e2e-forker';

let served: Served;
let groups: TestGroups;
let xdg: string;
let sleeper: number;
/** Where the app's memory limit lands: memory.max, or on a hybrid host its v1 memory group's memory.limit_in_bytes. */
let limitFile: string;
test.beforeAll(async () => {
  xdg = mkdtempSync(path.join(os.tmpdir(), 'procyon-e2e-apps-'));
  mkdirSync(path.join(xdg, 'applications'));
  writeFileSync(path.join(xdg, 'applications', `${APP_ID}.desktop`), `[Desktop Entry]\nType=Application\nName=${APP_NAME}\nExec=sleep\n`);
  groups = new TestGroups('procyon-e2e-apps');
  groups.make(APP);
  groups.make(FORKER);
  limitFile = groups.mirrorMemory(APP);
  sleeper = (await groups.start(APP, 'exec sleep 600')).pid!;
  await groups.start(FORKER, 'while :; do sleep 5 & sleep 0.05; done');
  // The host reads .desktop files from the XDG data dirs of its environment: this spec's.
  const saved = process.env.XDG_DATA_HOME;
  process.env.XDG_DATA_HOME = xdg;
  try {
    served = await startServe(['--interval', '500']);
  } finally {
    if (saved === undefined) delete process.env.XDG_DATA_HOME;
    else process.env.XDG_DATA_HOME = saved;
  }
});
test.afterAll(async () => {
  await served?.stop();
  await groups?.removeAll();
  rmSync(xdg, { recursive: true, force: true });
});

const rowOf = (page: Page, leaf: string) => page.locator(`tr[data-group="${groups.pathOf(leaf)}"]`);

/** The Apps page showing only this spec's groups. */
async function openApps(page: Page) {
  await openPage(page, served, '#/apps');
  await expect(page.getByRole('heading', { level: 2, name: 'Apps' })).toBeVisible();
  await page.getByTestId('apps-search').fill(groups.base);
}

test('lists the spec’s groups with their names and figures, and expands one into its processes', async ({ page }) => {
  await openApps(page);
  const app = rowOf(page, APP);
  await expect(app.getByTestId('app-name')).toHaveText(APP_NAME);
  await expect(app.getByText('App', { exact: true })).toBeVisible();
  await expect(app.getByTestId('app-pids')).toHaveText('1');
  // A rate needs two ticks: then a percentage, and a sparkline once there are two points.
  await expect(app.getByTestId('app-cpu')).toHaveText(/^\d+(\.\d)?%$/);
  const forker = rowOf(page, FORKER);
  await expect(forker.getByTestId('app-name')).toHaveText(FORKER_NAME);
  await expect(forker.getByText('Service', { exact: true })).toBeVisible();
  await expect.poll(async () => Number(await forker.getByTestId('app-pids').textContent())).toBeGreaterThan(2);
  await expect(forker.getByTestId('app-spark')).toBeVisible({ timeout: 15_000 });

  await app.getByRole('button', { name: `Show the processes of ${APP_NAME}` }).click();
  const members = page.locator(`tr[data-members="${groups.pathOf(APP)}"]`);
  await expect(members.getByRole('listitem')).toHaveCount(1);
  await expect(members.getByRole('listitem')).toContainText(`${sleeper} sleep`);

  // Its pid opens the process's details, which name its app and lead back to it.
  await members.getByTestId('app-member').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Processes' })).toBeVisible();
  const back = page.getByTestId('detail-cgroup');
  await expect(back).toHaveText(`${APP_NAME} (app)`);
  await back.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Apps' })).toBeVisible();
  await expect(page.locator('tr.apps-focus')).toHaveAttribute('data-group', groups.pathOf(APP));
  await expect(page.locator(`tr[data-members="${groups.pathOf(APP)}"]`)).toBeVisible();
});

test('freezes and thaws an app from the UI, as cgroup.events says', async ({ page }) => {
  await openApps(page);
  const app = rowOf(page, APP);
  await app.getByRole('button', { name: 'Freeze', exact: true }).click();
  await expect(page.getByTestId('action-report')).toContainText(`${APP_NAME} (app): frozen`);
  expect(groups.field(APP, 'cgroup.events', 'frozen')).toBe(1);
  await expect(app.getByTestId('app-frozen')).toBeVisible();
  await app.getByRole('button', { name: 'Thaw', exact: true }).click();
  await expect(page.getByTestId('action-report')).toContainText(`${APP_NAME} (app): thawed`);
  expect(groups.field(APP, 'cgroup.events', 'frozen')).toBe(0);
  await expect(app.getByTestId('app-frozen')).toHaveCount(0);
});

test('sets and clears an app’s memory limit from the UI, as the kernel’s limit file says', async ({ page }) => {
  const MiB = 2 ** 20;
  const limit = () => Number(readFileSync(limitFile, 'utf8').trim().replace(/^max$/, 'Infinity'));
  const unlimited = limit();
  await openApps(page);
  const app = rowOf(page, APP);
  await expect(app.getByTestId('app-memory')).toHaveText(/iB$/);
  await app.getByRole('button', { name: 'Limit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Memory limit' });
  await dialog.getByTestId('apps-limit').fill('1K');
  await dialog.getByRole('button', { name: 'Set limit' }).click();
  await expect(dialog.getByRole('alert')).toContainText('below 4 MiB');
  await dialog.getByTestId('apps-limit').fill('256M');
  await dialog.getByRole('button', { name: 'Set limit' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`${APP_NAME} (app): memory limit set to 256 MiB`);
  expect(limit()).toBe(256 * MiB);
  await expect(app.getByTestId('app-memory')).toContainText('/ 256 MiB');
  await app.getByRole('button', { name: 'Limit…' }).click();
  await page.getByRole('dialog', { name: 'Memory limit' }).getByRole('button', { name: 'Clear limit' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`${APP_NAME} (app): memory limit cleared`);
  expect(limit()).toBe(unlimited);
  await expect(app.getByTestId('app-memory')).not.toContainText('/');
});

test('pictures of the page: a group expanded, and the kill confirmation', async ({ browser }) => {
  test.setTimeout(120_000);
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 800, height: 600 },
    ]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport });
      const page = await context.newPage();
      try {
        await openApps(page);
        const app = rowOf(page, APP);
        await expect(app.getByTestId('app-cpu')).toHaveText(/%$/);
        await expect(rowOf(page, FORKER).getByTestId('app-spark')).toBeVisible({ timeout: 15_000 });
        await app.getByRole('button', { name: `Show the processes of ${APP_NAME}` }).click();
        await page.mouse.move(0, 0);
        const size = `${viewport.width}x${viewport.height}-${scheme}`;
        await page.screenshot({ path: path.join(SCREENSHOTS, `apps-expanded-${size}.png`) });
        await rowOf(page, FORKER).getByRole('button', { name: 'Kill', exact: true }).click();
        await expect(page.getByRole('dialog', { name: 'Kill group?' })).toBeVisible();
        await page.screenshot({ path: path.join(SCREENSHOTS, `apps-confirm-${size}.png`) });
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
        await expect(page.getByRole('dialog')).toHaveCount(0);
      } finally {
        await context.close();
      }
    }
  }
  // Cancelled: every member still runs.
  expect(groups.procs(FORKER).length).toBeGreaterThan(0);
});

test('the group holding Procyon itself asks again, as the host requires, and Cancel leaves it be', async ({ page }) => {
  // The serve process's own group (the v2 line of its /proc/PID/cgroup): the root group on a host without systemd.
  const own = readFileSync(`/proc/${served.child.pid}/cgroup`, 'utf8').split('\n').find((l) => l.startsWith('0::'))!.slice(3);
  await openPage(page, served, '#/apps');
  const row = page.locator(`tr[data-group="${own}"]`);
  await row.getByRole('button', { name: 'Kill', exact: true }).click();
  await page.getByRole('dialog', { name: 'Kill group?' }).getByRole('button', { name: 'Kill group' }).click();
  // Refused by the host before anything was touched; the page asks the explicit confirmation.
  const special = page.getByRole('dialog', { name: 'This group is special' });
  await expect(special).toContainText(/holds Procyon itself|above the group that holds Procyon/);
  await expect(special.getByRole('button', { name: 'Yes, kill it' })).toBeVisible();
  await special.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(served.child.exitCode).toBeNull();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
});

test('kills the group whose members keep forking from the UI, leaving none running', async ({ page }) => {
  await openApps(page);
  const forker = rowOf(page, FORKER);
  await forker.getByRole('button', { name: 'Kill', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Kill group?' });
  await expect(dialog).toContainText(FORKER_NAME);
  await dialog.getByRole('button', { name: 'Kill group' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`${FORKER_NAME} (service): killed, no process left`);
  expect(groups.procs(FORKER)).toEqual([]);
  expect(groups.field(FORKER, 'cgroup.events', 'populated')).toBe(0);
  // The group stays (empty) until removed: the page shows it with no process, or drops it.
  await expect.poll(async () => (await forker.count()) === 0 || (await forker.getByTestId('app-pids').textContent()) === '0').toBe(true);
});
