import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi, getConnection } from './api';
import { App } from './App';
import { StoreContext } from './store/context';
import { createMonitorStore } from './store/monitor';
import { startSync } from './store/sync';
import { loadPreference } from './store/theme';
import './styles/app.css';

const store = createMonitorStore({
  themePreference: loadPreference(),
  systemTheme: window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
});
// Started outside React so StrictMode's double effects cannot subscribe twice.
startSync(getApi(), getConnection(), store);

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <StoreContext value={store}>
      <App />
    </StoreContext>
  </StrictMode>,
);
