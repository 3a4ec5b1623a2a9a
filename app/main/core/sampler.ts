import { EventEmitter } from 'node:events';
import { percentBetween, timesPercentBetween, WrapNumbers } from '@procyon/collector';
import type { DiskIoCounters, NetIoCounters, ProcessTableResult } from '@procyon/collector';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS, sameArgs, sameRow, type ProcessRow, type Snapshot, type Topic } from '../../shared';
import { isFailure, type Collector, type RawTick } from './collector';
import { History } from './history';
import { rateBaseOf, rowRates, type RateBase } from './process-rates';
import { diskSamples, nicSamples, perSec } from './rates';

export const DEFAULT_INTERVAL_MS = 1000;

export interface SamplerOptions {
  intervalMs?: number;
  now?: () => number;
  /** Which optional topics to read each tick (default: none beyond the always-on ones). */
  topics?: () => ReadonlySet<Topic>;
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
  /** The process table's counters, for the next tick's rates. */
  rateBase?: RateBase;
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
  }

  get intervalMs(): number {
    return this.interval;
  }

  get historyCapacity(): number {
    return this.history.capacity;
  }

  /** The last row built per pid: a process that did not change keeps its row object (see processRows). */
  private readonly rowCache: RowCache = new Map();

  /** The newest tick as sampled, process rows included (history keeps none). */
  get latest(): Snapshot | null {
    return this.newest ?? this.history.latest() ?? null;
  }
  private newest: Snapshot | null = null;

  /** Snapshots from the last `seconds`, oldest first (downsampled past 5 minutes). */
  historySince(seconds: number): Snapshot[] {
    return this.history.since(seconds);
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
    try {
      raw = await this.collector.readTick(this.topics());
    } catch (err) {
      // A failed read skips one tick; the sampler keeps going and says why.
      this.emit('error', err);
      return null;
    }
    const time = this.now();
    const prev = this.prev;
    const snapshot = buildSnapshot(prev, raw, ++this.seq, time, this.interval);
    snapshot.readMs = performance.now() - started;
    const next: Previous = { raw, time };
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
    if (raw.processes) {
      // The table's rows were just built from the native columns: let the
      // event loop breathe before the rates pass, so neither block alone
      // holds it for long (the server answers clients in between).
      await yieldToEventLoop();
      if (isFailure(raw.processes)) (snapshot.errors ??= {}).processes = raw.processes;
      else {
        next.rateBase = rateBaseOf(raw.processes);
        snapshot.processes = processRows(raw.processes, prev?.rateBase, raw.memory.total, this.rowCache);
      }
    }
    this.prev = next;
    this.history.push(snapshot);
    this.newest = snapshot;
    this.emit('snapshot', snapshot);
    return snapshot;
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
          ctxSwitchesPerSec: perSec(cur.cpuStats.ctxSwitches, p.cpuStats.ctxSwitches, seconds),
          interruptsPerSec: perSec(cur.cpuStats.interrupts, p.cpuStats.interrupts, seconds),
          softInterruptsPerSec: perSec(cur.cpuStats.softInterrupts, p.cpuStats.softInterrupts, seconds),
        }
      : null,
    memory: cur.memory,
    swap: {
      ...cur.swap,
      sinPerSec: p ? perSec(cur.swap.sin, p.swap.sin, seconds) : null,
      soutPerSec: p ? perSec(cur.swap.sout, p.swap.sout, seconds) : null,
    },
  };
  const errors: NonNullable<Snapshot['errors']> = {};
  if (cur.cpu) {
    if (isFailure(cur.cpu)) errors.cpu = cur.cpu;
    else snapshot.cpuDetails = { loadavg: cur.cpu.loadavg, perCpuFreq: cur.cpu.perCpuFreq };
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
  if (Object.keys(errors).length > 0) snapshot.errors = errors;
  return snapshot;
}

/** Table rows with rates against the previous table (matched by pid and createTime, so a reused pid starts over). */
/** The last row built for each pid. */
export type RowCache = Map<number, ProcessRow>;

/**
 * One ProcessRow per process. A process whose every field is as last tick
 * keeps last tick's object (`cache`): most processes sit still, so a tick
 * allocates rows only for those that changed, the rest live on in V8's old
 * space instead of becoming garbage there each second, and whoever compares
 * rows (the live feed's change lists, memoised views) stops at identity.
 */
export function processRows(table: ProcessTableResult, prev: RateBase | undefined, memTotal: number, cache?: RowCache): ProcessRow[] {
  const rows = table.rows;
  const out = new Array<ProcessRow>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const rate = rowRates(prev, row, table.timestamp);
    const rss = row.rss ?? 0;
    const memoryPercent = memTotal > 0 ? (rss / memTotal) * 100 : 0;
    const ctxSwitches = row.numCtxSwitches === undefined ? undefined : row.numCtxSwitches && row.numCtxSwitches.voluntary + row.numCtxSwitches.involuntary;
    const r: ProcessRow = {
      pid: row.pid,
      createTime: row.createTime,
      ppid: row.ppid ?? 0,
      name: row.name ?? '',
      username: row.username ?? null,
      status: row.status ?? '?',
      cpuPercent: rate.cpuPercent,
      cpuTimes: row.cpuTimes ?? 0,
      rss,
      vms: row.vms ?? 0,
      memoryPercent,
      numThreads: row.numThreads ?? 0,
      nice: row.nice ?? 0,
      cmdline: row.cmdline ?? [],
      readBytesPerSec: rate.readBytesPerSec,
      writeBytesPerSec: rate.writeBytesPerSec,
      terminal: row.terminal ?? null,
      cpuNum: row.cpuNum ?? 0,
    };
    // Only when their column is on screen (the table was asked for them).
    if (row.numFds !== undefined) r.numFds = row.numFds;
    if (ctxSwitches !== undefined) r.ctxSwitches = ctxSwitches;
    if (row.uss !== undefined) r.uss = row.uss;
    // The candidate dies young, which costs V8 next to nothing; what must not
    // happen is every row surviving into old space only to die there.
    const was = cache?.get(row.pid);
    if (was !== undefined && was.createTime === r.createTime) {
      // The same array as before when the arguments did not change: comparisons stop at identity.
      if (sameArgs(was.cmdline, r.cmdline)) r.cmdline = was.cmdline;
      if (sameRow(was, r)) {
        out[i] = was;
        continue;
      }
    }
    cache?.set(row.pid, r);
    out[i] = r;
  }
  // Forget the processes that are gone.
  if (cache && cache.size > rows.length) {
    const live = new Set<number>();
    for (const r of rows) live.add(r.pid);
    for (const pid of cache.keys()) if (!live.has(pid)) cache.delete(pid);
  }
  return out;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function checkInterval(ms: number): number {
  if (!Number.isInteger(ms) || ms < MIN_INTERVAL_MS || ms > MAX_INTERVAL_MS) {
    throw new RangeError(`interval must be an integer from ${MIN_INTERVAL_MS} to ${MAX_INTERVAL_MS} ms, got ${ms}`);
  }
  return ms;
}
