import { useEffect, useRef } from 'react';

/**
 * Recharts portals each z-layer into a bare <g>; React listens for events on
 * every portal container, and Chromium makes an SVG element with focus
 * listeners focusable: each chart became several tab stops that lead nowhere.
 * This keeps the layers under the returned ref out of the tab order.
 */
export function useNoTabStops<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fix = () => {
      for (const g of root.querySelectorAll('g[class*="recharts-zIndex-layer"]:not([tabindex])')) g.setAttribute('tabindex', '-1');
    };
    fix();
    const watch = new MutationObserver(fix);
    watch.observe(root, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, []);
  return ref;
}
