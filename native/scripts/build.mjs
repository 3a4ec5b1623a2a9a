// Builds the addon with node-gyp, then compiles the TypeScript face (lib/ → dist/).
// Runs as the package's install script, so `npm ci` at the root leaves a working
// `require('@procyon/collector')`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { metricInputs } from './gyp_metrics.mjs';
import { gypSources } from './gyp_sources.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.resolve(here, '..');
const require = createRequire(import.meta.url);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: pkg, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`@procyon/collector: ${path.basename(cmd)} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
}

// A configured tree builds incrementally (npm test after npm ci recompiles
// nothing); a fresh one is configured first. -j max: the addon has dozens of
// translation units and CI has two cores.
const configured = existsSync(path.join(pkg, 'build', 'Makefile')) || existsSync(path.join(pkg, 'build', 'config.gypi'));
// binding.gyp builds whole folders (gyp_sources.mjs), expanded when node-gyp
// configures: a .cc added or removed since needs a configure before the build,
// and so does a records header added or removed (the metrics action's inputs).
const sourcesFile = path.join(pkg, 'build', 'sources.txt');
const sources = [...gypSources(), ...metricInputs()].join('\n');
const sourcesChanged = !existsSync(sourcesFile) || readFileSync(sourcesFile, 'utf8') !== sources;
const gypArgs = [configured && !process.env.PROCYON_REBUILD_NATIVE ? 'build' : 'rebuild', '-j', 'max'];
if (process.env.PROCYON_DEBUG_NATIVE) gypArgs.push('--debug');
// Debian ships Node's headers in /usr/include/node; pointing node-gyp there avoids a
// header download, which this kind of machine cannot do.
const haveNodedir = process.env.npm_config_nodedir || process.argv.some((a) => a.startsWith('--nodedir'));
if (!haveNodedir && existsSync(path.join(path.dirname(process.execPath), '..', 'include', 'node', 'node.h'))) {
  gypArgs.push(`--nodedir=${path.resolve(path.dirname(process.execPath), '..')}`);
}
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
if (gypArgs[0] === 'build' && sourcesChanged) run(process.execPath, [nodeGyp, 'configure', ...gypArgs.slice(3)]);
run(process.execPath, [nodeGyp, ...gypArgs]);
writeFileSync(sourcesFile, sources);
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(pkg, 'tsconfig.json')]);
