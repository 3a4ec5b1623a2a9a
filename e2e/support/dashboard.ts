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

/** The snapshot's JSON lists every connection of the machine: a host holding thousands of sockets (a bench, a busy CI box) prints megabytes, past execFileSync's 1 MiB default. */
const SNAPSHOT_BUFFER = 256 * 1024 * 1024;

/** One reading straight from the collector, as the CLI prints it: the truth the UI must match. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function collectorSnapshot(args: string[] = []): any {
  return JSON.parse(execFileSync(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), 'snapshot', '--json', ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: SNAPSHOT_BUFFER }));
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

export interface ContrastFailure {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * WCAG contrast of every visible HTML element with text of its own under
 * `selector`, against the background it is drawn on (translucent layers
 * composited up to the first opaque one). Colours are resolved by painting
 * them on a canvas, so any CSS colour syntax counts. SVG text (chart axes)
 * is left out: it is drawn with `fill`, not `color`.
 */
export function textContrast(page: Page, selector: string, minimum = 4.5): Promise<{ checked: number; failing: ContrastFailure[] }> {
  return page.evaluate(
    ({ selector, minimum }) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const rgba = (css: string): [number, number, number, number] => {
        ctx.clearRect(0, 0, 1, 1);
        ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        const [r = 0, g = 0, b = 0, a = 0] = ctx.getImageData(0, 0, 1, 1).data;
        return [r, g, b, a / 255];
      };
      const over = (top: [number, number, number, number], under: [number, number, number]): [number, number, number] =>
        [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])) as [number, number, number];
      const backgroundOf = (el: Element): [number, number, number] => {
        const layers: [number, number, number, number][] = [];
        for (let at: Element | null = el; at; at = at.parentElement) {
          const layer = rgba(getComputedStyle(at).backgroundColor);
          if (layer[3] > 0) layers.push(layer);
          if (layer[3] >= 1) break;
        }
        // Nothing opaque up to the root: the canvas under the document is white.
        return layers.reduceRight<[number, number, number]>((under, layer) => over(layer, under), [255, 255, 255]);
      };
      const luminance = ([r, g, b]: [number, number, number]) => {
        const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const failing: { text: string; ratio: number; color: string; background: string }[] = [];
      let checked = 0;
      for (const el of document.querySelectorAll(selector)) {
        if (el.closest('svg') || !(el instanceof HTMLElement)) continue;
        const ownText = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
        const style = getComputedStyle(el);
        if (!ownText || el.getClientRects().length === 0 || style.visibility !== 'visible') continue;
        const background = backgroundOf(el);
        const color = over(rgba(style.color), background);
        const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a) as [number, number];
        const ratio = (hi + 0.05) / (lo + 0.05);
        checked += 1;
        if (ratio < minimum) failing.push({ text: ownText.slice(0, 40), ratio: Math.round(ratio * 100) / 100, color: `rgb(${color.map(Math.round).join(' ')})`, background: `rgb(${background.map(Math.round).join(' ')})` });
      }
      return { checked, failing };
    },
    { selector, minimum },
  );
}
