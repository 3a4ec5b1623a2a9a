import type { MonitorApi } from '../../../shared/api';
import { offeredPage, topicsFor } from '../routes/pages';
import type { MonitorStore } from './monitor';

/** The part of `document` this needs, so a test can pass a fake. */
export interface VisibilitySource {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Tells the host what is on screen: the current page's topics, or none while
 * the document is hidden. Sends only on change; the WebSocket client repeats
 * the last choice itself after a reconnect.
 */
export function startTopics(api: MonitorApi, store: MonitorStore, doc: VisibilitySource): () => void {
  let sent: string | null = null;
  const update = () => {
    const { page, columnTopics, info, socketWatch } = store.getState();
    // Before the host's info a page that needs a capability is not offered yet: the overview's topics meanwhile.
    const topics = topicsFor(offeredPage(page, info?.capabilities?.functions), doc.hidden, columnTopics);
    // The listed processes' sockets: only while the page that lists them (it asks for the table) is seen.
    const sockets = doc.hidden || !topics.includes('processes') ? [] : socketWatch.map(({ pid, createTime }) => ({ pid, createTime }));
    const key = `${topics.join(',')} ${sockets.map((w) => `${w.pid}:${w.createTime}`).join(',')}`;
    if (key === sent) return;
    sent = key;
    api.setTopics({ topics, ...(sockets.length > 0 && { sockets }) }).catch(() => {
      // Not fatal: the host keeps sampling the previous set. Forget what we
      // sent so the next change (or reconnect) tries again.
      sent = null;
    });
  };
  update();
  const offStore = store.subscribe((s, prev) => {
    if (s.page !== prev.page || s.columnTopics !== prev.columnTopics || s.info !== prev.info || s.socketWatch !== prev.socketWatch) update();
  });
  doc.addEventListener('visibilitychange', update);
  return () => {
    offStore();
    doc.removeEventListener('visibilitychange', update);
  };
}
