import type { ReactNode } from 'react';
import type { AlertRule } from '../../../shared/settings';
import { KIND_LABELS, MiB, type RuleIssues } from '../alerts/rules';
import './AlertRuleEditor.css';

interface Props {
  rule: AlertRule;
  index: number;
  issues: RuleIssues;
  onChange(rule: AlertRule): void;
  onDelete(): void;
}

/** One labelled input, with its validation message tied to it for screen readers. */
function Field({ label, field, index, issues, children }: { label: string; field: string; index: number; issues: RuleIssues; children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const id = `rule-${index}-${field}`;
  const message = issues[`${index}.${field}`];
  return (
    <div className="rule-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(message && { 'aria-invalid': true, 'aria-describedby': `${id}-error` }) })}
      {message && (
        <span className="bad small" id={`${id}-error`}>
          {message}
        </span>
      )}
    </div>
  );
}

/** A number input; an emptied box is NaN, which validation names, rather than a silent 0. */
const num = (e: { target: HTMLInputElement }) => e.target.valueAsNumber;

/** The inputs of one rule, by kind. Byte amounts are edited in MiB. */
export function AlertRuleEditor({ rule, index, issues, onChange, onDelete }: Props) {
  const f = { index, issues };
  const set = (patch: Partial<AlertRule>) => onChange({ ...rule, ...patch } as AlertRule);
  const valueOf = (field: string) => (rule as unknown as Record<string, number>)[field]!;
  const mib = (field: 'belowBytes' | 'aboveBytes', label: string) => (
    <Field label={label} field={field} {...f}>
      {(p) => (
        <input
          {...p}
          type="number"
          min={0}
          step={1}
          value={Number.isNaN(valueOf(field)) ? '' : Math.round(valueOf(field) / MiB)}
          onChange={(e) => set({ [field]: Number.isNaN(num(e)) ? Number.NaN : Math.round(num(e) * MiB) } as Partial<AlertRule>)}
        />
      )}
    </Field>
  );
  const percent = (field: 'abovePercent' | 'belowPercent', label: string) => (
    <Field label={label} field={field} {...f}>
      {(p) => <input {...p} type="number" min={0} max={100} step={1} value={Number.isNaN(valueOf(field)) ? '' : valueOf(field)} onChange={(e) => set({ [field]: num(e) } as Partial<AlertRule>)} />}
    </Field>
  );

  return (
    <fieldset className="rule" data-testid="alert-rule">
      <legend>
        Rule {index + 1}: {KIND_LABELS[rule.kind]}
      </legend>
      <div className="rule-fields">
        {rule.kind === 'cpu' && percent('abovePercent', 'Above (%)')}
        {rule.kind === 'memoryAvailable' && mib('belowBytes', 'Below (MiB)')}
        {rule.kind === 'diskUsage' && (
          <>
            {percent('abovePercent', 'Used above (%)')}
            <Field label="Mountpoint (empty: every one)" field="mountpoint" {...f}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  placeholder="/"
                  value={rule.mountpoint ?? ''}
                  onChange={(e) => {
                    const { mountpoint: _old, ...rest } = rule;
                    onChange(e.target.value === '' ? rest : { ...rest, mountpoint: e.target.value });
                  }}
                />
              )}
            </Field>
          </>
        )}
        {rule.kind === 'temperature' && (
          <Field label="Fallback high mark (°C, for sensors without one)" field="fallbackCelsius" {...f}>
            {(p) => (
              <input
                {...p}
                type="number"
                placeholder="none"
                value={rule.fallbackCelsius ?? ''}
                onChange={(e) => {
                  const { fallbackCelsius: _old, ...rest } = rule;
                  onChange(e.target.value === '' ? rest : { ...rest, fallbackCelsius: num(e) });
                }}
              />
            )}
          </Field>
        )}
        {rule.kind === 'battery' && percent('belowPercent', 'Below (%) while discharging')}
        {rule.kind === 'processMemory' && (
          <>
            <Field label="Name or command line contains" field="nameMatch" {...f}>
              {(p) => <input {...p} type="text" placeholder="firefox" value={rule.nameMatch} onChange={(e) => set({ nameMatch: e.target.value })} />}
            </Field>
            {mib('aboveBytes', 'Resident memory above (MiB)')}
          </>
        )}
        {rule.kind === 'gpuUtilization' && percent('abovePercent', 'Busy above (%), each GPU')}
        {rule.kind === 'gpuMemory' && percent('abovePercent', 'Memory used above (%), each GPU')}
        {rule.kind === 'gpuTemperature' && (
          <Field label="Above (°C), each GPU sensor" field="aboveCelsius" {...f}>
            {(p) => <input {...p} type="number" min={-50} max={250} step={1} value={Number.isNaN(rule.aboveCelsius) ? '' : rule.aboveCelsius} onChange={(e) => set({ aboveCelsius: num(e) })} />}
          </Field>
        )}
        <Field label="For (seconds)" field="forSeconds" {...f}>
          {(p) => <input {...p} type="number" min={0} step={1} value={Number.isNaN(rule.forSeconds) ? '' : rule.forSeconds} onChange={(e) => set({ forSeconds: num(e) })} />}
        </Field>
      </div>
      {issues[`${index}.id`] && <p className="bad small">{issues[`${index}.id`]}</p>}
      <div className="rule-actions">
        <label>
          <input type="checkbox" checked={rule.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          Enabled
        </label>
        <button type="button" className="tool-button" onClick={onDelete} aria-label={`Delete rule ${index + 1} (${KIND_LABELS[rule.kind]})`}>
          Delete
        </button>
      </div>
    </fieldset>
  );
}
