// The sampler-alone script needs startHost() from app/main/core, which the app
// build only ships inside its bundles; this bundles app/main/core/host.ts the
// same way (vite, CommonJS deps external) into node_modules/.cache so that
// @procyon/collector resolves from there.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from './lib.mjs';

export const HOST_BUNDLE = path.join(ROOT, 'node_modules', '.cache', 'procyon-bench', 'host.mjs');

export async function buildHostBundle() {
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
      outDir: path.dirname(HOST_BUNDLE),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: {
        input: { host: path.join(ROOT, 'app/main/core/host.ts') },
        external: [/^@procyon\/collector/, /^node:/, 'ws', 'prom-client', 'electron'],
        output: { format: 'esm', entryFileNames: '[name].mjs' },
      },
    },
  });
  return HOST_BUNDLE;
}
