import type { MonitorApi } from '../../../shared/api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser (serve mode). */
    procyon?: MonitorApi;
  }
}

export {};
