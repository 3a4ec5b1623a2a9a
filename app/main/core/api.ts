import * as native from '@procyon/collector';
import os from 'node:os';
import { ApiError, type AlertEvent, type HostInfo, type MonitorApi, type Snapshot } from '../../shared';
import type { CollectorRoots, StaticFacts } from './collector';
import { connections } from './connections';
import { CgroupController, CgroupLookup } from './cgroup-control';
import { ProcessController } from './control';
import { hostConstants } from './host-constants';
import { feedOf, type FeedListener } from './live-feed';
import { collectProc, processText } from './process-details';
import { ClientCalls, hostPoolShare } from './call-limiter';
import type { Sampler } from './sampler';
import { createSettingsStore, type SettingsStore } from './settings';
import { unmountedMountpoints } from './mountpoint-check';
import { serviceAction } from './services';
import { systemInfo } from './system-info';
import { hostCapabilities } from './host-capabilities';
import { timedTurn } from './turns';
import type { TopicRegistry } from './topics';

export interface HostApiOptions {
  version: string;
  readOnly: boolean;
  transport: HostInfo['transport'];
  facts: StaticFacts;
  roots: CollectorRoots;
  topics: TopicRegistry;
  /** The host's settings; absent: a fresh in-memory store (tests, tools). */
  settings?: SettingsStore;
  /** The host's alert events, oldest first; absent: none. */
  alertHistory?: () => AlertEvent[];
}

function currentUser(): string | null {
  try {
    return os.userInfo().username;
  } catch {
    return null; // a uid with no passwd entry (some containers)
  }
}
const hostUser = currentUser();

let hostUserAsNamed: Promise<string | null> | undefined;

/**
 * The host's user as the collector names the users of its rows, so that "My
 * processes" matches them: psutil's username() on Windows is DOMAIN\name where
 * os.userInfo() says name. Asked once, of this very process on the live
 * machine; anything else (every Linux name) stays os.userInfo()'s.
 */
function hostUserName(): Promise<string | null> {
  hostUserAsNamed ??= native.Process.create(process.pid)
    .then((p) => p.username())
    .then((own) => (hostUser !== null && own.endsWith(`\\${hostUser}`) ? own : hostUser))
    .catch(() => hostUser);
  return hostUserAsNamed;
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
  // Made before any subscription so that it sees every tick first.
  const feed = feedOf(sampler);
  const control = new ProcessController(options.roots);
  const groups = new CgroupController(options.roots);
  const groupOf = new CgroupLookup(options.roots);
  const settings = options.settings ?? createSettingsStore();
  const unsubscribers = new Set<() => void>();
  // Calls that read /proc on the worker pool, bounded per client and for all clients (call-limiter.ts).
  const calls = new ClientCalls(hostPoolShare);
  return {
    async getInfo() {
      const user = await hostUserName();
      return {
        product: 'procyon',
        version: options.version,
        // Node names Windows "Windows_NT" (its kernel's old name); a person reads "Windows 10.0.19045".
        platform: `${os.type() === 'Windows_NT' ? 'Windows' : os.type()} ${os.release()}`,
        hostname: os.hostname(),
        cpuCountLogical: options.facts.cpuCountLogical,
        cpuCountPhysical: options.facts.cpuCountPhysical,
        bootTime: options.facts.bootTime,
        intervalMs: sampler.intervalMs,
        historyCapacity: sampler.historyCapacity,
        readOnly: options.readOnly,
        transport: options.transport,
        ...(user && { user }),
        constants: hostConstants(),
        capabilities: hostCapabilities(options.roots),
      };
    },
    async getProcessTable() {
      return sampler.processTable();
    },
    async getSnapshot() {
      const latest = sampler.latest;
      if (!latest?.processSockets) return latest;
      // The listed processes' sockets are the stream's, each receiver's own (LiveFeed.formFor), not the tick's for all.
      const { processSockets: _listed, ...rest } = latest;
      return rest;
    },
    async getHistory({ seconds, after, limit }) {
      return sampler.historySince(seconds, after, limit);
    },
    async setInterval({ ms }) {
      sampler.setIntervalMs(ms);
      // The tick length applies even when it cannot be saved (a read-only home): say so, keep going.
      await settings.update({ intervalMs: ms }).catch((err: unknown) => console.warn('procyon: interval not saved:', err instanceof Error ? err.message : err));
      return { intervalMs: sampler.intervalMs };
    },
    async getProcessHistory({ pid, createTime, seconds }) {
      return sampler.processHistory(pid, createTime, seconds);
    },
    async getSettings() {
      return settings.get();
    },
    async updateSettings(patch) {
      if (patch.alertRules) {
        const issues = await unmountedMountpoints(patch.alertRules, settings.get().alertRules, options.roots);
        if (issues.length > 0) throw new ApiError({ code: 'INVALID_ARGUMENT', message: 'invalid settings', issues });
      }
      const next = await settings.update(patch);
      if (patch.intervalMs !== undefined && sampler.intervalMs !== next.intervalMs) sampler.setIntervalMs(next.intervalMs);
      return next;
    },
    async getAlertHistory() {
      return options.alertHistory?.() ?? [];
    },
    async setTopics({ topics, sockets }) {
      options.topics.set(client, topics, sockets);
      return { topics: [...new Set(topics)] };
    },
    getSystemInfo() {
      return calls.run(() => systemInfo(options.roots, options.facts.bootTime));
    },
    getConnections(request) {
      return calls.run(() => connections(options.roots, request));
    },
    processAction({ pid, createTime, action, confirm }) {
      return calls.run(() => control.act({ pid, createTime }, action, confirm));
    },
    serviceAction(request) {
      return calls.run(() => serviceAction(request));
    },
    cgroupAction(request) {
      return calls.run(() => groups.act(request));
    },
    // Not limited: it mostly waits (up to its timeout) for processes to exit, holding no worker thread.
    killTree({ pid, createTime, timeout, confirm, signal }) {
      return control.killTree({ pid, createTime }, timeout ?? 3, confirm, signal);
    },
    getProcessDetails({ pid, createTime }) {
      return calls.run(async () => {
        // Same identity rule as actions: details of a reused pid would describe another process.
        await control.resolve({ pid, createTime });
        // Which app, service or container it runs in (the Apps page's group), beside psutil's attributes.
        const [details, cgroup] = await Promise.all([collectProc(pid, options.roots), groupOf.groupOf(pid).catch(() => null)]);
        return { ...details, cgroup };
      });
    },
    getProcessText({ pid, createTime, field }) {
      return calls.run(async () => {
        await control.resolve({ pid, createTime });
        return processText(pid, options.roots, field);
      });
    },
    onSnapshot(listener: FeedListener) {
      // Each subscription starts with a full process table, then gets change lists against what it was sent.
      let lastSeq: number | null = null;
      let subscribed = true;
      const deliver = (seq: number) => {
        // Gone, or overtaken by a newer tick (which has its own delivery queued).
        if (!subscribed || feed.seq !== seq) return;
        const form = feed.formFor(options.topics.has(client, 'processes'), lastSeq, options.topics.sockets(client));
        if (!form) return;
        const delivered = listener(form) !== false;
        lastSeq = form.processDelta && delivered ? form.seq : null;
      };
      // Out of the sampler's turn of the event loop: the change list and its
      // encoding are a block of their own, not added to the sampler's.
      const onTick = (s: Snapshot) => setImmediate(() => timedTurn('deliver', () => deliver(s.seq)));
      sampler.on('snapshot', onTick);
      const off = () => {
        subscribed = false;
        sampler.off('snapshot', onTick);
        unsubscribers.delete(off);
      };
      unsubscribers.add(off);
      return off;
    },
    dispose() {
      // Calls that never started are dropped; running ones finish unheard.
      calls.dispose();
      for (const off of [...unsubscribers]) off();
      options.topics.release(client);
    },
  };
}
