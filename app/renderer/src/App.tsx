import { useEffect, useLayoutEffect } from 'react';
import { Dashboard } from './components/Dashboard';
import { Header } from './components/Header';
import { StatusMessage } from './components/StatusMessage';
import { useMonitor } from './store/context';
import { selectTheme } from './store/monitor';
import { savePreference } from './store/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

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

export function App() {
  useThemeEffects();
  const hasInfo = useMonitor((s) => s.info !== null);
  return (
    <div className="app">
      <Header />
      <main>
        <StatusMessage />
        {hasInfo && <Dashboard />}
      </main>
    </div>
  );
}
