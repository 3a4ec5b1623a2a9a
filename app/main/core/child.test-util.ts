import { readFileSync } from 'node:fs';

/**
 * Waits (up to 5 s) until `pid` runs `comm` and sleeps (S). A child just
 * spawned can still be exec'ing, runnable or paging itself in (D) on a loaded
 * machine; a test that compares its state must read it once it has settled.
 */
export async function untilSleeping(pid: number, comm: string): Promise<void> {
  const settled = () => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return readFileSync(`/proc/${pid}/comm`, 'utf8') === `${comm}\n` && stat.slice(stat.lastIndexOf(')') + 2)[0] === 'S';
  };
  for (let i = 0; i < 100 && !settled(); i++) await new Promise((r) => setTimeout(r, 50));
}
