import { createMonitorApi } from './api';
import { Collector, type CollectorRoots } from './collector';
import { Sampler } from './sampler';
import type { HostInfo, MonitorApi } from '../../shared';
import { VERSION } from './version';

export interface HostOptions {
  roots?: CollectorRoots;
  intervalMs?: number;
  readOnly?: boolean;
  transport: HostInfo['transport'];
}

export interface Host {
  api: MonitorApi;
  sampler: Sampler;
  readOnly: boolean;
  stop(): void;
}

/** Wires collector → sampler → api; what Electron's main and serve mode both start. */
export async function startHost(options: HostOptions): Promise<Host> {
  const collector = new Collector(options.roots);
  const facts = await collector.readStatic();
  const sampler = new Sampler(collector, options.intervalMs === undefined ? {} : { intervalMs: options.intervalMs });
  const readOnly = options.readOnly ?? false;
  const api = createMonitorApi(sampler, { version: VERSION, readOnly, transport: options.transport, facts });
  sampler.on('error', (err) => console.error('procyon: sampling failed:', err instanceof Error ? err.message : err));
  sampler.start();
  return { api, sampler, readOnly, stop: () => sampler.stop() };
}
