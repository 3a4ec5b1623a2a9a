import { useMemo } from 'react';
import type { Snapshot } from '../../../shared/payloads';
import { rangeSeconds, type RangeId } from '../settings/range';
import { useMonitor } from './context';
import { windowHistory } from './history';
import { selectHistory, selectLatest, selectLong } from './monitor';

/** What every chart on a page draws from: one window, one right edge, computed once per tick. */
export interface View {
  history: Snapshot[];
  latest: Snapshot | null;
  /** Time of the newest tick: charts' right edge, on the host's clock. */
  end: number;
  spanMs: number;
  range: RangeId;
}

export function useView(): View {
  const live = useMonitor(selectHistory);
  const long = useMonitor(selectLong);
  const latest = useMonitor(selectLatest);
  const range = useMonitor((s) => s.settings.range);
  const spanMs = rangeSeconds(range) * 1000;
  const history = useMemo(() => windowHistory(live, long, spanMs), [live, long, spanMs]);
  return useMemo(() => ({ history, latest, end: latest?.time ?? 0, spanMs, range }), [history, latest, spanMs, range]);
}
