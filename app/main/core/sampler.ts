import { EventEmitter } from 'node:events';
import { percentBetween, timesPercentBetween, WrapNumbers } from '@procyon/collector';
import type { DiskIoCounters, NetIoCounters } from '@procyon/collector';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS, type ProcessHistoryPoint, type ProcessTableSnapshot, type Snapshot, type Topic } from '../../shared';
import { METRIC_LIST, type MetricSamples } from '../../shared/metrics/registry';
import { isFailure, type Collector, type RawMetricReadings, type RawTick } from './collector';
import { pickCulprits } from './culprits';
import { errorSummary } from './errors';
import { History } from './history';
import { ProcessSeries } from './process-series';
import { noteTableChanges } from './live-feed';
import { LiveTable } from './live-table';
import { diskSamples, nicSamples, perSec } from './rates';
import type { SocketWatch } from './talker-sockets';
import { timedTurn } from './turns';

export const DEFAULT_INTERVAL_MS = 1000;

export interface SamplerOptions {
  intervalMs?: number;
  now?: () => number;
  /** Which optional topics to read each tick (default: none beyond the always-on ones). */
  topics?: () => ReadonlySet<Topic>;
  /**
   * While no client asks for `processes`, read the table anyway at most this
   * often, for history's culprits (who caused a spike). Off by default; the
   * host sets CULPRIT_TABLE_MS.
   */
  backgroundTableMs?: number;
  /** The processes whose sockets some client lists (TopicRegistry.socketUnion); read with the table (Collector.readTick), on ticks that read it. */
  sockets?: () => readonly SocketWatch[];
}


interface SamplerEvents {
  snapshot: [Snapshot];
  error: [unknown];
}

/** The previous tick's counters, for rates. Disk and NIC counters pass through nowrap first. */
interface Previous {
  raw: RawTick;
  time: number;
  disks?: Record<string, DiskIoCounters>;
  nics?: Record<string, NetIoCounters>;
  /** What that tick published: the declared metrics' samples carry on from it (MetricDeclaration.sample's previousSample). */
  snapshot?: Snapshot;
}

/**
 * One tick → one snapshot. Ticks never overlap: the next is scheduled when the
 * current one's reads finish, so a slow /proc cannot pile up work.
 */
export class Sampler extends EventEmitter<SamplerEvents> {
  private interval: number;
  private readonly history: History;
  private readonly now: () => number;
  private readonly topics: () => ReadonlySet<Topic>;
  private readonly backgroundTableMs: number;
  private readonly sockets: () => readonly SocketWatch[];
  /** When the table was last read (ms, this.now()). */
  private tableAt = -Infinity;
  private readonly wrap = new WrapNumbers();
  private prev: Previous | null = null;
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private inFlight: Promise<Snapshot | null> | null = null;

  constructor(
    private readonly collector: Collector,
    options: SamplerOptions = {},
  ) {
    super();
    this.interval = checkInterval(options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.now = options.now ?? Date.now;
    this.history = new History(this.now);
    this.topics = options.topics ?? (() => new Set());
    this.backgroundTableMs = options.backgroundTableMs ?? 0;
    this.sockets = options.sockets ?? (() => []);
  }

  /** The tick's topics: the clients', plus the table when history's culprits are due for one. */
  private tickTopics(): ReadonlySet<Topic> {
    const wanted = this.topics();
    if (wanted.has('processes') || this.backgroundTableMs <= 0) return wanted;
    // Due a little early rather than a tick late: ticks land a few ms either side of the interval.
    if (this.now() - this.tableAt < this.backgroundTableMs - this.interval / 2) return wanted;
    return new Set([...wanted, 'processes']);
  }

  get intervalMs(): number {
    return this.interval;
  }

  get historyCapacity(): number {
    return this.history.capacity;
  }

  /**
   * What ranking culprits cost, unit-free: the rows it looked at (the table's
   * active rows) against the rows the table holds, summed over ticks.
   */
  readonly culpritCost = { ticks: 0, rowsRanked: 0, tableRows: 0 };
  /** The culprits' own series, for the details panel. */
  readonly series = new ProcessSeries();

  /** The process table, kept from the collector's change lists (see LiveTable). */
  private readonly table = new LiveTable();
  /** seq of the tick whose table `table` holds, while it is primed. */
  private tableSeq: number | null = null;

  /** The newest tick as sampled, process rows included (history keeps none). */
  get latest(): Snapshot | null {
    return this.newest ?? this.history.latest() ?? null;
  }
  private newest: Snapshot | null = null;

  /** Snapshots from the last `seconds`, oldest first (downsampled past 5 minutes); with `after`, only those newer than it. */
  historySince(seconds: number, after?: number, limit?: number): Snapshot[] {
    return this.history.since(seconds, after, limit);
  }

  /** What is kept of one process (see ProcessSeries): the last `seconds`, oldest first. */
  processHistory(pid: number, createTime: number, seconds: number): ProcessHistoryPoint[] {
    return this.series.since(pid, createTime, seconds * 1000, this.now() - seconds * 1000);
  }

  /** The whole table as last read, with that read's time; null while the sampler holds none. */
  processTable(): ProcessTableSnapshot | null {
    return this.table.primed ? { time: this.tableAt, rows: this.table.all() } : null;
  }

  setIntervalMs(ms: number): void {
    this.interval = checkInterval(ms);
    if (this.running) this.schedule();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.runTick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Take one tick now (used by start, tests and the CLI). */
  async tick(): Promise<Snapshot | null> {
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.collect().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async collect(): Promise<Snapshot | null> {
    let raw: RawTick;
    const started = performance.now();
    const topics = this.tickTopics();
    // The listed processes' sockets, read with the table (whose rows then say which process each pid names).
    const watched = topics.has('processes') ? this.sockets() : [];
    try {
      raw = await this.collector.readTick(topics, { wholeTable: !this.table.primed, sockets: watched });
    } catch (err) {
      // A failed read skips one tick; the sampler keeps going and says why.
      // The table's changes of that tick are lost: the next table comes whole.
      this.table.clear();
      this.emit('error', err);
      return null;
    }
    const time = this.now();
    const prev = this.prev;
    const next: Previous = { raw, time };
    const build = () => {
      const snapshot = buildSnapshot(prev, raw, ++this.seq, time, this.interval);
      next.snapshot = snapshot;
      snapshot.readMs = performance.now() - started;
      const seconds = prev ? (time - prev.time) / 1000 : 0;
      if (raw.disks) {
        if (isFailure(raw.disks)) (snapshot.errors ??= {}).disks = raw.disks;
        else {
          next.disks = this.wrap.run(raw.disks, 'disks');
          snapshot.disks = diskSamples(next.disks, prev?.disks, seconds);
        }
      }
      if (raw.network) {
        if (isFailure(raw.network)) (snapshot.errors ??= {}).network = raw.network;
        else {
          next.nics = this.wrap.run(raw.network.io, 'nics');
          snapshot.network = nicSamples(next.nics, prev?.nics, raw.network.stats, seconds);
        }
      }
      return snapshot;
    };
    const publish = (snapshot: Snapshot) => {
      if (!raw.processes) {
        // Between background reads the table is kept: the next read is a change list against it.
        if (this.backgroundTableMs <= 0) this.table.clear();
      } else if (isFailure(raw.processes)) {
        (snapshot.errors ??= {}).processes = raw.processes;
        this.table.clear();
      } else {
        // The changes are against tick `tableSeq`'s table only while the table still holds it (any clear starts over).
        const base = this.table.primed ? this.tableSeq : null;
        try {
          const tick = this.table.apply(raw.processes, raw.memory.total);
          this.tableAt = time;
          snapshot.processes = tick.rows;
          if (raw.processes.netOtherUsers) snapshot.netOtherUsers = raw.processes.netOtherUsers;
          // A pid that names another process now (or none) has its answer dropped: it would list a stranger's sockets.
          const listed = (raw.processSockets ?? []).filter((p) => this.table.get(p.pid)?.createTime === p.createTime);
          if (listed.length > 0) snapshot.processSockets = listed;
          snapshot.culprits = pickCulprits(tick.active, tick.seconds, raw.cpuPer.length);
          this.culpritCost.ticks++;
          this.culpritCost.rowsRanked += tick.active.length;
          this.culpritCost.tableRows += tick.rows.length;
          this.series.record(time, snapshot.culprits, (pid) => this.table.get(pid));
          if (base !== null) noteTableChanges(snapshot, { base, rows: tick.changed, gone: tick.gone });
          this.tableSeq = snapshot.seq;
        } catch (err) {
          // The table cleared itself: the next tick's comes whole.
          (snapshot.errors ??= {}).processes = errorSummary(err);
        }
      }
      this.prev = next;
      this.history.push(snapshot);
      this.newest = snapshot;
      this.emit('snapshot', snapshot);
      return snapshot;
    };
    if (!raw.processes) return timedTurn('sample', () => publish(build()));
    const snapshot = timedTurn('sample', build);
    // The process table is a block of its own: the server answers clients in between.
    await yieldToEventLoop();
    return timedTurn('table', () => publish(snapshot));
  }

  private async runTick(): Promise<void> {
    await this.tick();
    if (this.running) this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.runTick();
    }, this.interval);
    // The sampler alone must not keep a CLI process alive.
    this.timer.unref?.();
  }
}

/**
 * Pure: two raw readings → one snapshot, for everything but the disk and NIC
 * rates (which need nowrap state). The first tick has no CPU rate.
 */
export function buildSnapshot(prev: Previous | null, cur: RawTick, seq: number, time: number, intervalMs: number): Snapshot {
  const p = prev?.raw;
  const seconds = prev ? (time - prev.time) / 1000 : 0;
  const canRate = p !== undefined && p.cpuPer.length === cur.cpuPer.length;
  // cpu_stats and swap_memory may be missing on a platform, or fail alone: a rate needs both readings.
  const stats = !isFailure(cur.cpuStats) && p && !isFailure(p.cpuStats) ? { cur: cur.cpuStats, prev: p.cpuStats } : null;
  const prevSwap = p && !isFailure(p.swap) ? p.swap : undefined;
  const snapshot: Snapshot = {
    seq,
    time,
    intervalMs,
    cpu: canRate
      ? {
          percent: percentBetween(p.cpuTotal, cur.cpuTotal),
          perCpu: cur.cpuPer.map((t, i) => percentBetween(p.cpuPer[i]!, t)),
          timesPercent: timesPercentBetween(p.cpuTotal, cur.cpuTotal),
          perCpuTimesPercent: cur.cpuPer.map((t, i) => timesPercentBetween(p.cpuPer[i]!, t)),
          ctxSwitchesPerSec: stats && perSec(stats.cur.ctxSwitches, stats.prev.ctxSwitches, seconds),
          interruptsPerSec: stats && perSec(stats.cur.interrupts, stats.prev.interrupts, seconds),
          softInterruptsPerSec: stats && perSec(stats.cur.softInterrupts, stats.prev.softInterrupts, seconds),
        }
      : null,
    memory: cur.memory,
    swap: isFailure(cur.swap)
      ? null
      : {
          ...cur.swap,
          sinPerSec: prevSwap ? perSec(cur.swap.sin, prevSwap.sin, seconds) : null,
          soutPerSec: prevSwap ? perSec(cur.swap.sout, prevSwap.sout, seconds) : null,
        },
  };
  const errors: NonNullable<Snapshot['errors']> = {};
  if (isFailure(cur.cpuStats)) errors.cpuStats = cur.cpuStats;
  if (isFailure(cur.swap)) errors.swap = cur.swap;
  if (cur.cpu) {
    if (isFailure(cur.cpu)) errors.cpu = cur.cpu;
    else {
      const { loadavg } = cur.cpu;
      if (isFailure(loadavg)) errors.loadavg = loadavg;
      snapshot.cpuDetails = { loadavg: isFailure(loadavg) ? null : loadavg, perCpuFreq: cur.cpu.perCpuFreq };
    }
  }
  if (cur.partitions) {
    if (isFailure(cur.partitions)) errors.partitions = cur.partitions;
    else {
      const usage = cur.partitions.usage;
      snapshot.partitions = cur.partitions.list.map((part) => {
        const u = usage[part.mountpoint];
        return { ...part, usage: u && !('error' in u) ? u : null };
      });
    }
  }
  if (cur.sensors) {
    if (isFailure(cur.sensors)) errors.sensors = cur.sensors;
    else snapshot.sensors = cur.sensors;
  }
  if (cur.battery) {
    if (isFailure(cur.battery)) errors.battery = cur.battery;
    else snapshot.battery = cur.battery.value;
  }
  // Each declared metric (app/shared/metrics): its sample from this reading and the previous tick's, where that one was read.
  const readings: Record<string, unknown> = cur as RawMetricReadings;
  const previous: Record<string, unknown> = (p ?? {}) as RawMetricReadings;
  const samples: Record<string, unknown> = snapshot as MetricSamples;
  const previousSamples: Record<string, unknown> = (prev?.snapshot ?? {}) as MetricSamples;
  for (const m of METRIC_LIST) {
    const reading = readings[m.topic];
    if (reading === undefined) continue;
    if (reading === null) samples[m.topic] = null;
    else if (isFailure(reading)) errors[m.topic as Topic] = reading;
    else {
      // Both are the collector's value for the metric's source topic (Collector.readTick put them there).
      type Reading = Parameters<typeof m.sample>[0];
      const before = previous[m.topic];
      type Sample = Parameters<typeof m.sample>[3];
      const published = previousSamples[m.topic];
      samples[m.topic] = m.sample(
        reading as Reading,
        before === null || before === undefined || isFailure(before) ? undefined : (before as Reading),
        seconds,
        published === null || published === undefined ? undefined : (published as Sample),
      );
    }
  }
  if (Object.keys(errors).length > 0) snapshot.errors = errors;
  if (cur.lacked) snapshot.lacked = cur.lacked;
  return snapshot;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function checkInterval(ms: number): number {
  if (!Number.isInteger(ms) || ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
    throw new RangeError(`interval must be an integer from ${MIN_INTERVAL_MS} to ${MAX_INTERVAL_MS} ms, got ${ms}`);
  }
  return ms;
}
