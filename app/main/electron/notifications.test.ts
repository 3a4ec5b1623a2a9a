import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { applyAppIdentity, APP_ID } from './identity';
import { MAX_KEPT_NOTIFICATIONS, NotificationKeeper, NotificationRateLimit, NOTIFICATIONS_PER_MINUTE } from './notifications';

class FakeNotification extends EventEmitter {
  shown = false;
  show(): void {
    this.shown = true;
  }
}

describe('alert notifications', () => {
  it('keep a shown notification referenced until it is clicked, closed or fails', () => {
    const keeper = new NotificationKeeper<FakeNotification>();
    const [a, b, c] = [new FakeNotification(), new FakeNotification(), new FakeNotification()];
    let clicks = 0;
    a.on('click', () => clicks++);
    for (const n of [a, b, c]) keeper.show(n);
    expect([a.shown, b.shown, c.shown]).toEqual([true, true, true]);
    expect(keeper.size).toBe(3);
    a.emit('click');
    expect(clicks).toBe(1);
    b.emit('close');
    c.emit('failed');
    expect(keeper.size).toBe(0);
  });

  it('lets the oldest go past a bound, since close is not promised everywhere', () => {
    const keeper = new NotificationKeeper<FakeNotification>();
    for (let i = 0; i < MAX_KEPT_NOTIFICATIONS + 5; i++) keeper.show(new FakeNotification());
    expect(keeper.size).toBe(MAX_KEPT_NOTIFICATIONS);
  });

  it('sets the AppUserModelID on Windows only', () => {
    const ids: string[] = [];
    for (const platform of ['win32', 'linux', 'darwin'] as const) applyAppIdentity({ setAppUserModelId: (id) => ids.push(id) }, platform);
    expect(ids).toEqual([APP_ID]);
  });
});

describe('notification rate limit', () => {
  it('shows at most NOTIFICATIONS_PER_MINUTE a minute, and counts the rest in the next one shown', () => {
    const limit = new NotificationRateLimit();
    const shown = Array.from({ length: 68 }, (_, i) => limit.admit(`alert ${i}`, 1000 + i * 100)).filter((b) => b !== null);
    expect(shown).toEqual(Array.from({ length: NOTIFICATIONS_PER_MINUTE }, (_, i) => `alert ${i}`));
    // A minute after the first: room again, and it says what waited.
    expect(limit.admit('later', 61_000)).toBe(`later\n(and ${68 - NOTIFICATIONS_PER_MINUTE} more alerts since: see Alerts)`);
    expect(limit.admit('next', 61_100)).toBe('next');
  });
});
