import os from 'node:os';
import type { HostInfo, MonitorApi, Snapshot } from '../../shared';
import type { CollectorRoots, StaticFacts } from './collector';
import { connections } from './connections';
import { ProcessController } from './control';
import { collectProc } from './process-details';
import type { Sampler } from './sampler';
import { systemInfo } from './system-info';
import type { TopicRegistry } from './topics';

export interface HostApiOptions {
  version: string;
  readOnly: boolean;
  transport: HostInfo['transport'];
  facts: StaticFacts;
  roots: CollectorRoots;
  topics: TopicRegistry;
}

/** MonitorApi for one client (a window, a socket), plus what to do when it goes. */
export interface ClientApi extends MonitorApi {
  dispose(): void;
}

/**
 * MonitorApi over the sampler, one per client so each client's topics count
 * toward what is sampled. Arguments reach here already validated by
 * dispatch(); this layer holds the rules (read-only, what history means).
 */
export function createMonitorApi(sampler: Sampler, options: HostApiOptions): ClientApi {
  const client = options.topics.register();
  const control = new ProcessController(options.roots);
  const unsubscribers = new Set<() => void>();
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
    async setTopics({ topics }) {
      options.topics.set(client, topics);
      return { topics: [...new Set(topics)] };
    },
    getSystemInfo() {
      return systemInfo(options.roots, options.facts.bootTime);
    },
    getConnections(request) {
      return connections(options.roots, request);
    },
    processAction({ pid, createTime, action, confirm }) {
      return control.act({ pid, createTime }, action, confirm);
    },
    killTree({ pid, createTime, timeout, confirm }) {
      return control.killTree({ pid, createTime }, timeout ?? 3, confirm);
    },
    async getProcessDetails({ pid, createTime }) {
      // Same identity rule as actions: details of a reused pid would describe another process.
      await control.resolve({ pid, createTime });
      return collectProc(pid, options.roots);
    },
    onSnapshot(listener: (s: Snapshot) => void) {
      sampler.on('snapshot', listener);
      const off = () => {
        sampler.off('snapshot', listener);
        unsubscribers.delete(off);
      };
      unsubscribers.add(off);
      return off;
    },
    dispose() {
      for (const off of [...unsubscribers]) off();
      options.topics.release(client);
    },
  };
}
