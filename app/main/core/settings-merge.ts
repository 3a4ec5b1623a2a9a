import { isDeepStrictEqual } from 'node:util';
import type { AlertRule, Settings } from '../../shared';

// Two hosts can share one settings file. A host writes under the file's lock
// after reading what is there now ("theirs"), and merges three ways against
// what it last read or wrote ("base"): what only one side changed is kept
// from that side; what both changed, differently, is a conflict. Alert rules
// merge rule by rule (by id), so two hosts adding rules keep both.

export type MergeResult = { ok: true; settings: Settings } | { ok: false; conflicts: string[] };

/** One value three ways: ours if only we changed it (or both alike), theirs otherwise; null when both changed it differently. */
function pick<T>(base: T, theirs: T, ours: T): { value: T } | null {
  if (isDeepStrictEqual(ours, base)) return { value: theirs };
  if (isDeepStrictEqual(theirs, base) || isDeepStrictEqual(theirs, ours)) return { value: ours };
  return null;
}

/** The ids both lists hold, in each one's order: equal when neither side reordered the rules they share. */
function sameOrder(a: AlertRule[], b: AlertRule[]): boolean {
  const inB = new Set(b.map((r) => r.id));
  const inA = new Set(a.map((r) => r.id));
  return isDeepStrictEqual(a.map((r) => r.id).filter((id) => inB.has(id)), b.map((r) => r.id).filter((id) => inA.has(id)));
}

function mergeRules(base: AlertRule[], theirs: AlertRule[], ours: AlertRule[], conflicts: string[]): AlertRule[] {
  const byId = (rules: AlertRule[]) => new Map(rules.map((r) => [r.id, r]));
  const [b, t, o] = [byId(base), byId(theirs), byId(ours)];
  // The order of the side that reordered (ours when neither did), then the other side's new rules.
  const [first, second] = sameOrder(base, theirs) ? [ours, theirs] : [theirs, ours];
  const out: AlertRule[] = [];
  const placed = new Set<string>();
  for (const { id } of [...first, ...second]) {
    if (placed.has(id)) continue;
    placed.add(id);
    const merged = pick(b.get(id), t.get(id), o.get(id));
    // Undefined is a removal: kept when only one side removed the rule, a conflict when the other side edited it.
    if (merged === null) conflicts.push(`alert rule ${JSON.stringify(id)}`);
    else if (merged.value !== undefined) out.push(merged.value);
  }
  return out;
}

export function mergeSettings(base: Settings, theirs: Settings, ours: Settings): MergeResult {
  const conflicts: string[] = [];
  const merged = { ...theirs };
  for (const key of Object.keys(base) as (keyof Settings)[]) {
    if (key === 'alertRules') continue;
    const r = pick(base[key], theirs[key], ours[key]);
    if (r === null) conflicts.push(key);
    else (merged as Record<string, unknown>)[key] = r.value;
  }
  merged.alertRules = mergeRules(base.alertRules, theirs.alertRules, ours.alertRules, conflicts);
  return conflicts.length > 0 ? { ok: false, conflicts } : { ok: true, settings: merged };
}
