import type { PageId } from '../routes/pages';
import './PageIcon.css';

// 24×24 outlines, stroked in the text colour: enough to tell the pages apart when the sidebar is a rail of icons.
const PATHS: Record<PageId, string> = {
  overview: 'M4 4h7v7H4zM13 4h7v4h-7zM13 10h7v10h-7zM4 13h7v7H4z',
  cpu: 'M7 7h10v10H7zM10 10h4v4h-4zM9 3v4M15 3v4M9 17v4M15 17v4M3 9h4M3 15h4M17 9h4M17 15h4',
  memory: 'M3 7h18v9H3zM7 10v3M11 10v3M15 10v3M6 16v3M10 16v3M14 16v3M18 16v3',
  disks: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3v12c0 1.7-3.6 3-8 3s-8-1.3-8-3zM4 6c0 1.7 3.6 3 8 3s8-1.3 8-3M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  network: 'M8 20V5M4 9l4-4 4 4M16 4v15M12 15l4 4 4-4',
  gpu: 'M3 6h18v11H3zM6 17v3M10 17v3M3 9H1M16 9.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM6 9h5v5H6z',
  sensors: 'M10 4a2 2 0 0 1 4 0v10.3a4 4 0 1 1-4 0zM12 9v7',
  battery: 'M3 8h16v8H3zM19 11h2v2h-2zM6 11h6v2H6z',
  processes: 'M4 5h16M4 10h16M4 15h16M4 20h10',
  // A launcher's grid of apps.
  apps: 'M5 5h2v2H5zM11 5h2v2h-2zM17 5h2v2h-2zM5 11h2v2H5zM11 11h2v2h-2zM17 11h2v2h-2zM5 17h2v2H5zM11 17h2v2h-2zM17 17h2v2h-2z',
  services: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1',
  system: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7.5v.5',
  alerts: 'M6 17V11a6 6 0 0 1 12 0v6l2 2H4zM10 21h4',
  settings: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
};

export function PageIcon({ id }: { id: PageId }) {
  return (
    <svg className="page-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[id]} />
    </svg>
  );
}
