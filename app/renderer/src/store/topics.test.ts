// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { MonitorApi } from '../../../shared/api';
import { createMonitorStore } from './monitor';
import { startTopics, type VisibilitySource } from './topics';

function fakeDoc() {
  const listeners = new Set<() => void>();
  const doc = {
    hidden: false,
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  const setHidden = (h: boolean) => {
    doc.hidden = h;
    listeners.forEach((l) => l());
  };
  return { doc: doc as VisibilitySource, setHidden, listeners };
}

describe('startTopics', () => {
  it('sends the page’s topics on change only, and none while hidden', () => {
    const sent: string[][] = [];
    const api = { setTopics: (r: { topics: string[] }) => (sent.push(r.topics), Promise.resolve(r)) } as unknown as MonitorApi;
    const store = createMonitorStore({ page: 'cpu' });
    const { doc, setHidden, listeners } = fakeDoc();
    const stop = startTopics(api, store, doc);
    setHidden(true);
    setHidden(true);
    setHidden(false);
    store.getState().updateSettings({ rateUnit: 'bits' });
    store.getState().setPage('system');
    store.getState().setPage('disks');
    expect(sent).toEqual([['cpu', 'pressure'], [], ['cpu', 'pressure'], [], ['disks', 'partitions', 'pressure']]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('adds the topics of the process columns shown, on the process page only', async () => {
    const { columnTopics } = await import('../processes/columns');
    const sent: string[][] = [];
    const api = { setTopics: (r: { topics: string[] }) => (sent.push(r.topics), Promise.resolve(r)) } as unknown as MonitorApi;
    const store = createMonitorStore({ page: 'processes' });
    const stop = startTopics(api, store, fakeDoc().doc);
    store.getState().setColumnTopics(columnTopics(['pid', 'name', 'fds', 'cpu', 'uss']));
    store.getState().setColumnTopics(columnTopics(['uss', 'fds']));
    store.getState().setPage('cpu');
    store.getState().setPage('processes');
    expect(sent).toEqual([['processes'], ['processes', 'processFds', 'processUss'], ['cpu', 'pressure'], ['processes', 'processFds', 'processUss']]);
    stop();
  });

  it('sends the listed processes with the topics, only while the page reads the table and is seen', () => {
    const sent: unknown[] = [];
    const api = { setTopics: (r: unknown) => (sent.push(r), Promise.resolve(r)) } as unknown as MonitorApi;
    const store = createMonitorStore({ page: 'network' });
    const { doc, setHidden } = fakeDoc();
    const stop = startTopics(api, store, doc);
    const a = { pid: 10, createTime: 1 };
    store.getState().setSocketWatch([a]);
    store.getState().setSocketWatch([{ ...a }]); // the same list: nothing sent
    setHidden(true);
    setHidden(false);
    store.getState().setSocketWatch([]);
    const { topics } = sent[0] as { topics: string[] };
    expect(topics).toEqual(expect.arrayContaining(['network', 'processes', 'processNet']));
    expect(sent).toEqual([{ topics }, { topics, sockets: [a] }, { topics: [] }, { topics, sockets: [a] }, { topics }]);
    stop();
  });
});
