import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');

export interface Served {
  /** The URL serve printed: the page, with the token in its fragment (#token=…). */
  url: string;
  token: string;
  origin: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built `procyon serve` as a user would, and reads the URL it
 * prints. Settings stay in memory unless the spec names a file (--settings),
 * so specs neither share state nor write the user's ~/.config.
 */
export function startServe(args: string[] = []): Promise<Served> {
  const settings = args.includes('--settings') || args.includes('--no-settings') ? [] : ['--no-settings'];
  const child = spawn(process.execPath, [path.join(REPO, 'bin', 'procyon.js'), 'serve', '--port', '0', ...settings, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`procyon serve printed no URL in 15 s:\n${out}`)), 15_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/\S+#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = m[1]!;
        resolve({
          url,
          token: new URLSearchParams(new URL(url).hash.slice(1)).get('token')!,
          origin: new URL(url).origin,
          child,
          stop: () =>
            new Promise<void>((res) => {
              if (child.exitCode !== null) return res();
              child.once('exit', () => res());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`procyon serve exited with ${code}:\n${out}`));
    });
  });
}
