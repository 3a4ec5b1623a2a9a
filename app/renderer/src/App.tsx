import { useEffect, useLayoutEffect, type ComponentType } from 'react';
import { CollectorUnavailable, useCollectorUnavailable } from './components/CollectorUnavailable';
import { AlertNotices } from './components/AlertNotices';
import { Header } from './components/Header';
import { Sidebar } from './components/Sidebar';
import { StatusMessage } from './components/StatusMessage';
import { AlertsPage } from './pages/AlertsPage';
import { AppsPage } from './pages/AppsPage';
import { BatteryPage } from './pages/BatteryPage';
import { CpuPage } from './pages/CpuPage';
import { DisksPage } from './pages/DisksPage';
import { GpuPage } from './pages/GpuPage';
import { MemoryPage } from './pages/MemoryPage';
import { NetworkPage } from './pages/NetworkPage';
import { OverviewPage } from './pages/OverviewPage';
import { ProcessesPage } from './pages/ProcessesPage';
import { SensorsPage } from './pages/SensorsPage';
import { ServicesPage } from './pages/ServicesPage';
import { SettingsPage } from './pages/SettingsPage';
import { SystemPage } from './pages/SystemPage';
import { offeredPage, PAGES, type PageId } from './routes/pages';
import { useMonitor } from './store/context';
import { selectTheme } from './store/monitor';
import { savePreference } from './store/theme';
import './App.css';

const DARK_QUERY = '(prefers-color-scheme: dark)';

// Only the current page is mounted: off-screen charts cost nothing per tick.
const PAGE_COMPONENTS: Record<PageId, ComponentType> = {
  overview: OverviewPage,
  cpu: CpuPage,
  memory: MemoryPage,
  disks: DisksPage,
  network: NetworkPage,
  gpu: GpuPage,
  sensors: SensorsPage,
  battery: BatteryPage,
  processes: ProcessesPage,
  apps: AppsPage,
  services: ServicesPage,
  system: SystemPage,
  alerts: AlertsPage,
  settings: SettingsPage,
};

function useThemeEffects() {
  const theme = useMonitor(selectTheme);
  const preference = useMonitor((s) => s.themePreference);
  const setSystemTheme = useMonitor((s) => s.setSystemTheme);

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const update = () => setSystemTheme(query.matches ? 'dark' : 'light');
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [setSystemTheme]);

  // Layout effect: the theme must be on <html> before the first paint, or dark users see a white flash.
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }, [theme]);

  useEffect(() => savePreference(preference), [preference]);
}

function CurrentPage() {
  const asked = useMonitor((s) => s.page);
  const functions = useMonitor((s) => s.info?.capabilities?.functions);
  // A page this host does not offer (#/services where the collector has no services) is the overview.
  const page = offeredPage(asked, functions);
  // Dim the last values while the link is down so nobody mistakes them for live ones.
  const stale = useMonitor((s) => s.connection !== 'open');
  const Page = PAGE_COMPONENTS[page];
  return (
    <div className={stale ? 'page stale' : 'page'} data-page={page}>
      <Page key={page} />
    </div>
  );
}

export function App() {
  useThemeEffects();
  const hasInfo = useMonitor((s) => s.info !== null);
  const page = useMonitor((s) => s.page);
  // Electron shows alerts as desktop notifications; a browser gets them in the page.
  const inPageNotices = useMonitor((s) => s.info?.transport === 'websocket');

  const unavailable = useCollectorUnavailable();

  useEffect(() => {
    document.title = `${PAGES.find((p) => p.id === page)!.label} · Procyon`;
  }, [page]);

  if (unavailable !== null) return <CollectorUnavailable message={unavailable} />;
  return (
    <div className="app">
      <Header />
      <div className="layout">
        <Sidebar />
        <main>
          <StatusMessage />
          {hasInfo && <CurrentPage />}
        </main>
      </div>
      {inPageNotices && <AlertNotices />}
    </div>
  );
}
