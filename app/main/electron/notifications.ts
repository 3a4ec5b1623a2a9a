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
