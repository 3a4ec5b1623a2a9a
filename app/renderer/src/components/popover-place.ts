import type { CSSProperties } from 'react';

const MARGIN = 8;
const GAP = 6;

/**
 * Where a popover of `width` opened from `anchor` goes so that all of it is in
 * the window: below the anchor, right-aligned with it where there is room,
 * slid left or right to stay inside, and no taller than the space below (it
 * scrolls inside itself beyond that). Fixed positioning: window coordinates.
 */
export function placePopover(anchor: Pick<DOMRect, 'left' | 'right' | 'bottom'>, width: number, vw: number, vh: number): CSSProperties {
  const w = Math.min(width, vw - 2 * MARGIN);
  const left = Math.min(Math.max(MARGIN, anchor.right - w), vw - w - MARGIN);
  const top = Math.min(anchor.bottom + GAP, vh - MARGIN - 160);
  return { position: 'fixed', left, top, right: 'auto', maxWidth: vw - 2 * MARGIN, maxHeight: vh - top - MARGIN };
}
