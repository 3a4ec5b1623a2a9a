import { useEffect, useState } from 'react';
import { toApiError } from '../../../shared/errors';
import { ALERT_KINDS, MAX_ALERT_RULES, type AlertKind, type AlertRule, type Settings, type SettingsPatch } from '../../../shared/settings';
import { useApi } from '../api/context';
import { checkRules, issuesByField, KIND_LABELS, newRule, type RuleIssues } from '../alerts/rules';
import { AlertRuleEditor } from '../components/AlertRuleEditor';
import { PageHeader } from '../components/PageHeader';
import { formatInterval } from '../format';
import { INTERVAL_CHOICES_MS } from '../settings/settings';
import { useMonitor } from '../store/context';
import './SettingsPage.css';

/**
 * The host's settings (saved by the host, shared by every window and browser
 * that reaches it). Units and theme are this browser's own: the Settings menu
 * in the header keeps them.
 */
export function SettingsPage() {
  const api = useApi();
  const info = useMonitor((s) => s.info);
  const readOnly = info?.readOnly ?? true;
  const desktop = info?.transport === 'electron';
  // What the host runs at now: the saved interval, unless `serve --interval` overrode it for this run.
  const runningInterval = useMonitor((s) => s.latest?.intervalMs ?? s.info?.intervalMs);
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<AlertRule[]>([]);
  const [issues, setIssues] = useState<RuleIssues>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [addKind, setAddKind] = useState<AlertKind>('cpu');

  useEffect(() => {
    let live = true;
    api
      .getSettings()
      .then((s) => {
        if (!live) return;
        setSaved(s);
        setDraft(s.alertRules);
      })
      .catch((e: unknown) => live && setStatus({ ok: false, text: toApiError(e).message }));
    return () => {
      live = false;
    };
  }, [api]);

  const save = async (patch: SettingsPatch, what: string): Promise<boolean> => {
    setStatus(null);
    try {
      const next = await api.updateSettings(patch);
      setSaved(next);
      setStatus({ ok: true, text: `${what} saved.` });
      return true;
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'INVALID_ARGUMENT' && err.issues) setIssues(issuesByField(err.issues));
      setStatus({ ok: false, text: `${what} not saved: ${err.message}` });
      return false;
    }
  };

  const saveRules = async () => {
    const found = checkRules(draft);
    setIssues(found);
    if (Object.keys(found).length > 0) {
      setStatus({ ok: false, text: 'Alert rules not saved: fix the fields marked below.' });
      return;
    }
    await save({ alertRules: draft }, 'Alert rules');
  };

  const interval = runningInterval ?? saved?.intervalMs ?? 1000;
  const dirty = saved !== null && JSON.stringify(saved.alertRules) !== JSON.stringify(draft);

  if (!saved) {
    return (
      <>
        <PageHeader title="Settings" />
        {status ? (
          <p className="bad" role="alert">
            {status.text}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader title="Settings">Saved on the host, for every window and browser that reaches it</PageHeader>
      {readOnly && <div className="banner">This host is read-only: its settings are shown, not changed.</div>}
      <p className={status?.ok === false ? 'bad small status-line' : 'muted small status-line'} role="status" data-testid="settings-status">
        {status?.text ?? ''}
      </p>
      <fieldset className="panel settings-panel" disabled={readOnly}>
        <legend className="panel-legend">General</legend>
        <div className="rule-field">
          <label htmlFor="settings-interval">Update interval</label>
          <select id="settings-interval" value={interval} onChange={(e) => void save({ intervalMs: Number(e.target.value) }, 'Update interval')}>
            {!(INTERVAL_CHOICES_MS as readonly number[]).includes(interval) && <option value={interval}>Every {formatInterval(interval)}</option>}
            {INTERVAL_CHOICES_MS.map((ms) => (
              <option key={ms} value={ms}>
                Every {formatInterval(ms)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={saved.closeToTray} disabled={!desktop} onChange={(e) => void save({ closeToTray: e.target.checked }, 'Close to tray')} />
          Closing the window keeps Procyon running in the tray
          {!desktop && <span className="muted small"> (desktop app only)</span>}
        </label>
        <label className="check">
          <input type="checkbox" checked={saved.startAtLogin} disabled={!desktop} onChange={(e) => void save({ startAtLogin: e.target.checked }, 'Start at login')} />
          Start Procyon when I log in
          {!desktop && <span className="muted small"> (desktop app only)</span>}
        </label>
      </fieldset>

      <fieldset className="panel settings-panel" disabled={readOnly}>
        <legend className="panel-legend">Alert rules</legend>
        <p className="muted small">
          A rule fires once when its condition has held for the given seconds, and resolves when the value is back by a margin (2 points, 2 °C, or 5 % of a memory amount), so a value hovering at the threshold notifies once.
          Disks, sensors and processes are watched one by one; each rule notifies once per episode, naming all of them. {desktop ? 'Alerts show as desktop notifications.' : 'Alerts show as notices on this page.'} Past alerts are on the <a href="#/alerts">Alerts</a> page.
        </p>
        {draft.length === 0 && <p className="muted">No rules yet.</p>}
        {draft.map((rule, i) => (
          <AlertRuleEditor
            key={rule.id}
            rule={rule}
            index={i}
            issues={issues}
            onChange={(r) => setDraft(draft.map((x, j) => (j === i ? r : x)))}
            onDelete={() => {
              setDraft(draft.filter((_, j) => j !== i));
              setIssues({});
            }}
          />
        ))}
        {issues[''] && <p className="bad small">{issues['']}</p>}
        <div className="rule-actions">
          <label>
            New rule
            <select aria-label="Kind of new rule" value={addKind} onChange={(e) => setAddKind(e.target.value as AlertKind)}>
              {ALERT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="tool-button" disabled={draft.length >= MAX_ALERT_RULES} onClick={() => setDraft([...draft, newRule(addKind)])}>
            Add rule
          </button>
          <span className="spacer" />
          <button
            type="button"
            className="tool-button"
            disabled={!dirty}
            onClick={() => {
              setDraft(saved.alertRules);
              setIssues({});
            }}
          >
            Discard changes
          </button>
          <button type="button" className="tool-button primary" disabled={!dirty} onClick={() => void saveRules()}>
            Save rules
          </button>
        </div>
      </fieldset>
    </>
  );
}
