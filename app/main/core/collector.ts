import * as native from '@procyon/collector';
import type { Battery, CpuFreq, ProcessTableChanges, CpuStats, DiskIoCounters, DiskPartition, DiskUsage, Fan, NetIoCounters, NicStats, SnapshotTopic, SwapMemory, SystemCpuTimes, Temperature } from '@procyon/collector';
import { PROCESS_COLUMN_TOPICS, PROCESS_TEXT_CUT_BYTES, type MemorySample, type ProcessSockets, type Topic } from '../../shared';
import type { AnyMetric } from '../../shared/metrics/define';
import { METRIC_LIST, type MetricReadings, type MetricTopic } from '../../shared/metrics/registry';
import { errorSummary } from './errors';
import { readTalkerSockets, talkersOf, watchedPids, type SocketWatch } from './talker-sockets';

/** Where the collector reads /proc and /sys from (tests and --procfs/--sysfs point it at captured trees). */
export interface CollectorRoots {
  procfs?: string;
  sysfs?: string;
}

export interface TopicFailure {
  code: string;
  message: string;
}

/** Each declared metric's reading as read (app/shared/metrics): null where this machine has none (its noneWhen). */
export type RawMetricReadings = { [T in keyof MetricReadings]?: MetricReadings[T] | null | TopicFailure };

/**
 * One tick's raw readings: counters, not yet rates. CPU times and memory fail
 * the tick if they cannot be read; cpu_stats, swap and each optional topic
 * carry either their readings or why they failed, so one broken sensor file
 * does not blank the CPU.
 */
export interface RawTick extends RawMetricReadings {
  /** The platform's records (Linux's modes, or Windows' interrupt and dpc). */
  cpuTotal: SystemCpuTimes;
  cpuPer: SystemCpuTimes[];
  /** A failure where the platform lacks it or the read failed: the tick goes on without it. */
  cpuStats: CpuStats | TopicFailure;
  memory: MemorySample;
  swap: { total: number; used: number; free: number; percent: number; sin: number; sout: number } | TopicFailure;
  /** loadavg: null where the platform has none, a failure where it fails alone (Windows without its PDH counter). */
  cpu?: { loadavg: [number, number, number] | null | TopicFailure; perCpuFreq: CpuFreq[] } | TopicFailure;
  disks?: Record<string, DiskIoCounters> | TopicFailure;
  partitions?: { list: DiskPartition[]; usage: Record<string, DiskUsage | native.SnapshotError> } | TopicFailure;
  network?: { io: Record<string, NetIoCounters>; stats: Record<string, NicStats> } | TopicFailure;
  sensors?: { temperatures: Record<string, Temperature[]>; fans: Record<string, Fan[]> } | TopicFailure;
  battery?: { value: Battery | null } | TopicFailure;
  /** The process table as changes since the previous tick's (whole when asked, or the first). */
  processes?: ProcessTableChanges | TopicFailure;
  /** With the table and `sockets` asked: those processes' sockets (each pid as the read found it; the caller checks createTime). */
  processSockets?: ProcessSockets[];
  /** Topics asked for that the host's platform has none of (UNSUPPORTED): left out, and said so. */
  lacked?: Topic[];
}

export function isFailure(value: unknown): value is TopicFailure {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && Object.keys(value).length === 2;
}

export interface StaticFacts {
  cpuCountLogical: number;
  cpuCountPhysical: number | null;
  bootTime: number;
}

const ALWAYS = ['cpuTimes', 'perCpuTimes', 'cpuStats', 'virtualMemory', 'swapMemory'] as const satisfies readonly SnapshotTopic[];

/** Each declared metric reads its one collector topic. */
const METRIC_SOURCES = Object.fromEntries(METRIC_LIST.map((m) => [m.topic, [m.source]])) as Partial<Record<Topic, readonly SnapshotTopic[]>>;

const NATIVE_TOPICS: Record<Exclude<Topic, MetricTopic>, readonly SnapshotTopic[]> & Partial<Record<Topic, readonly SnapshotTopic[]>> = {
  cpu: ['loadavg', 'perCpuFreq'],
  disks: ['perDiskIoCounters'],
  partitions: ['diskPartitions', 'diskUsage'],
  network: ['perNicIoCounters', 'netIfStats'],
  sensors: ['sensorsTemperatures', 'sensorsFans'],
  battery: ['sensorsBattery'],
  ...METRIC_SOURCES,
  processes: [],
  processFds: [],
  processCtxSwitches: [],
  processUss: [],
  processGpu: [],
  processNet: [],
};

/**
 * The table fields each optional column topic adds; processGpu and processNet are the table's `gpu` and `net`
 * options instead (they read DRM fdinfo and the kernel's socket dump, not a field of /proc/PID).
 */
const COLUMN_FIELDS = { processFds: 'numFds', processCtxSwitches: 'numCtxSwitches', processUss: 'uss' } as const satisfies Record<
  Exclude<(typeof PROCESS_COLUMN_TOPICS)[number], 'processGpu' | 'processNet'>,
  native.ProcessTableFieldName
>;
const OPTION_TOPICS: ReadonlySet<string> = new Set(['processGpu', 'processNet']);

/** The collector's topics: one this addon does not know (an older build) is answered as lacked, never sent (it would fail the whole tick). */
const KNOWN_TOPICS: ReadonlySet<string> = new Set(native.SNAPSHOT_TOPICS);
const UNKNOWN_TOPIC: native.SnapshotError = { error: { code: 'UNSUPPORTED', message: 'this collector build has no such topic' } } as native.SnapshotError;

/** What the process table shows; everything else about a process is read on demand (details). */
const PROCESS_FIELDS = ['ppid', 'name', 'username', 'status', 'cpuTimes', 'memory', 'numThreads', 'nice', 'cmdline', 'io', 'terminal', 'cpuNum'] as const;

/** Throws the collector's own error class for a failed always-on topic. */
function required<T>(value: T | native.SnapshotError): T {
  if (native.isSnapshotError(value)) throw native.fromNative(Object.assign(new Error(value.error.message), value.error));
  return value;
}

/** The first failure among a topic's native parts, or null when all succeeded (or the platform has none of a part: lacked). */
function firstFailure(...values: unknown[]): TopicFailure | null {
  for (const v of values) if (native.isSnapshotError(v) && !lacked(v)) return { code: v.error.code, message: v.error.message };
  return null;
}

/** A part's failure, UNSUPPORTED included, or null. */
function failureOf(value: unknown): TopicFailure | null {
  return native.isSnapshotError(value) ? { code: value.error.code, message: value.error.message } : null;
}

/** A part the platform lacks counts as empty (a topic of two parts, one of which it has). */
function orEmpty<T>(value: unknown): T {
  return (lacked(value) ? {} : value) as T;
}

/**
 * Whether a part's answer is "this platform has no such function" (UNSUPPORTED):
 * a fact the host's capabilities already tell the pages, not a failed read, so
 * the tick leaves it out instead of reporting an error every second.
 */
function lacked(value: unknown): boolean {
  return native.isSnapshotError(value) && value.error.code === 'UNSUPPORTED';
}

/** A declared metric's reading: its collector topic's value; null for the error that means "this machine has none"; else the failure. */
function metricReading(metric: AnyMetric, value: unknown): unknown {
  if (native.isSnapshotError(value) && ((metric.noneWhen !== undefined && value.error.code === metric.noneWhen) || lacked(value))) return null;
  return firstFailure(value) ?? value;
}

/** Reads what the sampler needs from @procyon/collector: one trip to the addon's worker thread per tick. */
export class Collector {
  /** Mount points seen last time: statvfs needs paths up front, and partitions change rarely. */
  private mountpoints: string[] = [];

  /** Made on first use: the process table as change lists, one reader for this collector's ticks. */
  private reader: native.ProcessTableReader | null = null;
  /** Which of the table's options (gpu, net) `reader` was made with. */
  private readerOptions = '';

  constructor(private readonly roots: CollectorRoots = {}) {}

  /** Whether these roots read this machine (native/lib decides, PROCYON_PROCFS / PROCYON_SYSFS included). */
  get live(): boolean {
    return native.isLive(this.roots);
  }

  /**
   * `wholeTable`: the caller does not hold the table the last tick gave (it
   * just started, skipped a tick — a failed tick's changes are lost with it —
   * or stopped showing processes), so this tick's table comes whole rather
   * than as changes. `sockets`: the processes whose connections a client
   * lists (the top talkers), read with the table: from the network column's
   * own socket dump where the table reads it, else from one dump for all.
   */
  async readTick(
    topics: ReadonlySet<Topic> = new Set(),
    { wholeTable = true, sockets = [] }: { wholeTable?: boolean; sockets?: readonly SocketWatch[] } = {},
  ): Promise<RawTick> {
    const wanted = new Set<SnapshotTopic>(ALWAYS);
    for (const t of topics) for (const n of NATIVE_TOPICS[t] ?? []) if (KNOWN_TOPICS.has(n)) wanted.add(n);
    // diskUsage asks statvfs of this machine: meaningless for a captured tree.
    if (!this.live) wanted.delete('diskUsage');
    // The process table is its own worker trip, in parallel with the system one.
    const [snap, table] = await Promise.all([
      native.systemSnapshot({ ...this.roots, topics: [...wanted], diskUsagePaths: this.mountpoints }) as Promise<Partial<native.SystemSnapshot>>,
      topics.has('processes') ? this.readTable(topics, wholeTable, sockets) : Promise.resolve(undefined),
    ]);

    const tick: RawTick = {
      cpuTotal: required(snap.cpuTimes!),
      cpuPer: required(snap.perCpuTimes!),
      // Every platform has CPU times and memory; the counters and swap may be missing (Windows under Wine has no
      // swap counter) or fail alone, and a dashboard without them is better than none.
      // (UNSUPPORTED included: the pages say "not read" with the code.)
      cpuStats: failureOf(snap.cpuStats) ?? (snap.cpuStats as CpuStats),
      memory: required(snap.virtualMemory!),
      swap: failureOf(snap.swapMemory) ?? (snap.swapMemory as SwapMemory),
    };
    if (topics.has('cpu')) {
      tick.cpu = {
        // A failed load average keeps the frequencies: the sampler reports it as errors.loadavg.
        loadavg: lacked(snap.loadavg) ? null : (firstFailure(snap.loadavg) ?? (snap.loadavg as [number, number, number])),
        // A machine without cpufreq has no frequencies: that is not an error.
        perCpuFreq: native.isSnapshotError(snap.perCpuFreq) ? [] : (snap.perCpuFreq ?? []),
      };
    }
    const lackedTopics: Topic[] = [];
    // Whether to read `topic` this tick: asked for, and the platform has at least one of its parts (else it is lacked).
    const has = (topic: Topic, ...parts: unknown[]) => {
      if (!topics.has(topic)) return false;
      if (!parts.every(lacked)) return true;
      lackedTopics.push(topic);
      return false;
    };
    if (has('disks', snap.perDiskIoCounters)) tick.disks = firstFailure(snap.perDiskIoCounters) ?? (snap.perDiskIoCounters as Record<string, DiskIoCounters>);
    if (has('partitions', snap.diskPartitions)) {
      const failure = firstFailure(snap.diskPartitions);
      if (failure) tick.partitions = failure;
      else {
        const list = snap.diskPartitions as DiskPartition[];
        this.mountpoints = list.map((p) => p.mountpoint);
        const usage = (snap.diskUsage as Record<string, DiskUsage | native.SnapshotError> | undefined) ?? {};
        // A mount this tick's statvfs was not asked about (all of them on the first tick): asked now, so no
        // reading lacks the usage of a mount it lists (the exporter's filesystems would vanish for a tick).
        const unasked = wanted.has('diskUsage') ? this.mountpoints.filter((m) => !Object.hasOwn(usage, m)) : [];
        if (unasked.length > 0) {
          const more = (await native.systemSnapshot({ ...this.roots, topics: ['diskUsage'], diskUsagePaths: unasked })).diskUsage;
          if (!native.isSnapshotError(more)) Object.assign(usage, more);
        }
        tick.partitions = { list, usage };
      }
    }
    if (has('network', snap.perNicIoCounters, snap.netIfStats)) {
      tick.network = firstFailure(snap.perNicIoCounters, snap.netIfStats) ?? {
        io: orEmpty<Record<string, NetIoCounters>>(snap.perNicIoCounters),
        stats: orEmpty<Record<string, NicStats>>(snap.netIfStats),
      };
    }
    if (has('sensors', snap.sensorsTemperatures, snap.sensorsFans)) {
      tick.sensors = firstFailure(snap.sensorsTemperatures, snap.sensorsFans) ?? {
        temperatures: orEmpty<Record<string, Temperature[]>>(snap.sensorsTemperatures),
        fans: orEmpty<Record<string, Fan[]>>(snap.sensorsFans),
      };
    }
    if (table !== undefined) {
      tick.processes = table.processes;
      if (table.sockets) tick.processSockets = table.sockets;
    }
    const readings: Record<string, unknown> = tick as RawMetricReadings;
    for (const m of METRIC_LIST) if (topics.has(m.topic as Topic)) readings[m.topic] = metricReading(m, KNOWN_TOPICS.has(m.source) ? snap[m.source] : UNKNOWN_TOPIC);
    if (has('battery', snap.sensorsBattery)) tick.battery = firstFailure(snap.sensorsBattery) ?? { value: snap.sensorsBattery as Battery | null };
    if (lackedTopics.length > 0) tick.lacked = lackedTopics;
    return tick;
  }

  private async readTable(
    topics: ReadonlySet<Topic>,
    whole: boolean,
    watched: readonly SocketWatch[],
  ): Promise<{ processes: ProcessTableChanges | TopicFailure; sockets?: ProcessSockets[] }> {
    const fields = [
      ...PROCESS_FIELDS,
      ...PROCESS_COLUMN_TOPICS.flatMap((t) => (!OPTION_TOPICS.has(t) && topics.has(t) ? [COLUMN_FIELDS[t as keyof typeof COLUMN_FIELDS]] : [])),
    ];
    // GPU shares and network rates are between two reads of the same reader: a reader is made for each setting, so turning a column on gives a whole table.
    const gpu = topics.has('processGpu');
    // Network use is Linux's socket dump of the running machine: elsewhere the column reads as no figure, never a failed table.
    const net = topics.has('processNet') && this.live && native.describe().platform === 'linux';
    const options = `${gpu}/${net}`;
    if (this.reader && this.readerOptions !== options) this.reader = null;
    this.readerOptions = options;
    this.reader ??= new native.ProcessTableReader({ ...this.roots, fields, cmdlineBytes: PROCESS_TEXT_CUT_BYTES, ...(gpu && { gpu }), ...(net && { net }) });
    if (whole) this.reader.reset();
    if (watched.length === 0) return { processes: await this.reader.read(fields).catch((err: unknown) => errorSummary(err)) };
    if (!net) {
      // No socket dump in the table's read: one for all the watched processes beside it.
      const [processes, sockets] = await Promise.all([this.reader.read(fields).catch((err: unknown) => errorSummary(err)), readTalkerSockets(watched, this.roots)]);
      return { processes, sockets };
    }
    // The network column's dump lists the watched processes' sockets too: no second walk of the machine's sockets.
    const processes = await this.reader.read(fields, { netSocketsOf: watchedPids(watched) }).catch((err: unknown) => errorSummary(err));
    if (isFailure(processes)) return { processes, sockets: [] };
    return { processes, sockets: talkersOf(watched, new Map(processes.netSockets?.map((p) => [p.pid, p.sockets]))) };
  }

  async readStatic(): Promise<StaticFacts> {
    const r = this.roots;
    const [logical, physical, bootTime] = await Promise.all([
      native.cpuCount({ ...r, logical: true }),
      native.cpuCount({ ...r, logical: false }),
      native.bootTime(r),
    ]);
    return { cpuCountLogical: logical ?? 1, cpuCountPhysical: physical, bootTime };
  }
}
