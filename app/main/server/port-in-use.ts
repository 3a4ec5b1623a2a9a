import { request } from 'node:http';
import { HELLO_PATH, type Hello } from '../../shared';
import { isLoopback } from './auth';

/** A listen that failed because the port is taken: the message says by what, and what to do. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

const PROBE_TIMEOUT_MS = 2000;
const MAX_HELLO_BYTES = 4096;

/** Asks whoever holds host:port whether it is Procyon (an unauthenticated GET of HELLO_PATH); null when it is not, or does not say. */
export function probeProcyon(host: string, port: number): Promise<Hello | null> {
  const target = host === '0.0.0.0' || host === '::' || isLoopback(host) ? '127.0.0.1' : host;
  const hostHeader = `${target.includes(':') ? `[${target}]` : target}:${port}`;
  return new Promise((resolve) => {
    const req = request({ host: target, port, path: HELLO_PATH, headers: { host: hostHeader }, timeout: PROBE_TIMEOUT_MS }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > MAX_HELLO_BYTES) req.destroy();
      });
      res.on('end', () => {
        try {
          const hello = JSON.parse(body) as Partial<Hello>;
          resolve(res.statusCode === 200 && hello.product === 'procyon' ? { product: 'procyon', version: String(hello.version), authorized: false } : null);
        } catch {
          resolve(null);
        }
      });
      res.on('error', () => resolve(null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end();
  });
}

/** The message for a port that is taken: a Procyon already running (its URL, without any token), or something else; and --port. */
export async function portInUse(host: string, port: number, flag = '--port'): Promise<PortInUseError> {
  const hello = await probeProcyon(host, port);
  const shown = `${isLoopback(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`;
  const what = hello
    ? `port ${port} is in use by a Procyon ${hello.version} that is already running at http://${shown}/ (open the URL it printed, which carries its token)`
    : `port ${port} on ${host} is in use by another program`;
  return new PortInUseError(`${what}; to run another one, choose a free port with ${flag} N (${flag} 0 picks one)`);
}
