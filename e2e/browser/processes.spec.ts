import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { openPage, SCREENSHOTS } from '../support/dashboard';
import { collectorProc, exited, findProcess, grid, parseBytes, procStat, procState, row, Spawned, visibleColumn } from '../support/processes';
import { startServe, type Served } from '../support/serve';

// The process manager against this machine's real processes, spawned here
// with distinctive command lines so the search finds exactly them.

let served: Served;
const spawned = new Spawned();
test.beforeAll(async () => {
  served = await startServe(['--interval', '500']);
});
test.afterAll(async () => {
  spawned.killAll();
  await served?.stop();
});

const target = (tag: string) => spawned.bash(`exec -a procyon-e2e-${tag} sleep 300 3</etc/hostname`, { PROCYON_E2E_MARK: `mark-${tag}` });

async function openProcesses(page: Page) {
  await openPage(page, served, '#/processes');
  await expect(page.getByRole('heading', { level: 2, name: 'Processes' })).toBeVisible();
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `processes-${name}.png`) });

test('the table lists real processes, finds one by search and sorts by CPU and memory', async ({ page }) => {
  const child = target('find');
  await openProcesses(page);
  await expect(page.getByRole('link', { name: 'Processes', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(grid(page).locator('[role="rowgroup"] [role="row"]').first()).toBeVisible();
  // CPU % needs two readings: wait for the second tick before the picture.
  await expect.poll(async () => (await visibleColumn(page, 'CPU %'))[0]).not.toBe('—');
  await shot(page, 'table');

  for (const [header, parse] of [
    ['CPU %', (t: string) => (t === '—' ? -1 : Number(t))],
    ['Memory', parseBytes],
  ] as const) {
    await grid(page).getByRole('button', { name: header, exact: true }).click();
    await expect(grid(page).getByRole('columnheader', { name: header })).toHaveAttribute('aria-sort', /ascending|descending/);
    if ((await grid(page).getByRole('columnheader', { name: header }).getAttribute('aria-sort')) !== 'descending') {
      await grid(page).getByRole('button', { name: header, exact: true }).click();
    }
    await expect(grid(page).getByRole('columnheader', { name: header })).toHaveAttribute('aria-sort', 'descending');
    const values = (await visibleColumn(page, header)).map(parse);
    expect(values.length).toBeGreaterThan(5);
    for (let i = 1; i < values.length; i++) expect(values[i - 1]!, `${header} row ${i}`).toBeGreaterThanOrEqual(values[i]!);
  }

  await findProcess(page, 'procyon-e2e-find', child.pid!);
  await expect(grid(page).locator('[role="rowgroup"] [role="row"]')).toHaveCount(1);
  await expect(row(page, child.pid!)).toContainText('procyon-e2e-find 300');
  await expect(row(page, child.pid!)).toContainText('sleep');
  // By pid too, and "/" focuses the box from the table.
  await grid(page).focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search processes' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(String(child.pid));
  await expect(row(page, child.pid!)).toBeVisible();
});

test('"My processes" shows the processes of the user Procyon runs as, not another user\'s', async ({ page }) => {
  const me = userInfo().username;
  const mine = target('mine');
  // The same marker, run as nobody (the tests run as root; setpriv drops to uid 65534).
  const theirs = spawned.bash('exec setpriv --reuid=65534 --regid=65534 --clear-groups bash -c "exec -a procyon-e2e-mine sleep 300"');
  await openProcesses(page);
  await page.getByRole('searchbox', { name: 'Search processes' }).fill('procyon-e2e-mine');
  await expect(row(page, mine.pid!)).toBeVisible();
  await expect(row(page, theirs.pid!)).toBeVisible();
  await expect(row(page, theirs.pid!)).toContainText('nobody');

  const myProcesses = page.getByRole('checkbox', { name: 'My processes' });
  await myProcesses.check();
  await expect(page.getByRole('combobox', { name: 'User' })).toHaveValue(me);
  await expect(row(page, mine.pid!)).toBeVisible();
  await expect(row(page, theirs.pid!)).toHaveCount(0);
  await myProcesses.uncheck();
  await expect(row(page, theirs.pid!)).toBeVisible();
});

test('details: every tab against the collector', async ({ page }) => {
  const child = target('details');
  const pid = child.pid!;
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-details', pid);
  await row(page, pid).click();
  await grid(page).press('Enter');
  const panel = page.getByRole('dialog', { name: `Details of sleep (${pid})` });
  await expect(panel).toBeVisible();
  const truth = collectorProc(pid);

  await expect(panel.getByTestId('detail-exe')).toHaveText(truth.exe);
  await expect(panel.getByTestId('detail-cmdline')).toHaveText(truth.cmdline.join(' '));
  await expect(panel.getByTestId('detail-ppid')).toHaveText(String(truth.ppid));
  await expect(panel.getByRole('list', { name: 'Parents' })).toContainText(`(${truth.ppid})`);
  await expect(panel.getByRole('tabpanel', { name: 'General' })).toContainText(truth.cwd);
  await expect(panel.getByRole('tabpanel', { name: 'General' })).toContainText(`real ${truth.uids.real}`);
  await shot(page, 'details-general');

  await panel.getByRole('tab', { name: 'Resources' }).click();
  await expect(panel.getByRole('table', { name: 'Threads' })).toContainText(String(pid));
  await expect(panel.getByLabel('Counters')).toContainText('voluntary');
  await expect(panel.getByLabel('Counters')).toContainText(`Open file descriptors${truth.numFds}`);
  await expect(panel.getByLabel('Memory', { exact: true })).toContainText('Unique');
  await page.waitForTimeout(1500);
  await shot(page, 'details-resources');

  await panel.getByRole('tab', { name: 'Open files' }).click();
  await expect(panel.getByRole('table', { name: 'Open files' })).toContainText('/etc/hostname');
  await shot(page, 'details-open-files');

  await panel.getByRole('tab', { name: 'Memory maps' }).click();
  const maps = panel.getByRole('table', { name: 'Memory maps' });
  await expect(maps).toContainText(truth.memoryMaps[0].path);
  await expect(maps.getByRole('columnheader', { name: 'Proportional' })).toBeVisible();
  await expect(maps.getByRole('columnheader', { name: 'Swapped out' })).toBeVisible();
  await shot(page, 'details-memory-maps');

  await panel.getByRole('tab', { name: 'Environment' }).click();
  await panel.getByRole('searchbox', { name: 'Search environment' }).fill('PROCYON_E2E');
  await expect(panel.getByRole('table', { name: 'Environment' }).locator('tbody tr')).toHaveCount(1);
  await expect(panel.getByRole('table', { name: 'Environment' })).toContainText('mark-details');
  await shot(page, 'details-environment');

  await panel.getByRole('tab', { name: 'Limits' }).click();
  // Every RLIMIT_*, as /proc/PID/limits has them ("unlimited" is RLIM_INFINITY).
  const limits = panel.getByRole('table', { name: 'Limits' });
  await expect(limits.locator('tbody tr')).toHaveCount(16);
  const [, soft, hard] = /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))!;
  await expect(limits.getByRole('row').filter({ hasText: 'RLIMIT_NOFILE' })).toHaveText(new RegExp(`RLIMIT_NOFILE${soft}${hard}files`));
  const [, cpuSoft] = /^Max cpu time\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))!;
  await expect(limits.getByRole('row').filter({ hasText: 'RLIMIT_CPU' })).toContainText(cpuSoft!);
  await shot(page, 'details-limits');

  // Connections: the serve process itself listens on the port we talk to.
  await panel.getByRole('button', { name: 'Close details' }).click();
  await expect(panel).toBeHidden();
  const servePid = served.child.pid!;
  await findProcess(page, String(servePid), servePid);
  await row(page, servePid).dblclick();
  const servePanel = page.getByRole('dialog', { name: new RegExp(`\\(${servePid}\\)$`) });
  await servePanel.getByRole('tab', { name: 'Connections' }).click();
  const port = new URL(served.origin).port;
  await expect(servePanel.getByRole('table', { name: 'Connections' })).toContainText(`127.0.0.1:${port}`);
  await expect(servePanel.getByRole('table', { name: 'Connections' })).toContainText('LISTEN');
  await shot(page, 'details-connections');
});

test('suspend, resume and renice a process, checked in /proc', async ({ page }) => {
  const child = target('ctl');
  const pid = child.pid!;
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-ctl', pid);
  await row(page, pid).click();
  const toolbar = page.getByRole('toolbar', { name: 'Process actions' });

  await toolbar.getByRole('button', { name: 'Suspend' }).click();
  await expect(row(page, pid)).toContainText('stopped');
  expect(procState(pid)).toBe('T');
  await toolbar.getByRole('button', { name: 'Resume' }).click();
  await expect(row(page, pid)).toContainText('sleeping');
  expect(procState(pid)).toBe('S');

  await toolbar.getByRole('button', { name: 'Change priority…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change priority' });
  await expect(dialog.getByRole('slider', { name: 'Nice value' })).toHaveAttribute('min', '-20');
  await expect(dialog.getByRole('slider', { name: 'Nice value' })).toHaveAttribute('max', '19');
  await dialog.getByRole('textbox', { name: 'Nice value (number)' }).fill('10');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('action-report')).toContainText('Set nice to 10');
  expect(procStat(pid)[16]).toBe('10');
  await expect.poll(() => visibleColumn(page, 'Nice')).toEqual(['10']);
});

test('terminate one process and kill another, each after a confirmation naming it', async ({ page }) => {
  const a = target('term');
  const b = target('kill');
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-term', a.pid!);
  await row(page, a.pid!).click({ button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await shot(page, 'context-menu');
  await menu.getByRole('menuitem', { name: 'Terminate' }).click();
  const confirm = page.getByRole('dialog', { name: 'Terminate (SIGTERM)?' });
  await expect(confirm).toContainText(String(a.pid));
  await expect(confirm).toContainText('sleep');
  await expect(confirm).toContainText('root');
  await shot(page, 'confirm');
  await confirm.getByRole('button', { name: 'Terminate' }).click();
  await exited(a);
  expect(a.signalCode).toBe('SIGTERM');
  await expect(row(page, a.pid!)).toHaveCount(0);

  // Keyboard: Shift+Delete kills the cursor's row.
  await findProcess(page, 'procyon-e2e-kill', b.pid!);
  await row(page, b.pid!).click();
  await grid(page).press('Shift+Delete');
  await page.getByRole('dialog', { name: 'Kill (SIGKILL)?' }).getByRole('button', { name: 'Kill' }).click();
  await exited(b);
  expect(b.signalCode).toBe('SIGKILL');
  await expect(row(page, b.pid!)).toHaveCount(0);
  expect(procState(a.pid!)).toBeNull();
  expect(procState(b.pid!)).toBeNull();
});

test('acting on a process that has gone says so and touches nothing', async ({ page }) => {
  const child = target('stale');
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-stale', child.pid!);
  await row(page, child.pid!).click({ button: 'right' });
  process.kill(child.pid!, 'SIGKILL');
  await exited(child);
  await page.getByRole('menu').getByRole('menuitem', { name: 'Terminate' }).click();
  await page.getByRole('dialog', { name: 'Terminate (SIGTERM)?' }).getByRole('button', { name: 'Terminate' }).click();
  await expect(page.getByTestId('action-report')).toContainText(`sleep (${child.pid}): process no longer exists`);
});

test('tree view shows a parent with its children, collapsible, with totals', async ({ page }) => {
  const parent = spawned.bash('(exec -a procyon-e2e-kid sleep 301) & (exec -a procyon-e2e-kid sleep 302) & wait # procyon-e2e-tree');
  await openProcesses(page);
  await page.getByRole('checkbox', { name: 'Tree view' }).check();
  await expect(page.getByRole('treegrid', { name: 'Processes' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search processes' }).fill('procyon-e2e-');
  const p = row(page, parent.pid!);
  await expect(p).toBeVisible({ timeout: 10_000 });
  const level = Number(await p.getAttribute('aria-level'));
  const kids = grid(page).locator(`[role="row"][aria-level="${level + 1}"]`).filter({ hasText: 'procyon-e2e-kid' });
  await expect(kids).toHaveCount(2);
  await expect(p).toHaveAttribute('aria-expanded', 'true');
  await expect(p.locator('.pt-sum').first()).toBeVisible();
  await shot(page, 'tree');
  await p.getByRole('button', { name: 'Collapse bash' }).click();
  await expect(kids).toHaveCount(0);
  await p.getByRole('button', { name: 'Expand bash' }).click();
  await expect(kids).toHaveCount(2);
});

test('the optional columns (file descriptors, context switches, unique memory) show /proc\'s values, read only while shown', async ({ page }) => {
  const child = target('columns'); // holds fd 3 open besides 0-2
  await openProcesses(page);
  await findProcess(page, 'procyon-e2e-columns', child.pid!);
  await expect(grid(page).getByRole('columnheader', { name: 'FDs' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Columns & options' }).click();
  for (const name of ['Open file descriptors', 'Context switches', 'Unique memory (USS)']) await page.getByRole('checkbox', { name }).check();
  await page.keyboard.press('Escape');
  const pid = child.pid!;
  // The next tick carries them (the page asked the host for the extra topics).
  await expect.poll(async () => (await visibleColumn(page, 'FDs'))[0], { timeout: 10_000 }).toBe(String(readdirSync(`/proc/${pid}/fd`).length));
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const ctx = Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(status)![1]) + Number(/nonvoluntary_ctxt_switches:\s+(\d+)/.exec(status)![1]);
  await expect.poll(async () => (await visibleColumn(page, 'Ctx sw'))[0]).toBe(String(ctx));
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const uss = ['Private_Clean', 'Private_Dirty', 'Private_Hugetlb'].reduce((sum, k) => sum + Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0), 0) * 1024;
  // Shown to three significant figures.
  await expect.poll(async () => Math.abs(parseBytes((await visibleColumn(page, 'USS'))[0]!) - uss) / uss).toBeLessThan(0.01);
  await shot(page, 'optional-columns');
});

test('columns persist, multi-select acts on each and reports each result', async ({ page }) => {
  const a = target('multi');
  const b = target('multi');
  await openProcesses(page);
  await page.getByRole('button', { name: 'Columns & options' }).click();
  await page.getByRole('checkbox', { name: 'Parent process ID' }).check();
  await expect(grid(page).getByRole('columnheader', { name: 'PPID' })).toBeVisible();
  await page.reload();
  await expect(grid(page).getByRole('columnheader', { name: 'PPID' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search processes' }).fill('procyon-e2e-multi');
  await expect(grid(page).locator('[role="rowgroup"] [role="row"]')).toHaveCount(2, { timeout: 10_000 });
  await row(page, a.pid!).click();
  await row(page, b.pid!).click({ modifiers: ['Control'] });
  await expect(grid(page).locator('[aria-selected="true"]')).toHaveCount(2);
  await page.getByRole('toolbar', { name: 'Process actions' }).getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByTestId('action-report')).toContainText('on 2 processes: 2 done');
  expect(procState(a.pid!)).toBe('T');
  expect(procState(b.pid!)).toBe('T');
  // Selection and sort survive ticks.
  await page.waitForTimeout(1200);
  await expect(grid(page).locator('[aria-selected="true"]')).toHaveCount(2);
  await page.getByRole('toolbar', { name: 'Process actions' }).getByRole('button', { name: 'Kill', exact: true }).click();
  await page.getByRole('dialog').getByRole('checkbox', { name: /Don’t ask again/ }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Kill' }).click();
  await Promise.all([exited(a), exited(b)]);
  await expect(page.getByTestId('action-report')).toContainText('Kill (SIGKILL) on 2 processes: 2 done');
});
