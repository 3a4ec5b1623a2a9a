// os-release(5): the distribution's name and version. Read here, with the
// collector's rules for any file it opens, so the app's core reads no files
// of its own: a FIFO or device where the file belongs is a typed error at
// once (opened non-blocking, checked on the descriptor), never a hang, and
// a file of any size costs at most OS_RELEASE_MAX_BYTES.

import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { InvalidArgument, InvalidFile, IoError } from './errors';

/** Where os-release(5) says to look, in order. */
export const OS_RELEASE_FILES: readonly string[] = ['/etc/os-release', '/usr/lib/os-release'];

/** Real files are a few hundred bytes; anything past this is not one. */
export const OS_RELEASE_MAX_BYTES = 64 * 1024;

export interface OsReleaseOptions {
  /** The files to try, first existing one wins (tests point this at their own). */
  files?: readonly string[];
}

/** The file's text, or null when nothing is there; InvalidFile for anything but a bounded regular file. */
async function readBounded(file: string): Promise<string | null> {
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new IoError(`${file}: ${(err as Error).message}`, { path: file });
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new InvalidFile(`${file} is not a regular file`, { path: file });
    // Read at most one byte past the cap whatever fstat said: the bound holds even for a file that grows.
    const buffer = Buffer.alloc(OS_RELEASE_MAX_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > OS_RELEASE_MAX_BYTES) throw new InvalidFile(`${file} is larger than ${OS_RELEASE_MAX_BYTES} bytes`, { path: file });
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await fh.close();
  }
}

/** KEY=value lines as os-release(5) writes them; quotes removed, comments and other lines ignored. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) fields[m[1]!] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return fields;
}

/**
 * The fields of the first os-release file that exists, or null when none
 * does (a platform without one). InvalidFile when the file there is not a
 * bounded regular file.
 */
export async function osRelease(options: OsReleaseOptions = {}): Promise<Record<string, string> | null> {
  const files = options.files ?? OS_RELEASE_FILES;
  if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f === '')) throw new InvalidArgument('files must be a list of paths');
  for (const file of files) {
    const text = await readBounded(file);
    if (text !== null) return parseOsRelease(text);
  }
  return null;
}
