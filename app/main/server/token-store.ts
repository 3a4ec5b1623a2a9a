import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { newToken, TOKEN_PATTERN } from './auth';

// Serve's token outlives a restart, so a bookmark and an open tab keep working:
// it is kept in a file of its own beside the settings file, readable by its
// owner only. Holding it means acting on processes as the serving user, so a
// file anyone else could have read or written is refused, never used.

/** A token file that cannot be trusted or read; the message says which file and what to do. */
export class TokenFileError extends Error {
  override name = 'TokenFileError';
}

export type TokenOrigin = 'file' | 'created' | 'rotated' | 'env' | 'memory';

export interface ServeToken {
  token: string;
  origin: TokenOrigin;
  /** The file it lives in; absent for PROCYON_TOKEN and --no-settings. */
  file?: string;
}

export interface TokenRequest {
  /** The settings file (the token lives beside it); null: --no-settings, a random token kept in memory. */
  settingsFile: string | null;
  /** --new-token: replace the stored token. */
  rotate: boolean;
  /** PROCYON_TOKEN. */
  env: string | undefined;
}

/** The token file that belongs to a settings file: `token` in the same folder. */
export function tokenFileFor(settingsFile: string): string {
  return path.join(path.dirname(settingsFile), 'token');
}

const MAX_TOKEN_FILE_BYTES = 1024;

function readTokenFile(file: string): string | null {
  let fd: number;
  try {
    // O_NOFOLLOW: a symlink planted in our place is refused; O_NONBLOCK: a FIFO cannot hang the start.
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ELOOP') throw new TokenFileError(`the token file ${file} is a symbolic link; refusing it (remove it, or start with --new-token)`);
    throw new TokenFileError(`cannot read the token file ${file}: ${(err as Error).message}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new TokenFileError(`the token file ${file} is not a regular file; refusing it (remove it, or start with --new-token)`);
    const uid = process.getuid?.();
    if (uid !== undefined && st.uid !== uid) throw new TokenFileError(`the token file ${file} belongs to uid ${st.uid}, not to this user (uid ${uid}); refusing it (remove it, or start with --new-token)`);
    if ((st.mode & 0o077) !== 0) {
      throw new TokenFileError(`the token file ${file} can be read or written by other users (mode ${(st.mode & 0o777).toString(8)}); anyone who read it may hold the token: start with --new-token to replace it`);
    }
    const buf = Buffer.alloc(MAX_TOKEN_FILE_BYTES + 1);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8').trim();
    if (n > MAX_TOKEN_FILE_BYTES || !TOKEN_PATTERN.test(text)) throw new TokenFileError(`the token file ${file} holds no valid token; start with --new-token to replace it`);
    return text;
  } finally {
    closeSync(fd);
  }
}

/** Writes a fresh token beside the settings, atomically (a temporary file renamed over), mode 0600. */
function writeTokenFile(file: string): string {
  const token = newToken();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
    try {
      writeSync(fd, `${token}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
    throw new TokenFileError(`cannot write the token file ${file}: ${(err as Error).message}`);
  }
  return token;
}

/** The token `procyon serve` requires: PROCYON_TOKEN, else the stored one (created on first use), else a random one in memory. */
export function serveToken(req: TokenRequest): ServeToken {
  if (req.env !== undefined && req.env !== '') {
    if (req.rotate) throw new TokenFileError('--new-token and PROCYON_TOKEN contradict each other');
    if (!TOKEN_PATTERN.test(req.env)) throw new TokenFileError('PROCYON_TOKEN must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ -');
    return { token: req.env, origin: 'env' };
  }
  if (req.settingsFile === null) {
    if (req.rotate) throw new TokenFileError('--new-token has nothing to replace with --no-settings (the token is random at every start then)');
    return { token: newToken(), origin: 'memory' };
  }
  const file = tokenFileFor(req.settingsFile);
  if (req.rotate) return { token: writeTokenFile(file), origin: 'rotated', file };
  const stored = readTokenFile(file);
  if (stored !== null) return { token: stored, origin: 'file', file };
  return { token: writeTokenFile(file), origin: 'created', file };
}
