import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { REPO, type Served } from './serve';

/**
 * Where the browser suite saves its pictures: e2e/artifacts/screenshots (not
 * versioned), so a test run leaves the tree clean. `npm run screenshots`
 * points it at docs/screenshots to refresh the README's.
 */
export const SCREENSHOTS = process.env.PROCYON_SCREENSHOTS ? path.resolve(REPO, process.env.PROCYON_SCREENSHOTS) : path.join(REPO, 'e2e', 'artifacts', 'screenshots');

/** One reading straight from the collector, as the CLI prints it: the truth the UI must match. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function collectorSnapshot(args: string[] = []): any {
  return JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), 'snapshot', '--json', ...args], { cwd: REPO, encoding: 'utf8' }));
}

/** The renderer's formatBytes, restated so the test does not import the code it checks. */
export function binaryBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  if (u === 0) return `${Math.round(v)} B`;
  return `${v.toFixed(v < 10 ? 2 : v < 100 ? 1 : 0)} ${units[u]}`;
}

/** Opens the dashboard (the tab keeps the token from the first visit's URL fragment) at a page, and waits for live data. */
export async function openPage(page: Page, served: Served, hash = ''): Promise<void> {
  if (!page.url().startsWith(served.origin)) {
    await page.goto(served.url);
    await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
  }
  if (hash) {
    await page.goto(`${served.origin}/${hash}`);
  }
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 15_000 });
}

export function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name, exact: true });
}

export async function points(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-points'));
}

/** setTopics calls the page sends over the WebSocket, in order. */
export function recordTopics(page: Page): string[][] {
  const seen: string[][] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) => {
      try {
        const msg = JSON.parse(String(frame.payload)) as { op?: string; arg?: { topics: string[] } };
        if (msg.op === 'setTopics' && msg.arg) seen.push(msg.arg.topics);
      } catch {
        /* not JSON: not ours */
      }
    });
  });
  return seen;
}

/** Buttons, links, inputs and selects on the page that have no accessible name (their HTML, shortened). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select')]
      .filter((el) => {
        const label = el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim() || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label');
        return !label;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}
