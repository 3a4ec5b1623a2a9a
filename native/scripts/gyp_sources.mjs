// `node scripts/gyp_sources.mjs DIR...`: every .cc directly in each DIR (relative
// to native/), sorted, one per line. binding.gyp expands it with `<!@(...)`, so
// a new area file is built without a line of its own; scripts/sanitize.mjs and
// fuzz/run.mjs (the parsers) read the same folders.
import { readdirSync } from 'node:fs';
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

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${ccFiles(process.argv.slice(2)).join('\n')}\n`);
}
