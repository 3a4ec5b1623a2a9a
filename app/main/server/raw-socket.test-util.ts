import { connect } from 'node:net';

export interface RawOutcome {
  /** The status line's code, when the server answered with one. */
  status: number | null;
  /** The server closed (or reset) the connection. */
  closed: boolean;
  /** Neither an answer nor a close came within the deadline. */
  hung: boolean;
  /** Everything the server sent, cut to 64 KiB. */
  text: string;
}

export interface RawOptions {
  /** Half-close after writing, as a client that has nothing more to say. */
  end?: boolean;
  /** How long to wait for an answer or a close. */
  deadlineMs?: number;
  /** Resolve as soon as a status line arrives instead of waiting for the close. */
  untilStatus?: boolean;
}

/**
 * Writes raw bytes to 127.0.0.1:port (chunks in order) and reports what came
 * back: the requests the corpus sends are ones no well-behaved HTTP client
 * library would build.
 */
export function rawExchange(port: number, chunks: (string | Buffer)[], options: RawOptions = {}): Promise<RawOutcome> {
  const deadline = options.deadlineMs ?? 10_000;
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let settled = false;
    const finish = (closed: boolean, hung = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      socket.destroy();
      resolve({ status: m ? Number(m[1]) : null, closed, hung, text });
    };
    const timer = setTimeout(() => finish(false, true), deadline);
    socket.on('data', (d: Buffer) => {
      if (text.length < 65_536) text += d.toString('latin1');
      if (options.untilStatus && /^HTTP\/1\.[01] \d{3}/.test(text)) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c);
      if (options.end) socket.end();
    });
  });
}

/** A complete GET with the Host header the server accepts. */
export function getRequest(port: number, target: string, headers: string[] = []): string {
  return `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers.map((h) => `${h}\r\n`).join('')}Connection: close\r\n\r\n`;
}
