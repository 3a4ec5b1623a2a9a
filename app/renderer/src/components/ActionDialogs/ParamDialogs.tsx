import { useState } from 'react';
import { useMonitor } from '../../store/context';
import { type Target, type UiAction } from '../../processes/actions';
import { ioDialogChoices, ioTableOf } from '../../processes/io-classes';
import { parseNice, type NiceRange } from '../../processes/nice-input';
import { priorityClasses, type PriorityClass } from '../../processes/priority';
import { Modal } from './Modal';
import { TargetList } from './TargetList';
import './ParamDialogs.css';

interface Common {
  targets: readonly Target[];
  onCancel(): void;
  onApply(action: UiAction): void;
}

function Buttons({ onCancel, label }: { onCancel(): void; label: string }) {
  return (
    <>
      <button type="button" className="tool-button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="tool-button primary">
        {label}
      </button>
    </>
  );
}

/** Change priority: the host's priority classes where it has them (Windows), else a nice value. */
export function ReniceDialog(props: Common & { initial: number }) {
  const classes = priorityClasses(useMonitor((s) => s.info?.constants.priorityClasses));
  return classes.length > 0 ? <PriorityClassDialog {...props} classes={classes} /> : <NiceDialog {...props} />;
}

/** A labelled choice among a host's named classes (priority classes, I/O classes), by value. */
function ClassSelect({ label, value, options, onChange }: { label: string; value: number; options: readonly { name: string; value: number; word: string }[]; onChange: (value: number) => void }) {
  return (
    <label className="slider-row">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-autofocus>
        {options.map((c) => (
          <option key={c.name} value={c.value}>
            {c.word}
          </option>
        ))}
      </select>
    </label>
  );
}

/** SetPriorityClass over the host's classes, named as Task Manager names them, the current one chosen. */
function PriorityClassDialog({ targets, onCancel, onApply, initial, classes }: Common & { initial: number; classes: PriorityClass[] }) {
  const [value, setValue] = useState(classes.some((c) => c.value === initial) ? initial : classes[0]!.value);
  return (
    <Modal title="Change priority" onClose={onCancel} onSubmit={() => onApply({ kind: 'renice', value })} actions={<Buttons onCancel={onCancel} label="Apply" />}>
      <TargetList targets={targets} />
      <ClassSelect label="Priority class" value={value} options={classes} onChange={setValue} />
      <p className="muted small">Realtime can starve the rest of the system; High and Realtime may need administrator rights.</p>
    </Modal>
  );
}

/** nice(1) over the host's range (-20 most favoured … 19 least on Linux); below the current value usually needs root. */
function NiceDialog({ targets, onCancel, onApply, initial }: Common & { initial: number }) {
  // The field holds the text as typed ("-" on the way to "-5" included); it is read only on Apply.
  const [text, setText] = useState(String(initial));
  const [error, setError] = useState<string | null>(null);
  // Until the host has said its range, only the current value is offered.
  const range: NiceRange = useMonitor((s) => s.info?.constants.nice) ?? { min: initial, max: initial };
  const parsed = parseNice(text, range);
  const apply = () => {
    if ('error' in parsed) return setError(parsed.error);
    onApply({ kind: 'renice', value: parsed.value });
  };
  return (
    <Modal title="Change priority" onClose={onCancel} onSubmit={apply} actions={<Buttons onCancel={onCancel} label="Apply" />}>
      <TargetList targets={targets} />
      <label className="slider-row">
        Nice value
        <input
          type="range"
          min={range.min}
          max={range.max}
          step={1}
          value={'value' in parsed ? parsed.value : initial}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          data-autofocus
        />
        <input
          type="text"
          inputMode="numeric"
          aria-label="Nice value (number)"
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'renice-error' : undefined}
          size={4}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
      </label>
      {error !== null && (
        <p id="renice-error" className="bad small" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">
        {String(range.min).replace('-', '−')} is the highest priority, {range.max} the lowest. Lowering the value (raising priority) needs root or CAP_SYS_NICE.
      </p>
    </Modal>
  );
}

/**
 * ionice(1): class none / realtime / best-effort / idle, and a level 0 (highest) … 7 for realtime and best-effort;
 * where the host's ionice takes one level instead (Windows' very low … high), just that choice.
 */
export function IoniceDialog({ targets, onCancel, onApply, initial }: Common & { initial: { ioclass: number; value: number } }) {
  const choices = ioDialogChoices(useMonitor((s) => ioTableOf(s.info?.constants)), initial.ioclass);
  const classes = choices.options;
  const [ioclass, setIoclass] = useState(choices.selected);
  const [value, setValue] = useState(initial.value);
  const leveled = classes.find((c) => c.value === ioclass)?.leveled ?? false;
  if (!choices.leveled) {
    return (
      <Modal title="I/O priority" onClose={onCancel} onSubmit={() => onApply({ kind: 'ionice', ioclass })} actions={<Buttons onCancel={onCancel} label="Apply" />}>
        <TargetList targets={targets} />
        <ClassSelect label="I/O priority" value={ioclass} options={classes} onChange={setIoclass} />
        <p className="muted small">High may need administrator rights.</p>
      </Modal>
    );
  }
  return (
    <Modal
      title="I/O priority"
      onClose={onCancel}
      onSubmit={() => onApply(leveled ? { kind: 'ionice', ioclass, value } : { kind: 'ionice', ioclass })}
      actions={<Buttons onCancel={onCancel} label="Apply" />}
    >
      <TargetList targets={targets} />
      <ClassSelect label="I/O class" value={ioclass} options={classes} onChange={setIoclass} />
      <label className="slider-row">
        Level
        <input type="range" min={0} max={7} value={value} disabled={!leveled} onChange={(e) => setValue(Number(e.target.value))} />
        <output>{leveled ? value : '—'}</output>
      </label>
      <p className="muted small">Level 0 is the highest priority, 7 the lowest; only realtime and best-effort have levels. Realtime needs root.</p>
    </Modal>
  );
}

/** sched_setaffinity: a checkbox per logical CPU (HostInfo.cpuCountLogical). */
export function AffinityDialog({ targets, onCancel, onApply, cpuCount, initial }: Common & { cpuCount: number; initial: number[] | null }) {
  const [cpus, setCpus] = useState<Set<number>>(() => new Set(initial ?? Array.from({ length: cpuCount }, (_, i) => i)));
  const toggle = (i: number) =>
    setCpus((s) => {
      const n = new Set(s);
      if (n.has(i)) n.delete(i);
      else n.add(i);
      return n;
    });
  return (
    <Modal
      title="CPU affinity"
      onClose={onCancel}
      onSubmit={() => cpus.size > 0 && onApply({ kind: 'setAffinity', cpus: [...cpus].sort((a, b) => a - b) })}
      actions={<Buttons onCancel={onCancel} label="Apply" />}
    >
      <TargetList targets={targets} />
      <fieldset className="cpu-grid">
        <legend>Allowed CPUs</legend>
        {Array.from({ length: cpuCount }, (_, i) => (
          <label key={i} className="check">
            <input type="checkbox" checked={cpus.has(i)} onChange={() => toggle(i)} />
            CPU {i}
          </label>
        ))}
      </fieldset>
      {cpus.size === 0 && (
        <p className="bad small" role="alert">
          Choose at least one CPU.
        </p>
      )}
    </Modal>
  );
}

/** The host's signals (HostInfo.constants), in number order: only what the host can send. */
export function SignalDialog({ targets, onCancel, onApply }: Common) {
  const table = useMonitor((s) => s.info?.constants.signals);
  const signals = Object.entries(table ?? {})
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
    .map(([name]) => name);
  const [signal, setSignal] = useState('SIGTERM');
  return (
    <Modal title="Send signal" onClose={onCancel} onSubmit={() => onApply({ kind: 'signal', signal })} actions={<Buttons onCancel={onCancel} label="Send" />}>
      <TargetList targets={targets} />
      <label className="slider-row">
        Signal
        <select value={signal} onChange={(e) => setSignal(e.target.value)} data-autofocus>
          {signals.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </Modal>
  );
}
