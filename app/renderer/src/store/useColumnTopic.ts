import { useEffect, useRef } from 'react';
import type { Topic } from '../../../shared/payloads';
import { useMonitor } from './context';

/**
 * Asks the host for a process-table column topic (processGpu, processNet) while
 * the calling component is mounted, whether or not its column is shown, and
 * takes it back on unmount unless it was already asked for (by a shown column).
 */
export function useColumnTopic(topic: Topic): void {
  const setColumnTopics = useMonitor((s) => s.setColumnTopics);
  const columnTopics = useMonitor((s) => s.columnTopics);
  // The topics as they are when the effect runs or cleans up, without re-running it on each change.
  const current = useRef(columnTopics);
  useEffect(() => {
    current.current = columnTopics;
  }, [columnTopics]);
  useEffect(() => {
    if (current.current.includes(topic)) return;
    setColumnTopics([...current.current, topic]);
    return () => setColumnTopics(current.current.filter((t) => t !== topic));
  }, [setColumnTopics, topic]);
}
