// A reader for ttar, the plain-text archive format of github.com/ideaship/ttar
// that Prometheus procfs keeps its captured /proc and /sys trees in. Records:
// `Directory: D` | `Path: P` then `Lines: N` (N lines of content) or
// `SymlinkTo: T`, then `Mode: octal`; `#` lines separate records. In content,
// `NULLBYTE` is a NUL byte and a trailing `EOF` means "no final newline"
// (`\NULLBYTE` and `\EOF` are the literal words).
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const HEADER = /^(Path|Lines|Mode|Directory|SymlinkTo): (.*)$/;

/** Unpacks `archive` under `dest` (which must exist); returns how many files, directories and symlinks it made. */
export function unpackTtar(archive, dest) {
  // latin1 both ways keeps every byte as it is, whatever the encoding of the captured files.
  const lines = readFileSync(archive, 'latin1').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const root = path.resolve(dest);
  const counts = { files: 0, directories: 0, symlinks: 0 };
  let target = null;
  const resolve = (name, at) => {
    const p = path.resolve(root, name);
    if (p !== root && !p.startsWith(root + path.sep)) throw new Error(`ttar: ${archive}:${at}: ${name} leaves the destination`);
    return p;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('#')) continue;
    const m = HEADER.exec(line);
    if (!m) throw new Error(`ttar: ${archive}:${i + 1}: unknown line ${JSON.stringify(line.slice(0, 80))}`);
    const [, key, value] = m;
    if (key === 'Directory') {
      target = resolve(value, i + 1);
      mkdirSync(target, { recursive: true });
      counts.directories++;
    } else if (key === 'Path') {
      target = resolve(value, i + 1);
    } else if (key === 'SymlinkTo') {
      if (!target) throw new Error(`ttar: ${archive}:${i + 1}: SymlinkTo before Path`);
      symlinkSync(value, target);
      counts.symlinks++;
    } else if (key === 'Lines') {
      if (!target) throw new Error(`ttar: ${archive}:${i + 1}: Lines before Path`);
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || i + n >= lines.length + 1) throw new Error(`ttar: ${archive}:${i + 1}: bad line count ${value}`);
      writeFileSync(target, Buffer.from(lines.slice(i + 1, i + 1 + n).map(decodeLine).join(''), 'latin1'));
      i += n;
      counts.files++;
    } else if (key === 'Mode') {
      if (!target) throw new Error(`ttar: ${archive}:${i + 1}: Mode before Path`);
      chmodSync(target, parseInt(value, 8));
    }
  }
  return counts;
}

function decodeLine(line) {
  const noNewline = /(^|[^\\])EOF$/.test(line);
  const text = noNewline ? line.slice(0, -3) : line;
  return text.replace(/(\\?)(NULLBYTE|EOF)/g, (_, escape, word) => (escape ? word : word === 'NULLBYTE' ? '\0' : word)) + (noNewline ? '' : '\n');
}
