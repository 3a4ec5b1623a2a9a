import * as native from '@procyon/collector';
import type { CgroupList, CpuStats, CpuTimes, DiskIoCounters, HwmonChip, PowerSupply, ProcessTableResult, WinService } from '@procyon/collector';
import type { Snapshot } from '../../shared';
import type { ClientApi } from '../core/api';
import type { CollectorRoots } from '../core/collector';
import type { Sampler } from '../core/sampler';
import { buildFamilies, EXPORTER_TOPICS } from './metrics-families';
import { MetricsRegistry } from './metrics-registry';
import { rankedRows, topsOf, type ProcessTops } from './metrics-top';
import { topCgroups, type CgroupReading } from './metrics-cgroups';

/** The counters a Snapshot does not carry, read by the exporter at most once per tick (when scraped). */
export interface ExtraReading {
  perCpu: CpuTimes[] | null;
  cpuStats: CpuStats | null;
  disks: Record<string, DiskIoCounters> | null;
  hwmon: HwmonChip[] | null;
  powerSupplies: PowerSupply[] | null;
  /** Windows services; null when the read failed; absent where the collector has none (not read at all). */
  services?: WinService[] | null;
  /** Control groups; null when the read failed; absent where the collector has none (not read at all). */
  cgroups?: CgroupList | null;
}

/** Where the exporter's reads come from; tests replace them (a 5,000-row process table, say). */
export interface ExporterReaders {
  extra(): Promise<ExtraReading>;
  processes(): Promise<ProcessTableResult>;
  bootTime(): Promise<number>;
}

export interface MetricsExporterOptions {
  sampler: Sampler;
  /** Host.connect: the exporter is a client that keeps its topics sampled. */
  connect: () => ClientApi;
  roots?: CollectorRoots;
  readers?: Partial<ExporterReaders>;
  now?: () => number;
  /** How long a scrape waits for the first complete reading before it is refused (default READY_WAIT_MS). */
  readyWaitMs?: number;
  /** The collector's platform, whose exporter's names it publishes (windows_exporter's on win32); default describe().platform. */
  platform?: string;
  /** Whether the exporter reads Windows services for windows_service_* (default: where the collector has winServiceIter). */
  services?: boolean;
  /** Whether the exporter reads control groups for procyon_cgroup_* (default: where the collector has cgroups). */
  cgroups?: boolean;
}

/** Whether the collector lists Windows services over these roots. */
export function hasServices(roots: CollectorRoots = {}): boolean {
  return native.capabilities(roots).winServiceIter;
}

/** Whether the collector lists control groups over these roots (Linux with cgroup v2). */
export function hasCgroups(roots: CollectorRoots = {}): boolean {
  try {
    return (native.capabilities(roots) as Record<string, boolean>).cgroups === true;
  } catch {
    return false;
  }
}

/** A scrape's bound on waiting for the first reading that holds every family: well inside Prometheus's 10 s scrape timeout. */
export const READY_WAIT_MS = 5_000;

/** A scrape before any complete reading exists: the HTTP layer answers 503 (Service Unavailable) with the message. */
export class ExporterNotReady extends Error {
  readonly statusCode = 503;
  constructor(message: string) {
    super(message);
    this.name = 'ExporterNotReady';
  }
}

/** The exporter topics a snapshot has neither read nor failed: a snapshot from before the exporter subscribed lacks them. */
export function missingTopics(s: Snapshot): string[] {
  return EXPORTER_TOPICS.filter((topic) => (topic === 'cpu' ? s.cpuDetails : s[topic]) === undefined && !s.errors?.[topic] && !s.lacked?.includes(topic));
}

const ok = <T>(v: T | native.SnapshotError | undefined): T | null => (v === undefined || native.isSnapshotError(v) ? null : v);

export function collectorReaders(roots: CollectorRoots = {}): ExporterReaders {
  const services = hasServices(roots);
  const cgroups = hasCgroups(roots);
  // Each row's GPU share only where this machine has a GPU (asked once): reading every process's fds for none would be waste.
  const gpu = hasGpus(roots);
  // Network use per process: Linux's socket dump, of the running machine only (a captured tree has no sockets).
  const net = hasProcessNet(roots);
  return {
    // One trip to the addon for everything the Snapshot lacks (the services only where the collector has them).
    async extra() {
      const topics: native.SnapshotTopic[] = ['perCpuTimes', 'cpuStats', 'perDiskIoCounters', 'hwmonChips', 'powerSupplies'];
      const s = await native.systemSnapshot({ ...roots, topics: [...topics, ...(services ? (['winServiceIter'] as const) : []), ...(cgroups ? (['cgroups'] as const) : [])] });
      return {
        // The platform's records: buildFamilies reads the modes each has (Windows': interrupt, dpc).
        perCpu: ok(s.perCpuTimes) as CpuTimes[] | null,
        cpuStats: ok(s.cpuStats),
        disks: ok(s.perDiskIoCounters),
        hwmon: ok(s.hwmonChips),
        powerSupplies: ok(s.powerSupplies),
        ...(services && { services: ok(s.winServiceIter)?.services ?? null }),
        ...(cgroups && { cgroups: ok(s.cgroups) }),
      };
    },
    processes: () => native.processTable({ ...roots, fields: ['name', 'cpuTimes', 'numThreads', 'memory'], ...(gpu && { gpu }), ...(net && { net }) }),
    bootTime: () => native.bootTime(roots),
  };
}

/** Whether the collector can read GPUs over these roots (its `gpus` capability; an addon without it: no). */
export function hasGpus(roots: CollectorRoots = {}): boolean {
  try {
    return (native.capabilities(roots) as Record<string, boolean>).gpus === true;
  } catch {
    return false;
  }
}

/** Whether the collector can attribute sockets to processes over these roots: Linux's, on the running machine. */
export function hasProcessNet(roots: CollectorRoots = {}): boolean {
  try {
    return native.describe().platform === 'linux' && native.isLive(roots);
  } catch {
    return false;
  }
}

/** How often the exporter reads its own process table for the top-N metrics. */
export const TABLE_EVERY_MS = 5_000;

/**
 * Keeps the /metrics exposition current, on demand: a scrape brings it up to
 * the sampler's latest tick (reading what the snapshot lacks, ranking
 * processes, updating prom-client) unless that tick's update is done, then
 * renders. So ticks nobody scrapes cost nothing — with Prometheus at 15 s and
 * the sampler at 1 s, fourteen of fifteen per-tick updates were waste, and the
 * bench found them to be half of serve's CPU — and many scrapers of one tick
 * cost one update.
 */
export class MetricsExporter {
  private readonly registry: MetricsRegistry;
  /** Whether this host exposes windows_service_* (the collector has services). */
  private readonly services: boolean;
  /** Whether this host exposes procyon_cgroup_* (the collector has control groups). */
  private readonly cgroups: boolean;
  private readonly readers: ExporterReaders;
  private readonly wrap = new native.WrapNumbers();
  private readonly now: () => number;
  private client: ClientApi | null = null;
  private prevTable: ProcessTableResult | null = null;
  private bootTime: number | null = null;
  private lastTickTime: number | null = null;
  /** The update in flight or last done, and the tick it is for. */
  private pending: Promise<void> = Promise.resolve();
  private pendingSeq: number | null = null;
  private lastTableAt = -Infinity;
  private lastTops: ProcessTops | null = null;
  /** The last reading of the control groups: the base of the next one's CPU ranking. */
  private prevCgroups: CgroupReading | null = null;
  /** The wait for a complete reading in progress: scrapes that arrive meanwhile share it. */
  private waiting: Promise<Snapshot> | null = null;

  constructor(private readonly options: MetricsExporterOptions) {
    this.registry = new MetricsRegistry(options.platform ?? native.describe().platform);
    this.readers = { ...collectorReaders(options.roots), ...options.readers };
    this.services = options.services ?? hasServices(options.roots);
    this.cgroups = options.cgroups ?? hasCgroups(options.roots);
    this.now = options.now ?? Date.now;
  }

  /**
   * Subscribes to the exporter's topics and waits (bounded) for the first tick
   * that has them, so the listener that opens next serves whole expositions
   * from its first scrape: Prometheus would otherwise see whole families
   * vanish and reappear at every restart.
   */
  async start(): Promise<void> {
    this.client = this.options.connect();
    // With a GPU, the process table a UI client has read (instead of the exporter's own) carries the GPU shares the top-10 ranks.
    await this.client.setTopics({ topics: [...EXPORTER_TOPICS, ...(hasGpus(this.options.roots) ? (['processGpu'] as const) : [])] });
    const [bootTime, snapshot] = await Promise.all([this.readers.bootTime().catch(() => null), this.completeSnapshot().catch(() => null)]);
    this.bootTime = bootTime;
    // The base of the first scrape's process CPU rates (without it procyon_process_cpu_percent would wait
    // TABLE_EVERY_MS for a second table), unless a UI client has the sampler read processes anyway.
    if (!snapshot?.processes) this.prevTable = await this.readers.processes().catch(() => null);
  }

  stop(): void {
    this.client?.dispose();
    this.client = null;
  }

  /** Resolves when the update in flight, if any, has finished. */
  whenIdle(): Promise<void> {
    return this.pending;
  }

  /**
   * The sampler's newest snapshot once it holds every exporter topic; until
   * then it asks the sampler for a tick now rather than at its next interval
   * (the one in flight may predate the subscription), and gives up after
   * readyWaitMs with ExporterNotReady.
   */
  private completeSnapshot(): Promise<Snapshot> {
    const sampler = this.options.sampler;
    const latest = sampler.latest;
    if (latest && missingTopics(latest).length === 0) return Promise.resolve(latest);
    if (this.waiting) return this.waiting;
    const waitMs = this.options.readyWaitMs ?? READY_WAIT_MS;
    const wait = new Promise<Snapshot>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        sampler.off('snapshot', onSnapshot);
      };
      const onSnapshot = (s: Snapshot) => {
        if (missingTopics(s).length > 0) return;
        done();
        resolve(s);
      };
      const timer = setTimeout(() => {
        done();
        const missing = sampler.latest ? missingTopics(sampler.latest) : EXPORTER_TOPICS;
        reject(new ExporterNotReady(`no complete reading yet: after ${waitMs} ms the sampler has not read ${missing.join(', ')}; try again shortly`));
      }, waitMs);
      // A wait alone must not keep a stopping process alive.
      timer.unref?.();
      sampler.on('snapshot', onSnapshot);
      // A tick in flight returns that tick; the second call is one that sees the new topics.
      void sampler
        .tick()
        .then((s) => (s && missingTopics(s).length === 0 ? s : sampler.tick()))
        .catch(() => undefined);
    });
    this.waiting = wait.finally(() => {
      this.waiting = null;
    });
    return this.waiting;
  }

  /** Brings the exposition up to the sampler's latest complete tick, once per tick however many scrapes ask. */
  private async refresh(): Promise<void> {
    const latest = await this.completeSnapshot();
    if (latest.seq !== this.pendingSeq) {
      this.pendingSeq = latest.seq;
      // After the one in flight: updates never overlap (the table's rates are against the previous one).
      const run = this.pending.catch(() => undefined).then(() => this.update(latest));
      // A failed update is tried again by the next scrape.
      run.catch(() => {
        if (this.pendingSeq === latest.seq) this.pendingSeq = null;
      });
      this.pending = run;
    }
    return this.pending;
  }

  async update(snapshot: Snapshot): Promise<void> {
    const t0 = performance.now();
    const wallNow = this.now();
    // While a UI client shows processes the snapshot has them all, with rates: no second table read then.
    // Otherwise the exporter's own table is read at most every TABLE_EVERY_MS: a top-10 needs no 1 s resolution.
    const wantTable = !snapshot.processes && wallNow - this.lastTableAt >= TABLE_EVERY_MS;
    const own = wantTable ? this.readers.processes().catch(() => null) : null;
    const [extra, table] = await Promise.all([this.readers.extra().catch(() => null), own]);
    let processes: ProcessTops | null = this.lastTops;
    if (snapshot.processes) processes = topsOf(snapshot.processes);
    else if (table) {
      processes = topsOf(rankedRows(this.prevTable, table));
      this.prevTable = table;
      this.lastTableAt = wallNow;
    }
    this.lastTops = processes;
    // Where the host has groups, a failed read is null (its topic down), never absent.
    const groupList = this.cgroups ? (extra?.cgroups ?? null) : undefined;
    let topGroups: ReturnType<typeof topCgroups> | null | undefined = groupList === undefined ? undefined : null;
    if (groupList) {
      const reading = { list: groupList, time: wallNow };
      topGroups = topCgroups(reading, this.prevCgroups);
      this.prevCgroups = reading;
    }
    // Raw diskstats fields are 32-bit on some kernels; nowrap keeps the counters monotonic like the UI's.
    const disks = extra?.disks ? this.wrap.run(extra.disks, 'disks') : null;
    this.registry.apply(
      buildFamilies({
        snapshot,
        perCpu: extra?.perCpu ?? null,
        cpuStats: extra?.cpuStats ?? null,
        disks,
        hwmon: extra?.hwmon ?? null,
        powerSupplies: extra?.powerSupplies ?? null,
        // Where the host has services, a failed read is null (its topic down), never absent.
        ...(this.services && { services: extra?.services ?? null }),
        ...(topGroups !== undefined && { cgroups: topGroups }),
        processes,
        bootTime: this.bootTime,
        updateSeconds: (performance.now() - t0) / 1000,
      }),
    );
    this.lastTickTime = snapshot.time;
  }

  /** One scrape: the exposition as of the sampler's latest tick, in the format the Accept header prefers. */
  async scrape(accept: string | undefined): Promise<{ contentType: string; body: string }> {
    await this.refresh();
    const now = this.now();
    this.registry.apply(
      {
        node_time_seconds: [{ labels: {}, value: now / 1000 }],
        ...(this.lastTickTime !== null && { procyon_scrape_cache_age_seconds: [{ labels: {}, value: Math.max(0, now - this.lastTickTime) / 1000 }] }),
      },
      ['node_time_seconds', 'procyon_scrape_cache_age_seconds'],
    );
    return this.registry.render(accept);
  }
}
