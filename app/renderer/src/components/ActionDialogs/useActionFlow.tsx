import { useCallback, useState, type ReactNode } from 'react';
import type { MonitorApi } from '../../../../shared/api';
import { describeAction, isDestructive, runAll, summarize, who, type Outcome, type Target, type UiAction } from '../../processes/actions';
import { AffinityDialog, IoniceDialog, ReniceDialog, SignalDialog } from './ParamDialogs';
import { ConfirmDialog } from './ConfirmDialog';
import { useMonitor } from '../../store/context';

/** What the toolbar and menu start: an action with no parameters, or one that asks for them first. */
export type ActionRequest = UiAction['kind'];

type Flow =
  | { step: 'params'; kind: 'renice' | 'ionice' | 'setAffinity' | 'signal'; targets: Target[]; initial: unknown }
  | { step: 'confirm'; action: UiAction; targets: Target[] }
  | { step: 'hostConfirm'; action: UiAction; targets: Target[]; done: Outcome[]; reason: string }
  | null;

export interface Report {
  summary: string;
  outcomes: Outcome[];
}

interface Options {
  api: MonitorApi;
  cpuCount: number;
  confirmDestructive: boolean;
  setConfirmDestructive(v: boolean): void;
  /** Current nice of the first target, for the slider's start. */
  niceOf(t: Target): number;
  nameOf(pid: number): string | undefined;
  /** How many processes live under these (kill tree's count); absent: unknown. */
  descendantsOf?(targets: readonly Target[]): number;
}

function field<T>(details: Record<string, unknown> | null, key: string): T | null {
  const v = details?.[key];
  return v && typeof v === 'object' && 'error' in v ? null : ((v as T | undefined) ?? null);
}

/** Runs actions through parameters → confirmation → the host → explicit re-confirmation → a report. */
export function useActionFlow({ api, cpuCount, confirmDestructive, setConfirmDestructive, niceOf, nameOf, descendantsOf }: Options) {
  const hostWords = useMonitor((s) => s.info?.constants);
  const [flow, setFlow] = useState<Flow>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);

  const execute = useCallback(
    async (action: UiAction, targets: Target[], confirm: boolean, before: Outcome[] = []) => {
      setFlow(null);
      setBusy(true);
      const outcomes = [...before, ...(await runAll(api, targets, action, confirm, nameOf, hostWords))];
      setBusy(false);
      const needConfirm = outcomes.filter((o) => o.kind === 'confirm');
      if (needConfirm.length && !confirm) {
        setFlow({
          step: 'hostConfirm',
          action,
          targets: needConfirm.map((o) => o.target),
          done: outcomes.filter((o) => o.kind !== 'confirm'),
          reason: needConfirm[0]!.message,
        });
        return;
      }
      setReport({ summary: summarize(describeAction(action, hostWords), outcomes), outcomes });
    },
    [api, nameOf, hostWords],
  );

  const proceed = useCallback(
    (action: UiAction, targets: Target[]) => {
      if (isDestructive(action) && confirmDestructive) setFlow({ step: 'confirm', action, targets });
      else void execute(action, targets, false);
    },
    [confirmDestructive, execute],
  );

  const start = useCallback(
    async (kind: ActionRequest, targets: Target[]) => {
      if (targets.length === 0) return;
      setReport(null);
      if (kind === 'renice') return setFlow({ step: 'params', kind, targets, initial: niceOf(targets[0]!) });
      if (kind === 'signal') return setFlow({ step: 'params', kind, targets, initial: null });
      if (kind === 'ionice' || kind === 'setAffinity') {
        // Start from the process's current setting (only the details carry it). The request
        // schema is strict: pass just the ref, not the whole Target.
        let details: Record<string, unknown> | null = null;
        if (targets.length === 1) details = await api.getProcessDetails({ pid: targets[0]!.pid, createTime: targets[0]!.createTime }).catch(() => null);
        const initial = kind === 'ionice' ? (field<{ ioclass: number; value: number }>(details, 'ionice') ?? { ioclass: 2, value: 4 }) : field<number[]>(details, 'cpuAffinity');
        return setFlow({ step: 'params', kind, targets, initial });
      }
      if (kind === 'setRlimit') return;
      proceed({ kind } as UiAction, targets);
    },
    [api, niceOf, proceed],
  );

  const cancel = () => setFlow(null);
  let dialog: ReactNode = null;
  if (flow?.step === 'params') {
    const common = { targets: flow.targets, onCancel: cancel, onApply: (a: UiAction) => proceed(a, flow.targets) };
    if (flow.kind === 'renice') dialog = <ReniceDialog {...common} initial={flow.initial as number} />;
    if (flow.kind === 'ionice') dialog = <IoniceDialog {...common} initial={flow.initial as { ioclass: number; value: number }} />;
    if (flow.kind === 'setAffinity') dialog = <AffinityDialog {...common} cpuCount={cpuCount} initial={flow.initial as number[] | null} />;
    if (flow.kind === 'signal') dialog = <SignalDialog {...common} />;
  } else if (flow?.step === 'confirm') {
    const label = describeAction(flow.action, hostWords);
    const words = confirmWords(flow.action, flow.targets, descendantsOf);
    dialog = (
      <ConfirmDialog
        title={`${label}?`}
        message={words.message}
        confirmLabel={words.confirmLabel}
        targets={flow.targets}
        allowSkip
        onCancel={cancel}
        onConfirm={(skip) => {
          if (skip) setConfirmDestructive(false);
          void execute(flow.action, flow.targets, false);
        }}
      />
    );
  } else if (flow?.step === 'hostConfirm') {
    dialog = (
      <ConfirmDialog
        title="This process is special"
        message={`${flow.reason}. Acting on PID 1 or on Procyon itself can take the whole system or this monitor down.`}
        confirmLabel={confirmLabelOf(describeAction(flow.action, hostWords))}
        targets={flow.targets}
        allowSkip={false}
        onCancel={() => {
          setFlow(null);
          setReport({ summary: summarize(describeAction(flow.action, hostWords), flow.done), outcomes: flow.done });
        }}
        onConfirm={() => void execute(flow.action, flow.targets, true, flow.done)}
      />
    );
  }
  return { start, dialog, report, dismissReport: () => setReport(null), busy };
}

/** The confirmation's sentence and button: what ends, by name, and (kill tree) how many in all. */
function confirmWords(action: UiAction, targets: readonly Target[], descendantsOf?: (targets: readonly Target[]) => number): { message: string; confirmLabel: string } {
  const verb = describeAction(action).replace(/ \(.*/, '');
  const n = targets.length;
  const named = n === 1 ? who(targets[0]!) : `these ${n} processes`;
  if (action.kind === 'killTree') {
    const under = descendantsOf?.(targets);
    if (under === undefined) return { message: `End ${named} and every process under ${n === 1 ? 'it' : 'them'}? Unsaved work in them may be lost.`, confirmLabel: verb };
    const total = n + under;
    const below = under === 0 ? 'nothing runs under it now' : `${under} ${under === 1 ? 'process runs' : 'processes run'} under ${n === 1 ? 'it' : 'them'}`;
    return {
      message: `End ${named} and everything under ${n === 1 ? 'it' : 'them'}: ${total} ${total === 1 ? 'process' : 'processes'} in all (${below}). Each gets SIGTERM, then SIGKILL if still running. Unsaved work in them may be lost.`,
      confirmLabel: `${verb} (${total} ${total === 1 ? 'process' : 'processes'})`,
    };
  }
  return { message: `${verb} ${named}? Unsaved work in ${n === 1 ? 'it' : 'them'} may be lost.`, confirmLabel: verb };
}

/** "Terminate" → "Yes, terminate it"; "Send SIGCONT" → "Yes, send SIGCONT" (signal names keep their case). */
function confirmLabelOf(description: string): string {
  const verb = description.replace(/ \(.*/, '');
  const lowered = verb.replace(/^\S+/, (w) => w.toLowerCase());
  return /\bSIG[A-Z0-9]+$/.test(verb) ? `Yes, ${lowered}` : `Yes, ${lowered.toLowerCase()} it`;
}
