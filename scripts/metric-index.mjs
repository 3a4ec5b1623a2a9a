// Writes app/shared/metrics/index.ts, the registry of metric declarations, from
// the folder's files: a new metric is one file there; `npm run build:app`
// runs this first (or `node scripts/metric-index.mjs`). test/metric-index.test.ts
// fails while the committed index differs from what this makes. Plain Node, so it runs while
// the index names a file that is gone (vitest's config, which reaches the
// registry, cannot load then).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const METRICS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../app/shared/metrics');
export const METRIC_INDEX = path.join(METRICS_FOLDER, 'index.ts');

/** The folder's files that are not declarations: the index itself, the declaration type, and what the generic parts read. */
const NOT_DECLARATIONS = new Set(['index.ts', 'define.ts', 'registry.ts']);

/** The declaration files, in file-name order. */
export function declarationFiles() {
  return readdirSync(METRICS_FOLDER)
    .filter((f) => f.endsWith('.ts') && !/\.test(-util)?\.ts$/.test(f) && !NOT_DECLARATIONS.has(f))
    .sort();
}

/** `disk-latency.ts` → `diskLatency`. */
const identifier = (file) => file.slice(0, -'.ts'.length).replace(/[-_.]+(\w)/g, (_m, c) => c.toUpperCase());

/** What index.ts must hold. */
export function metricIndex() {
  const files = declarationFiles();
  return [
    '// Generated from the declarations in this folder by scripts/metric-index.mjs; do not edit',
    '// (npm run build:app rewrites it; after adding or removing one without a build: node scripts/metric-index.mjs).',
    ...files.map((f) => `import ${identifier(f)} from './${f.slice(0, -'.ts'.length)}';`),
    '',
    '/** Every declared metric, one per file of this folder, in file-name order. */',
    `export const METRICS = [${files.map(identifier).join(', ')}] as const;`,
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = metricIndex();
  if (readFileSync(METRIC_INDEX, 'utf8') !== text) writeFileSync(METRIC_INDEX, text);
}
