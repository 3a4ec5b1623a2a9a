import os from 'node:os';
import type { HostInfo, MonitorApi, Snapshot } from '../../shared';
import type { StaticFacts } from './collector';
import type { Sampler } from './sampler';

export interface HostApiOptions {
  version: string;
  readOnly: boolean;
  transport: HostInfo['transport'];
  facts: StaticFacts;
}

/**
 * MonitorApi over the sampler. Arguments reach here already validated by
 * dispatch(); this layer holds the rules (read-only, what history means).
 */
export function createMonitorApi(sampler: Sampler, options: HostApiOptions): MonitorApi {
  return {
    async getInfo() {
      return {
        product: 'procyon',
        version: options.version,
        platform: `${os.type()} ${os.release()}`,
        hostname: os.hostname(),
        cpuCountLogical: options.facts.cpuCountLogical,
        cpuCountPhysical: options.facts.cpuCountPhysical,
        bootTime: options.facts.bootTime,
        intervalMs: sampler.intervalMs,
        historyCapacity: sampler.historyCapacity,
        readOnly: options.readOnly,
        transport: options.transport,
      };
    },
    async getSnapshot() {
      return sampler.latest;
    },
    async getHistory({ seconds }) {
      return sampler.historySince(seconds);
    },
    async setInterval({ ms }) {
      sampler.setIntervalMs(ms);
      return { intervalMs: sampler.intervalMs };
    },
    onSnapshot(listener: (s: Snapshot) => void) {
      sampler.on('snapshot', listener);
      return () => sampler.off('snapshot', listener);
    },
  };
}
