import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AlertRule, type Settings } from '../../shared';
import { mergeSettings } from './settings-merge';

const rule = (id: string, forSeconds = 0): AlertRule => ({ id, kind: 'cpu', enabled: true, abovePercent: 90, forSeconds });
const base: Settings = { ...DEFAULT_SETTINGS, alertRules: [rule('a'), rule('b')] };
const ids = (s: Settings) => s.alertRules.map((r) => r.id);

describe('merging two writers of one settings file', () => {
  it('keeps each side\'s change to different settings', () => {
    const r = mergeSettings(base, { ...base, intervalMs: 2000 }, { ...base, closeToTray: false });
    expect(r).toEqual({ ok: true, settings: { ...base, intervalMs: 2000, closeToTray: false } });
  });

  it('the same change on both sides is no conflict', () => {
    expect(mergeSettings(base, { ...base, intervalMs: 2000 }, { ...base, intervalMs: 2000 })).toEqual({ ok: true, settings: { ...base, intervalMs: 2000 } });
  });

  it('different values for one setting: a conflict naming it', () => {
    expect(mergeSettings(base, { ...base, intervalMs: 2000 }, { ...base, intervalMs: 3000 })).toEqual({ ok: false, conflicts: ['intervalMs'] });
  });

  it('rules merge by id: both sides\' additions, edits and removals of different rules', () => {
    const theirs = { ...base, alertRules: [rule('a', 5), rule('b'), rule('t')] };
    const ours = { ...base, alertRules: [rule('a'), rule('o')] }; // b removed, o added
    const r = mergeSettings(base, theirs, ours);
    expect(r.ok && ids(r.settings)).toEqual(['a', 'o', 't']);
    expect(r.ok && r.settings.alertRules[0]).toEqual(rule('a', 5));
  });

  it('one rule edited differently on both sides, or removed on one and edited on the other: a conflict naming it', () => {
    expect(mergeSettings(base, { ...base, alertRules: [rule('a', 1), rule('b')] }, { ...base, alertRules: [rule('a', 2), rule('b')] })).toEqual({ ok: false, conflicts: ['alert rule "a"'] });
    expect(mergeSettings(base, { ...base, alertRules: [rule('b')] }, { ...base, alertRules: [rule('a', 2), rule('b')] })).toEqual({ ok: false, conflicts: ['alert rule "a"'] });
  });

  it('keeps the order of the side that reordered', () => {
    const r = mergeSettings(base, { ...base, alertRules: [rule('b'), rule('a')] }, { ...base, alertRules: [rule('a'), rule('b'), rule('o')] });
    expect(r.ok && ids(r.settings)).toEqual(['b', 'a', 'o']);
  });
});
