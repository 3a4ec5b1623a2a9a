import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { ApiError } from '../../shared';

// A path that should name a small regular file may name a FIFO (an open for
// reading waits for a writer that never comes), a device or a directory.
// Opened non-blocking and checked on the open descriptor, such a path is a
// typed error at once instead of a host that hangs before it listens.

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isDirectory()) return 'a directory';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A path that names something other than a regular file: INVALID_ARGUMENT, naming the path and what is there. */
export class NotRegularFileError extends ApiError {
  constructor(label: string, file: string, st: Stats) {
    super({ code: 'INVALID_ARGUMENT', message: `${label} ${file} is ${kindOf(st)}, not a regular file` });
  }
}

const tooLarge = (label: string, file: string, maxBytes: number) => new ApiError({ code: 'INVALID_ARGUMENT', message: `${label} ${file} is larger than ${maxBytes} bytes` });

/** The file's text, or null when nothing is there; NotRegularFileError for anything but a regular file, INVALID_ARGUMENT past `maxBytes`. `label` says what the file is for, in errors. */
export async function readRegularFile(file: string, maxBytes: number, label: string): Promise<string | null> {
  let fh;
  try {
    fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw new NotRegularFileError(label, file, st);
    if (st.size > maxBytes) throw tooLarge(label, file, maxBytes);
    // Read at most maxBytes + 1 even if it grew since fstat: the bound holds whatever happens to the file.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw tooLarge(label, file, maxBytes);
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await fh.close();
  }
}
