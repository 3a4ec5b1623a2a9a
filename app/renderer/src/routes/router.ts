import type { MonitorStore } from '../store/monitor';
import { pageHref, parseHash, shownPages } from './pages';

/**
 * Hash routing (#/cpu): works from file:// in Electron and needs no server
 * routes in serve mode. Alt+1 … Alt+9 jump to a page from anywhere.
 */
export function startRouter(store: MonitorStore, win: Window): () => void {
  const sync = () => store.getState().setPage(parseHash(win.location.hash));
  const onKey = (e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const n = Number(e.key);
    const page = Number.isInteger(n) && n >= 1 ? shownPages(store.getState().info?.capabilities?.functions)[n - 1] : undefined;
    if (!page) return;
    e.preventDefault();
    win.location.hash = pageHref(page.id);
  };
  sync();
  win.addEventListener('hashchange', sync);
  win.addEventListener('keydown', onKey);
  return () => {
    win.removeEventListener('hashchange', sync);
    win.removeEventListener('keydown', onKey);
  };
}
