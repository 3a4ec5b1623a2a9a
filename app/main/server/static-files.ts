import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { plain, SECURITY_HEADERS } from './guard';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** How a response's pipeline ends when the client, not the file, went away. */
const CLIENT_GONE = new Set(['ERR_STREAM_PREMATURE_CLOSE', 'ECONNRESET', 'EPIPE']);

/** Resolves a URL path inside `root`, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, rel);
  const base = path.resolve(root);
  return full === base || full.startsWith(base + path.sep) ? full : null;
}

/**
 * Answers a GET/HEAD for a file under `root`, or 404. The file is opened first
 * and then fstat'ed, so what is streamed is what was measured even if a rebuild
 * replaces or removes it meanwhile; non-blocking, so a FIFO cannot stall us;
 * and a read that fails mid-stream (EIO, a truncated file) ends that response,
 * never the process.
 */
export async function sendStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const file = resolveInside(root, urlPath);
  let handle: FileHandle | null = null;
  try {
    if (file) handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    handle = null;
  }
  if (!file || !handle) return plain(res, 404, 'Not found');
  // The handle is ours to close on every path, once the answer is settled: a stream's autoClose does not
  // close it when the stream is destroyed before it opened (a client gone at once), and Node 26 treats a
  // FileHandle closed by the garbage collector as an uncaught error.
  try {
    const st = await handle.stat();
    if (!st.isFile()) return plain(res, 404, 'Not found');
    const size = st.size;
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      // Vite fingerprints assets; index.html must always be fresh.
      'Cache-Control': file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return;
    }
    // pipeline ends (or destroys) the response whichever side fails.
    await pipeline(handle.createReadStream({ start: 0, end: size - 1, autoClose: false }), res).catch((err: unknown) => {
      res.destroy();
      // A client that went away is no failure of ours; a file that failed to read is worth one log line.
      if (!CLIENT_GONE.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    });
  } finally {
    await handle.close().catch(() => undefined);
  }
}
