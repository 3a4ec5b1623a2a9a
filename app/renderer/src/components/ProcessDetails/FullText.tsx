import { useState } from 'react';
import { toApiError } from '../../../../shared/errors';
import type { DetailsTextCut, ProcessText } from '../../../../shared/limits';
import { useApi } from '../../api/context';
import { formatBytes } from '../../format';

type Field = 'cmdline' | 'environ';
type State = { status: 'idle' } | { status: 'loading' } | { status: 'ok'; text: ProcessText } | { status: 'error'; message: string };

/**
 * A command line or environment that getProcessDetails cut (a process can
 * hold megabytes there): the cut value shows, and the whole one, itself capped
 * (PROCESS_TEXT_FULL_BYTES), is fetched only when the user asks.
 */
export function useFullText(field: Field, pid: number, createTime: number) {
  const api = useApi();
  const key = `${pid}:${createTime}`;
  // Held with the process it is of: another process's panel starts idle.
  const [held, setHeld] = useState<{ key: string; state: State }>({ key, state: { status: 'idle' } });
  const state: State = held.key === key ? held.state : { status: 'idle' };
  const fetchAll = () => {
    setHeld({ key, state: { status: 'loading' } });
    api.getProcessText({ pid, createTime, field }).then(
      (text) => setHeld({ key, state: { status: 'ok', text } }),
      (e: unknown) => {
        const err = toApiError(e);
        setHeld({ key, state: { status: 'error', message: `${err.message} (${err.code})` } });
      },
    );
  };
  return { state, fetchAll };
}

/** Whether the details cut `field`, and by how much; a link to fetch it whole. */
export function CutNotice({ field, d, full }: { field: Field; d: Record<string, unknown>; full: ReturnType<typeof useFullText> }) {
  const cut = (d.textCut as DetailsTextCut | undefined)?.[field];
  const { state, fetchAll } = full;
  if (state.status === 'ok') {
    const still = state.text.cut;
    return still ? (
      <p className="muted small" data-testid={`cut-${field}`}>
        Showing the first {formatBytes(shownBytes(state.text))} of {formatBytes(still.bytes)} (the most one answer carries).
      </p>
    ) : null;
  }
  if (!cut) return null;
  return (
    <p className="muted small" data-testid={`cut-${field}`}>
      Cut: {formatBytes(cut.bytes)} in all.{' '}
      {state.status === 'loading' ? (
        'Loading…'
      ) : (
        <button type="button" className="link-button" onClick={fetchAll}>
          Show all
        </button>
      )}
      {state.status === 'error' && <span role="alert"> Couldn’t fetch it: {state.message}</span>}
    </p>
  );
}

/** The bytes of text a fetched value holds (arguments or KEY=value entries, NUL-terminated, as /proc counts them). */
function shownBytes(text: ProcessText): number {
  const utf8 = (s: string) => new TextEncoder().encode(s).length;
  if (text.field === 'cmdline') return text.value.reduce((n, a) => n + utf8(a) + 1, 0);
  return Object.entries(text.value).reduce((n, [k, v]) => n + utf8(k) + utf8(v) + 2, 0);
}
