// An Electron Notification that nothing references can be garbage-collected
// while it is on screen, and its click handler goes with it
// (electron/electron#16922): a shown notification is kept until it is
// clicked, closed or fails. 'close' is not promised on every platform, so the
// oldest are let go past a bound.

export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export const MAX_KEPT_NOTIFICATIONS = 32;

export class NotificationKeeper<N extends NotificationLike> {
  private readonly kept = new Set<N>();

  /** Shows it and holds it until the user or the system is done with it. */
  show(n: N): void {
    const release = () => this.kept.delete(n);
    n.on('click', release);
    n.on('close', release);
    n.on('failed', release);
    this.kept.add(n);
    while (this.kept.size > MAX_KEPT_NOTIFICATIONS) this.kept.delete(this.kept.values().next().value!);
    n.show();
  }

  get size(): number {
    return this.kept.size;
  }
}

/** Desktop notifications per minute at most: past that, alerts wait on the Alerts page and are counted in the next one shown. */
export const NOTIFICATIONS_PER_MINUTE = 3;
const MINUTE_MS = 60_000;

/**
 * Rate-limits desktop notifications, whatever the rules do (many rules firing
 * at once, a value flapping across a threshold for hours): a sliding minute
 * holds at most NOTIFICATIONS_PER_MINUTE. What is held back is not lost: it is
 * in the alert history, and the next notification shown says how many.
 */
export class NotificationRateLimit {
  private shown: number[] = [];
  private held = 0;

  constructor(
    private readonly perMinute = NOTIFICATIONS_PER_MINUTE,
    private readonly windowMs = MINUTE_MS,
  ) {}

  /** The body to show now, or null: held back (and counted). */
  admit(body: string, now: number): string | null {
    this.shown = this.shown.filter((t) => now - t < this.windowMs);
    if (this.shown.length >= this.perMinute) {
      this.held++;
      return null;
    }
    this.shown.push(now);
    const held = this.held;
    this.held = 0;
    return held === 0 ? body : `${body}\n(and ${held} more ${held === 1 ? 'alert' : 'alerts'} since: see Alerts)`;
  }
}
