import { describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../../shared/settings';
import { addNotice, MAX_NOTICES } from './notice-list';

const ev = (id: string, ruleId: string, state: AlertEvent['state'] = 'firing'): AlertEvent => ({ id, ruleId, kind: 'cpu', state, at: 0, value: 0, message: id });

describe('alert notices', () => {
  it('keeps one notice per rule: the resolution replaces the firing', () => {
    const a = addNotice([], [ev('1', 'r')]);
    const b = addNotice(a.notices, [ev('2', 'r', 'resolved')]);
    expect(b.notices.map((n) => n.id)).toEqual(['2']);
  });
  it('shows the newest few and counts the ones that went', () => {
    const many = Array.from({ length: 7 }, (_, i) => ev(String(i), `r${i}`));
    const r = addNotice([], many);
    expect(r.notices.map((n) => n.id)).toEqual(['4', '5', '6'].slice(-MAX_NOTICES));
    expect(r.dropped).toBe(7 - MAX_NOTICES);
  });
});
