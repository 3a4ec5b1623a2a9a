// `npm start` (scripts/start.mjs) launches Electron and must tell a failed
// start, which it answers with `procyon serve`, from an app that ran and then
// ended. Main says it is up with one stdout line, only when the launcher asks.

/** The line scripts/start-electron.mjs waits for (its READY_LINE; test/start-electron.test.ts checks they agree). */
export const READY_LINE = 'procyon: ready';

/** Says the app is up, to the launcher only. */
export function announceReady(env: NodeJS.ProcessEnv, write: (line: string) => void): void {
  if (env.PROCYON_LAUNCHER === '1') write(`${READY_LINE}\n`);
}
