import { describe, expect, it } from 'vitest';
import { HISTORY_PAGE, MESSAGE_BUDGET_BYTES, TOPICS, type Snapshot } from '../../shared';
import { Collector } from '../core/collector';
import { History } from '../core/history';
import { Sampler } from '../core/sampler';
import { replyMessage } from './ws-binding';

// A day of history with every topic and its culprits, as this machine's real
// ticks make them, does not fit one WebSocket reply: it comes in pages of
// HISTORY_PAGE (getHistory's limit and after), each within the budget.

describe('getHistory in pages', () => {
  it('answers a day of full points in pages under MESSAGE_BUDGET_BYTES that join into the day', async () => {
    const sampler = new Sampler(new Collector(), { topics: () => new Set(TOPICS) });
    let tick: Snapshot | null = null;
    for (let i = 0; i < 5 && !tick?.culprits?.cpu; i++) tick = await sampler.tick();
    const { processes: _rows, ...point } = tick!;
    expect(point.culprits).toBeDefined();

    const T0 = 1_700_000_040_000;
    let now = T0;
    const h = new History(() => now);
    for (let i = 0; i < 86_400 + 120; i++) {
      now = T0 + i * 1000;
      h.push({ ...point, seq: i + 1, time: now });
    }
    const day = h.since(86_400);
    expect(day.length).toBeGreaterThanOrEqual(1439);
    const reply = (value: unknown) => replyMessage({ type: 'reply', id: 1, ok: true, value });
    // Why pages: in one reply the day is refused (TOO_LARGE) wherever a point takes more than budget / 1,440 bytes (2.9 KiB).
    const whole = Buffer.byteLength(JSON.stringify(day));
    console.log(`a day: ${day.length} points, ${whole} bytes in one reply (budget ${MESSAGE_BUDGET_BYTES}): ${reply(day).text.includes('TOO_LARGE') ? 'refused' : 'sent'}`);

    const joined: Snapshot[] = [];
    let after: number | undefined;
    for (;;) {
      const page = h.since(86_400, after, HISTORY_PAGE);
      const m = reply(page);
      expect(m.text).not.toContain('TOO_LARGE');
      expect(m.bytes).toBeLessThanOrEqual(MESSAGE_BUDGET_BYTES);
      joined.push(...page);
      if (page.length < HISTORY_PAGE) break;
      after = page[page.length - 1]!.time;
    }
    expect(joined).toEqual(day);
    expect(joined.every((s) => s.culprits !== undefined)).toBe(true);
  }, 120_000);
});
