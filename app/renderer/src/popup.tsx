import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi, getConnection } from './api';
import { ApiContext } from './api/context';
import { OverviewPage } from './pages/OverviewPage';
import { loadSettings } from './settings/settings';
import { StoreContext } from './store/context';
import { createMonitorStore, selectTheme } from './store/monitor';
import { startSync } from './store/sync';
import { loadPreference } from './store/theme';
import { startTopics } from './store/topics';
import './styles/app.css';
import './popup.css';

// The tray popup: the Overview tiles and nothing else. Its preload offers only
// the reads these need (info, history, snapshots, topics), so this page
// starts only what uses those: no router, no settings writes, no actions.

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const store = createMonitorStore({
  themePreference: loadPreference(),
  systemTheme: dark.matches ? 'dark' : 'light',
  settings: loadSettings(),
  page: 'overview',
});

function applyTheme() {
  const theme = selectTheme(store.getState());
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}
applyTheme();
dark.addEventListener('change', () => {
  store.getState().setSystemTheme(dark.matches ? 'dark' : 'light');
  applyTheme();
});

const api = getApi();
startSync(api, getConnection(), store);
startTopics(api, store, document);

// A tile links to its page in the main window; here there is none, so a click does nothing rather than empty the popup.
document.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('a.tile-link')) e.preventDefault();
});

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from popup.html');

createRoot(container).render(
  <StrictMode>
    <ApiContext value={api}>
      <StoreContext value={store}>
        <main className="popup-main">
          <OverviewPage />
        </main>
      </StoreContext>
    </ApiContext>
  </StrictMode>,
);
