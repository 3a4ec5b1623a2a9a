import type { AlertEvent } from '../../../shared/settings';

/** Notices shown at once: three stay clear of most of a page; the rest are on the Alerts page. */
export const MAX_NOTICES = 3;

/**
 * The notices after a tick's alert events: one per rule (an episode's
 * resolution replaces its firing notice, a new episode the old one), the
 * newest MAX_NOTICES, and how many older ones went to make room.
 */
export function addNotice(prev: readonly AlertEvent[], events: readonly AlertEvent[]): { notices: AlertEvent[]; dropped: number } {
  let list = [...prev];
  for (const e of events) list = [...list.filter((n) => n.ruleId !== e.ruleId), e];
  const dropped = Math.max(0, list.length - MAX_NOTICES);
  return { notices: list.slice(dropped), dropped };
}
