import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Styles live beside the component they style. The global sheets are three, gathered by styles/app.css: the theme
// (every custom property: colours light and dark, fonts), the base (element defaults) and the classes several
// components share. These checks keep it so: a component's rule cannot drift into a global sheet or another
// component's sheet, and a sheet cannot be orphaned or imported from two places.

const SRC = path.resolve(__dirname, '../app/renderer/src');
const APP = 'styles/app.css';
const THEME = 'styles/theme.css';
const GLOBAL = [THEME, 'styles/base.css', 'styles/primitives.css'];
const ENTRIES = ['main.tsx', 'popup.tsx'];
/** Classes a library puts on its own elements: nothing of ours names them. */
const THIRD_PARTY = /^recharts-/;

function walk(dir: string): string[] {
  return readdirSync(path.join(SRC, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    return e.isDirectory() ? walk(rel) : [rel];
  });
}
const files = walk('');
const read = (rel: string) => readFileSync(path.join(SRC, rel), 'utf8');
const sheets = files.filter((f) => f.endsWith('.css'));
const modules = files.filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const source = new Map(modules.map((m) => [m, read(m)]));

/** Which modules import each sheet (by `import './X.css'`, resolved to a path under src/). */
const importers = new Map<string, string[]>();
for (const [m, text] of source) {
  for (const [, spec] of text.matchAll(/^import '(\.{1,2}\/[^']+\.css)';$/gm)) {
    const sheet = path.posix.normalize(path.posix.join(path.posix.dirname(m), spec!));
    importers.set(sheet, [...(importers.get(sheet) ?? []), m]);
  }
}

/** Modules no entry reaches. Tile.tsx: the Overview draws PerfCard since 986685a; the file awaits deletion. */
const UNUSED: string[] = [];

/** Modules an entry reaches through static imports: a sheet only loads if its importer is among them. */
function reachable(): Set<string> {
  const seen = new Set<string>();
  const visit = (m: string) => {
    if (seen.has(m) || !source.has(m)) return;
    seen.add(m);
    for (const [, spec] of source.get(m)!.matchAll(/^(?:import|export)\b[^;]*?from '(\.{1,2}\/[^']+)';$/gms)) {
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(m), spec!));
      for (const candidate of [`${base}.tsx`, `${base}.ts`, `${base}/index.ts`, `${base}/index.tsx`]) visit(candidate);
    }
  };
  for (const e of ENTRIES) visit(e);
  return seen;
}

const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Every selector of every rule (inside @media too), split at top-level commas. */
function selectors(css: string): string[] {
  const out: string[] = [];
  for (const [, prelude] of stripComments(css).matchAll(/([^{}]+)\{/g)) {
    const p = prelude!.trim();
    if (p.startsWith('@')) continue;
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= p.length; i++) {
      const c = p[i];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if ((c === ',' && depth === 0) || i === p.length) {
        out.push(p.slice(start, i).trim());
        start = i + 1;
      }
    }
  }
  return out;
}

/**
 * The classes a selector is rooted in, outermost first: by default each class that begins a compound (a class
 * compounded onto another, as in `.pt-row.selected`, is a state of that element, not a root). What :has() looks for
 * counts; what :not() excludes does not.
 */
function rootClasses(selector: string, leadingOnly = true): string[] {
  const flat = selector.replace(/:not\([^)]*\)/g, '').replace(/:has\(([^)]*)\)/g, ' $1 ');
  return [...flat.trim().matchAll(leadingOnly ? /(?:^|(?<=[\s>+~(]))\.([a-zA-Z][\w-]*)/g : /\.([a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
}

/** The class names a module writes in its markup: in a string or template (`className="a b"`, `pt-status-${s}`). */
function writes(module: string, cls: string): boolean {
  const text = source.get(module)!;
  if (new RegExp(`[\`'"][^\`'"]*(?<![\\w-])${cls}(?![\\w-])`).test(text)) return true;
  // A class built at run time: `connection-${state}` writes every `connection-…`.
  return [...text.matchAll(/([a-z][\w-]*-)\$\{/g)].some(([, prefix]) => cls.startsWith(prefix!));
}

const shared = new Set(GLOBAL.flatMap((s) => selectors(read(s)).flatMap((sel) => rootClasses(sel))));
const componentSheets = sheets.filter((s) => s !== APP && !GLOBAL.includes(s));

describe('styles by component', () => {
  it('app.css only gathers the theme, the base and the shared sheet, and only the entries import it', () => {
    const lines = stripComments(read(APP))
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines).toEqual(GLOBAL.map((g) => `@import './${path.posix.basename(g)}';`));
    expect(importers.get(APP)?.sort()).toEqual(ENTRIES);
    for (const g of GLOBAL) expect(importers.get(g), g).toBeUndefined();
  });

  it('every other sheet is imported by exactly one module: the one beside it, of the same name, which the app loads', () => {
    expect(componentSheets.length).toBeGreaterThan(30);
    const loaded = reachable();
    for (const sheet of componentSheets) {
      const by = importers.get(sheet) ?? [];
      expect(by, sheet).toHaveLength(1);
      expect(by[0]!.replace(/\.tsx?$/, ''), sheet).toBe(sheet.replace(/\.css$/, ''));
      // A rule moved into the sheet of a component nothing renders would silently stop applying.
      expect(loaded.has(by[0]!) || UNUSED.includes(by[0]!), `${sheet}: ${by[0]} is not reached from ${ENTRIES.join(' or ')}`).toBe(true);
    }
    for (const u of UNUSED) expect(loaded.has(u), `${u} is used again: take it off UNUSED`).toBe(false);
  });

  it('custom properties (the theme) are declared in the theme alone, and the theme declares nothing else', () => {
    for (const sheet of sheets.filter((s) => s !== THEME)) expect(stripComments(read(sheet)), sheet).not.toMatch(/(^|[{;\s])--[\w-]+\s*:/);
    for (const sel of selectors(read(THEME))) expect(sel).toMatch(/^:root(\[data-theme='dark'\])?$/);
  });

  it("a component sheet's rules are rooted in a class that component writes, and no other sheet styles that class", () => {
    const owner = new Map<string, string>();
    const wrong: string[] = [];
    for (const sheet of componentSheets) {
      const module = importers.get(sheet)![0]!;
      for (const sel of selectors(read(sheet))) {
        // The outermost class that is not shared; a component's class compounded onto a shared one counts
        // (`.banner.action-report`).
        const root = rootClasses(sel, false).find((c) => !shared.has(c));
        if (root === undefined) {
          // No class of its own: an element the component renders (App's <main>).
          const tag = /([a-z][a-z0-9]*)[^\s>+~]*$/.exec(sel)?.[1];
          if (!tag || !source.get(module)!.includes(`<${tag}`)) wrong.push(`${sheet}: ${sel} has no class of its own, nor an element ${module} renders`);
          continue;
        }
        if (!THIRD_PARTY.test(root) && !writes(module, root)) wrong.push(`${sheet}: ${sel} (.${root} is not written by ${module})`);
        if ((owner.get(root) ?? sheet) !== sheet) wrong.push(`.${root} is styled from ${owner.get(root)} and ${sheet}`);
        owner.set(root, sheet);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the global sheets hold only classes that two or more modules write', () => {
    const tsx = modules.filter((m) => m.endsWith('.tsx'));
    const wrong = [...shared].filter((cls) => !THIRD_PARTY.test(cls) && tsx.filter((m) => writes(m, cls)).length < 2);
    expect(wrong, 'in a global sheet, but written by fewer than two modules').toEqual([]);
  });
});
