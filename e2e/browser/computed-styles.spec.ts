import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPage } from '../support/dashboard';
import { grid } from '../support/processes';
import { REPO, startServe, type Served } from '../support/serve';

// A tool for moving CSS without changing how anything looks: with
// PROCYON_COMPUTED_STYLES=<folder> it records, for every element of every page
// at 1440×900 in both themes (plus the processes page with a row's details
// open, and the tray popup), the computed value of the properties that make
// up a layout and a look, keyed by a stable DOM path. Run it before and after
// the move and compare the JSON (scripts/compare-computed-styles.mjs). Without
// the variable it is skipped: it checks nothing by itself.

const OUT = process.env.PROCYON_COMPUTED_STYLES ? path.resolve(REPO, process.env.PROCYON_COMPUTED_STYLES) : '';
const FIXTURE_PAGES = new Set(['sensors', 'battery']);
const PROPS = [
  'display', 'position', 'top', 'right', 'bottom', 'left', 'z-index', 'box-sizing', 'overflow-x', 'overflow-y',
  'color', 'background-color', 'background-image', 'opacity', 'visibility', 'box-shadow', 'outline-style', 'outline-color',
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'text-transform', 'text-align',
  'text-decoration-line', 'text-overflow', 'white-space', 'font-variant-numeric', 'cursor', 'list-style-type',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'border-top-style', 'border-right-style', 'border-bottom-style', 'border-left-style',
  'border-top-color', 'border-right-color', 'border-bottom-color', 'border-left-color', 'border-top-left-radius',
  'grid-template-columns', 'grid-template-rows', 'grid-column-start', 'grid-column-end', 'grid-auto-flow', 'row-gap', 'column-gap',
  'flex-direction', 'flex-wrap', 'flex-grow', 'flex-shrink', 'flex-basis', 'align-items', 'align-self', 'justify-content',
  'min-width', 'max-width', 'min-height', 'max-height', 'vertical-align', 'fill', 'stroke',
];
const PSEUDO_PROPS = ['content', 'display', 'position', 'color', 'background-color', 'margin-left', 'margin-right', 'inset'];

type Styles = Record<string, { cls: string; s: string[]; before?: string[]; after?: string[] }>;

/** Every element under <body>: path of tag:nth-of-type steps → its class and computed values. */
function record(page: Page): Promise<Styles> {
  return page.evaluate(
    ([props, pseudoProps]) => {
      const out: Record<string, { cls: string; s: string[]; before?: string[]; after?: string[] }> = {};
      const pathOf = (el: Element): string => {
        const steps: string[] = [];
        for (let e: Element | null = el; e && e !== document.documentElement; e = e.parentElement) {
          const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.tagName === e!.tagName) : [e];
          steps.unshift(`${e.tagName.toLowerCase()}:${same.indexOf(e)}`);
        }
        return steps.join('>');
      };
      for (const el of [document.body, ...document.body.querySelectorAll('*')]) {
        const cs = getComputedStyle(el);
        const entry: (typeof out)[string] = { cls: el.getAttribute('class') ?? '', s: props.map((p) => cs.getPropertyValue(p)) };
        for (const which of ['before', 'after'] as const) {
          const ps = getComputedStyle(el, `::${which}`);
          if (ps.content !== 'none' && ps.content !== 'normal') entry[which] = pseudoProps.map((p) => ps.getPropertyValue(p));
        }
        out[pathOf(el)] = entry;
      }
      return out;
    },
    [PROPS, PSEUDO_PROPS] as const,
  );
}

let live: Served;
let laptop: Served;
test.beforeAll(async () => {
  if (!OUT) return;
  live = await startServe(['--interval', '500']);
  laptop = await startServe(['--interval', '500', '--sysfs', path.join(REPO, 'e2e', 'fixtures', 'laptop', 'sys')]);
});
test.afterAll(async () => {
  await live?.stop();
  await laptop?.stop();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`computed styles of every page at 1440×900 (${scheme})`, async ({ browser }) => {
    test.skip(!OUT, 'set PROCYON_COMPUTED_STYLES to a folder to record');
    test.setTimeout(240_000);
    mkdirSync(OUT, { recursive: true });
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const save = async (name: string) => {
      await page.mouse.move(0, 0);
      // Data arrives after the page's frame: record once the element count holds still for a poll.
      let last = -1;
      await expect
        .poll(async () => {
          const n = await page.locator('*').count();
          const settled = n === last;
          last = n;
          return settled;
        }, { intervals: [750], timeout: 20_000 })
        .toBe(true);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      writeFileSync(path.join(OUT, `${name}-${scheme}.json`), JSON.stringify({ props: PROPS, pseudo: PSEUDO_PROPS, styles: await record(page) }));
    };
    try {
      await openPage(page, live);
      const ids = await page
        .getByRole('navigation', { name: 'Pages' })
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')!.replace(/^#\/?/, '') || 'overview'));
      expect(ids.length).toBeGreaterThanOrEqual(11);
      for (const id of ids) {
        await openPage(page, FIXTURE_PAGES.has(id) ? laptop : live, `#/${id === 'overview' ? '' : id}`);
        await expect(page.locator('.page')).toHaveAttribute('data-page', id);
        if (id === 'processes') await expect(page.locator('.pt-row').nth(3)).toBeVisible({ timeout: 15_000 });
        await save(id);
        if (id === 'processes') {
          // The details panel and the context menu only exist once a row is chosen.
          const first = page.locator('.pt-body [role="row"]').first();
          await first.click();
          await grid(page).press('Enter');
          await expect(page.locator('.details-panel')).toBeVisible({ timeout: 15_000 });
          await save('processes-details');
          await page.keyboard.press('Escape');
          await first.click({ button: 'right' });
          await expect(page.locator('.context-menu')).toBeVisible();
          await save('processes-menu');
          await page.keyboard.press('Escape');
        }
      }
      await page.goto(`${live.origin}/popup.html`);
      await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible({ timeout: 15_000 });
      await save('popup');
    } finally {
      await context.close();
    }
  });
}
