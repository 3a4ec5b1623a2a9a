import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A sandboxed preload is parsed on every window the app opens (the tray popup
// opens often): it must stay a few KiB, so what it runs may not reach the
// request schemas (zod). Type-only imports are erased and do not count.

const ROOT = resolve(import.meta.dirname, '..');

/** Modules reached through value imports, from an entry; bare specifiers are listed as is. */
function valueImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith('.ts')) return;
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const m of source.matchAll(/^import\s+(type\s+)?([^'"]*?)\s*from\s*'([^']+)'|^import\s+'([^']+)'/gm)) {
      if (m[1]) continue;
      // `import { type A, type B } from` is erased too.
      if (m[2] && /^\{[^}]*\}$/.test(m[2]) && m[2].slice(1, -1).split(',').every((n) => n.trim() === '' || n.trim().startsWith('type '))) continue;
      const spec = (m[3] ?? m[4])!;
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      visit(relative(ROOT, resolve(ROOT, dirname(file), spec)) + '.ts');
    }
  };
  visit(entry);
  return seen;
}

describe('preload bundles', () => {
  it.each(['app/preload/index.ts', 'app/preload/popup.ts'])('%s runs nothing that brings the request schemas', (entry) => {
    const reached = valueImports(entry);
    expect(reached.has('app/shared/operation-kinds.ts')).toBe(true);
    expect([...reached].filter((m) => m === 'zod' || m.endsWith('/schemas.ts') || m.endsWith('/operations.ts'))).toEqual([]);
  });
});
