import { useEffect, useRef, useState } from 'react';
import { toApiError } from '../../../shared/errors';
import { useApi } from '../api/context';
import { formatInterval } from '../format';
import { INTERVAL_CHOICES_MS } from '../settings/settings';
import { useMonitor } from '../store/context';
import type { ThemePreference } from '../store/theme';

/** Units, theme and tick length, in a popover so the header stays one line. */
export function SettingsMenu() {
  const api = useApi();
  const settings = useMonitor((s) => s.settings);
  const updateSettings = useMonitor((s) => s.updateSettings);
  const themePreference = useMonitor((s) => s.themePreference);
  const setThemePreference = useMonitor((s) => s.setThemePreference);
  const readOnly = useMonitor((s) => s.info?.readOnly ?? true);
  const interval = useMonitor((s) => s.latest?.intervalMs ?? s.info?.intervalMs);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    // Close on a click outside or Escape, as any menu does.
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const changeInterval = (ms: number) => {
    // The host saves it (and starts at it next time); nothing to keep in this browser.
    setError(null);
    api.setInterval({ ms }).catch((e: unknown) => setError(toApiError(e).message));
  };

  return (
    <div className="menu" ref={root}>
      <button type="button" className="tool-button" aria-expanded={open} aria-controls="settings-panel" aria-label="Settings" onClick={() => setOpen(!open)}>
        <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
          <g stroke="currentColor" strokeWidth="2" strokeLinecap="round" fill="none">
            <path d="M4 7h9M19 7h1M4 17h3M13 17h7" />
            <circle cx="16" cy="7" r="2.5" />
            <circle cx="10" cy="17" r="2.5" />
          </g>
        </svg>
        <span>Settings</span>
      </button>
      {open && (
        <div className="menu-panel" id="settings-panel" role="dialog" aria-label="Settings">
          <fieldset>
            <legend>Rates</legend>
            <label>
              <input type="radio" name="rate" checked={settings.rateUnit === 'bytes'} onChange={() => updateSettings({ rateUnit: 'bytes' })} />
              Bytes per second (KiB/s)
            </label>
            <label>
              <input type="radio" name="rate" checked={settings.rateUnit === 'bits'} onChange={() => updateSettings({ rateUnit: 'bits' })} />
              Bits per second (Mbit/s)
            </label>
          </fieldset>
          <fieldset>
            <legend>Temperature</legend>
            <label>
              <input type="radio" name="temp" checked={settings.temperatureUnit === 'C'} onChange={() => updateSettings({ temperatureUnit: 'C' })} />
              Celsius (°C)
            </label>
            <label>
              <input type="radio" name="temp" checked={settings.temperatureUnit === 'F'} onChange={() => updateSettings({ temperatureUnit: 'F' })} />
              Fahrenheit (°F)
            </label>
          </fieldset>
          <fieldset>
            <legend>Theme</legend>
            {(['system', 'light', 'dark'] as ThemePreference[]).map((t) => (
              <label key={t}>
                <input type="radio" name="theme" checked={themePreference === t} onChange={() => setThemePreference(t)} />
                {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Update interval</legend>
            {readOnly ? (
              <p className="muted small">Set by the host ({interval === undefined ? '—' : formatInterval(interval)}); this host is read-only.</p>
            ) : (
              <label>
                Every
                <select aria-label="Update interval" value={interval ?? ''} onChange={(e) => changeInterval(Number(e.target.value))}>
                  {interval !== undefined && !(INTERVAL_CHOICES_MS as readonly number[]).includes(interval) && <option value={interval}>{formatInterval(interval)}</option>}
                  {INTERVAL_CHOICES_MS.map((ms) => (
                    <option key={ms} value={ms}>
                      {formatInterval(ms)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {error && (
              <p className="bad small" role="alert">
                {error}
              </p>
            )}
          </fieldset>
        </div>
      )}
    </div>
  );
}
