import { useRef, type KeyboardEvent } from 'react';
import { neighbourPage, pageHref, shownPages, type PageId } from '../routes/pages';
import { useMonitor } from '../store/context';
import { PageIcon } from './PageIcon';
import './Sidebar.css';

/** The page list (a rail of icons in a narrow window). Arrow keys move between pages (and focus follows); Alt+1…9 work anywhere (routes/router.ts). */
export function Sidebar() {
  const page = useMonitor((s) => s.page);
  const functions = useMonitor((s) => s.info?.capabilities?.functions);
  const pages = shownPages(functions);
  const links = useRef(new Map<PageId, HTMLAnchorElement>());

  const go = (id: PageId) => {
    window.location.assign(pageHref(id));
    links.current.get(id)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // From the focused link, not the store: a second key press can arrive
    // before the hashchange of the first has re-rendered us.
    const focused = [...links.current].find(([, el]) => el === e.target)?.[0] ?? page;
    const moves: Record<string, () => PageId> = {
      ArrowDown: () => neighbourPage(focused, 1, pages),
      ArrowRight: () => neighbourPage(focused, 1, pages),
      ArrowUp: () => neighbourPage(focused, -1, pages),
      ArrowLeft: () => neighbourPage(focused, -1, pages),
      Home: () => pages[0]!.id,
      End: () => pages[pages.length - 1]!.id,
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    go(move());
  };

  return (
    <nav className="sidebar" aria-label="Pages" onKeyDown={onKeyDown}>
      <ul>
        {pages.map((p, i) => (
          <li key={p.id}>
            <a
              ref={(el) => {
                if (el) links.current.set(p.id, el);
                else links.current.delete(p.id);
              }}
              href={pageHref(p.id)}
              aria-current={p.id === page ? 'page' : undefined}
              // Alt+1…9 only: there is no Alt+10.
              aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
              title={i < 9 ? `${p.label} (Alt+${i + 1})` : p.label}
              className={p.id === page ? 'nav-link active' : 'nav-link'}
            >
              <PageIcon id={p.id} />
              <span className="nav-label">{p.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
