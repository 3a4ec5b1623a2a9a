/** The longest serve takes to stop after SIGINT or SIGTERM, whatever is stuck. */
export const SHUTDOWN_GRACE_MS = 1500;

/**
 * On SIGINT or SIGTERM: run `cleanup` (closing listeners, stopping the
 * sampler) for at most SHUTDOWN_GRACE_MS, then end by the same signal.
 *
 * Not process.exit(): on the way out Node joins its pool threads, so one
 * stuck in a read (a hung mount, a driver that never answers) would keep the
 * host alive forever. Raising the signal again with its default action ends
 * the process at once, and its parent (a shell, systemd) sees it ended by that
 * signal, as a clean stop. A second signal ends it immediately.
 */
export function stopOnSignals(cleanup: () => Promise<unknown>): void {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const end = () => {
      // With no listener left, Node restores the default action: the signal ends the process.
      for (const s of signals) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    };
    setTimeout(end, SHUTDOWN_GRACE_MS);
    cleanup().then(end, end);
  };
  for (const s of signals) process.once(s, onSignal);
}
