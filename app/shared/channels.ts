import type { MonitorOperation } from './api';

/** Electron IPC channel per operation (invoke/handle). */
export const CHANNELS = {
  getInfo: 'procyon:getInfo',
  getSnapshot: 'procyon:getSnapshot',
  getHistory: 'procyon:getHistory',
  setInterval: 'procyon:setInterval',
  setTopics: 'procyon:setTopics',
  getSystemInfo: 'procyon:getSystemInfo',
  getConnections: 'procyon:getConnections',
  processAction: 'procyon:processAction',
  killTree: 'procyon:killTree',
  getProcessDetails: 'procyon:getProcessDetails',
  getProcessText: 'procyon:getProcessText',
  getSettings: 'procyon:getSettings',
  updateSettings: 'procyon:updateSettings',
  getAlertHistory: 'procyon:getAlertHistory',
} as const satisfies Record<MonitorOperation, string>;

/** Events and subscription control, main ↔ renderer. */
export const EVENTS = {
  snapshot: 'procyon:event:snapshot',
  subscribe: 'procyon:subscribe',
  unsubscribe: 'procyon:unsubscribe',
} as const;

export const OPERATIONS = Object.keys(CHANNELS) as MonitorOperation[];

/** The serve-mode WebSocket path. */
export const WS_PATH = '/api/ws';
