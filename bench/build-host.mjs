// The sampler-alone script needs startHost() from app/main/core, which the app
// build only ships inside its bundles; this bundles app/main/core/host.ts the
// same way (vite, CommonJS deps external) into node_modules/.cache so that
// @procyon/collector resolves from there. The network section asks serve for
// the process page's topics the way the renderer does: its topicsFor and
// columnTopics are bundled the same way, apart.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib.mjs';

export const HOST_BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'procyon-bench', 'host.mjs');
// Beside the host's folder, not in it: each build empties its own.
const PAGE_TOPICS_DIR = path.join(ROOT, 'node_modules', '.cache', 'procyon-bench-page-topics');

/** Bundles `input` ({ name: source }) for Node into `outDir`, as ESM with .mjs names. */
async function bundle(input, outDir) {
  const { build } = await import('vite');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    define: { __PROCYON_VERSION__: JSON.stringify(pkg.version) },
    ssr: { noExternal: ['zod'] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input,
        external: [/^@procyon\/collector/, /^node:/, 'ws', 'prom-client', 'electron'],
        output: { format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
}

export async function buildHostBundle() {
  await bundle({ host: path.join(ROOT, 'app/main/core/host.ts') }, path.dirname(HOST_BUNDLE));
  return HOST_BUNDLE;
}

/** The renderer's own page → topics mapping (app/renderer/src/routes/pages.ts) and its columns' topics (processes/columns.ts). */
export async function loadPageTopics() {
  await bundle(
    { pages: path.join(ROOT, 'app/renderer/src/routes/pages.ts'), columns: path.join(ROOT, 'app/renderer/src/processes/columns.ts') },
    PAGE_TOPICS_DIR,
  );
  const { topicsFor } = await import(pathToFileURL(path.join(PAGE_TOPICS_DIR, 'pages.mjs')).href);
  const { COLUMNS, DEFAULT_COLUMNS, columnTopics } = await import(pathToFileURL(path.join(PAGE_TOPICS_DIR, 'columns.mjs')).href);
  return { topicsFor, COLUMNS, DEFAULT_COLUMNS, columnTopics };
}
