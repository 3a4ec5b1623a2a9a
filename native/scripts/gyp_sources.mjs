// `node scripts/gyp_sources.mjs DIR...`: every .cc directly in each DIR (relative
// to native/), sorted, one per line. binding.gyp expands it with `<!@(...)`, so
// a new area file is built without a line of its own; scripts/sanitize.mjs and
// fuzz/run.mjs (the parsers) read the same folders.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const native = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ccFiles(dirs) {
  return dirs.flatMap((dir) =>
    readdirSync(path.join(native, dir))
      .filter((name) => name.endsWith('.cc'))
      .sort()
      .map((name) => `${dir}/${name}`),
  );
}

/**
 * The addon's Linux sources as binding.gyp names them (JSON plus `#` comments): the top list plus the
 * linux/posix conditions, each `<!@(command)` run as gyp runs it (in native/). For sanitize.mjs, which
 * compiles them itself, and build.mjs, which reconfigures when the set changes. `conditions` picks
 * another platform's: scripts/win/build.mjs passes the Windows one.
 */
export function gypSources(conditions = ["OS!='win'", "OS=='linux'"]) {
  const text = readFileSync(path.join(native, 'binding.gyp'), 'utf8');
  const gyp = JSON.parse(text.replace(/^\s*#.*$/gm, '').replace(/\s#.*$/gm, ''));
  const target = gyp.targets[0];
  const sources = [...target.sources];
  for (const [cond, extra] of target.conditions ?? []) {
    if (conditions.includes(cond)) sources.push(...(extra.sources ?? []));
  }
  return sources.flatMap((entry) => {
    const command = /^<!@\((.*)\)$/.exec(entry);
    if (!command) return [entry];
    return execSync(command[1], { cwd: native, encoding: 'utf8' }).split(/\s+/).filter(Boolean);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${ccFiles(process.argv.slice(2)).join('\n')}\n`);
}
