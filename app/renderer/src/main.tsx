// First, so each component's own stylesheet (imported with it) comes after the shared one and can refine it.
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi, getConnection } from './api';
import { ApiContext } from './api/context';
import { App } from './App';
import { parseHash } from './routes/pages';
import { startRouter } from './routes/router';
import { loadSettings } from './settings/settings';
import { StoreContext } from './store/context';
import { startLongHistory } from './store/long-history';
import { createMonitorStore } from './store/monitor';
import { startSettingsSync } from './store/settings-sync';
import { startSync } from './store/sync';
import { loadPreference } from './store/theme';
import { startTopics } from './store/topics';

const store = createMonitorStore({
  themePreference: loadPreference(),
  systemTheme: window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  settings: loadSettings(),
  page: parseHash(location.hash),
});

// Started outside React so StrictMode's double effects cannot subscribe twice.
const api = getApi();
startSync(api, getConnection(), store);
startRouter(store, window);
startTopics(api, store, document);
startLongHistory(api, store);
startSettingsSync(store);

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>
    <ApiContext value={api}>
      <StoreContext value={store}>
        <App />
      </StoreContext>
    </ApiContext>
  </StrictMode>,
);
