import type { HostInfo } from '../../shared';
import { createMonitorApi, type ClientApi } from './api';
import { Collector, type CollectorRoots } from './collector';
import { Sampler } from './sampler';
import { TopicRegistry } from './topics';
import { VERSION } from './version';

export interface HostOptions {
  roots?: CollectorRoots;
  intervalMs?: number;
  readOnly?: boolean;
  transport: HostInfo['transport'];
}

export interface Host {
  sampler: Sampler;
  readOnly: boolean;
  /** A MonitorApi for one new client; dispose() it when the client goes. */
  connect(): ClientApi;
  stop(): void;
}

/** Wires collector → sampler → per-client api; what Electron's main and serve mode both start. */
export async function startHost(options: HostOptions): Promise<Host> {
  const roots = options.roots ?? {};
  const collector = new Collector(roots);
  const facts = await collector.readStatic();
  const topics = new TopicRegistry();
  const sampler = new Sampler(collector, { ...(options.intervalMs !== undefined && { intervalMs: options.intervalMs }), topics: () => topics.union() });
  const readOnly = options.readOnly ?? false;
  sampler.on('error', (err) => console.error('procyon: sampling failed:', err instanceof Error ? err.message : err));
  sampler.start();
  return {
    sampler,
    readOnly,
    connect: () => createMonitorApi(sampler, { version: VERSION, readOnly, transport: options.transport, facts, roots, topics }),
    stop: () => sampler.stop(),
  };
}
