// ProcessTableReader: processTable() as a change list. Each read returns the
// rows new or changed since this reader's previous read and the processes
// gone since, diffed on the addon's worker thread: a monitor refreshing every
// second over a machine of mostly idle processes then builds JS objects for
// the few that changed, not for every process every tick.

import { cmdlineBudget, fieldMask, gpuOption, netOption, rowsOf, withGpu, withNet } from './process_table';
import { checkedPids, NetUsageTracker, type ProcessNet, type SocketNet } from './process_net';
import { GpuUsageTracker } from './gpu_usage';
import type { ProcessGpu } from './gpu';
import type { ProcessTableOptions } from './process_table';
import { binding, callAsync } from './native';
import { optionsObject } from './options';
import { resolveRoots, type ResolvedRoots } from './roots';
import type { ProcessTableFieldName } from './constants_process';
import type { ProcessTableRow, ReaderHandle } from './process_types';

/** A process that the previous read had and this one does not. */
export interface GoneProcess {
  pid: number;
  createTime: number;
}

export interface ProcessTableChanges {
  /** Monotonic seconds when the scan started (for rates). */
  timestamp: number;
  /** Monotonic seconds by when every row's cpuTimes had been read (see ProcessTableResult.cpuTimesUntil); where absent, `timestamp`. */
  cpuTimesUntil?: number;
  /**
   * True: `rows` are the rows new or changed since the previous read (a
   * changed row is whole, every field). False: `rows` is the whole table —
   * the first read, the first after reset(), or a read with other fields.
   */
  incremental: boolean;
  rows: ProcessTableRow[];
  /** Gone since the previous read (incremental reads only; a pid reused by a new process is gone and new). */
  gone: GoneProcess[];
  /** Rows in the whole table now. */
  count: number;
  /**
   * With `gpu: true`: every process holding a GPU client now and its share
   * since the previous read (a row in `rows` also carries its own `gpu`);
   * any process not listed holds none.
   */
  gpu?: { pid: number; gpu: ProcessGpu }[];
  /**
   * With `net: true`: every process holding an inet socket now and its
   * traffic (a row in `rows` also carries its own `net`); any process not
   * listed holds none. `netOtherUsers`: the sockets no readable process holds.
   */
  net?: { pid: number; net: ProcessNet }[];
  netOtherUsers?: ProcessNet;
  /** With `net: true` and read's `netSocketsOf`: those processes' sockets from the same socket dump, one entry per asked pid. */
  netSockets?: { pid: number; sockets: SocketNet[] }[];
}

export interface ProcessTableReadOptions {
  /**
   * With `net: true`: processes whose sockets this read also lists (each
   * with its rates since the previous read), from the socket dump the net
   * column reads anyway: 1 to 4096 pids. Ignored without `net`.
   */
  netSocketsOf?: readonly number[];
}

export class ProcessTableReader {
  private readonly roots: ResolvedRoots;
  private readonly handle: ReaderHandle;
  private fields: number;
  private readonly cmdlineBytes: number;
  private readonly gpu: GpuUsageTracker | null;
  private readonly net: NetUsageTracker | null;
  /** Reads run one after another: each is a diff against the one before. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options?: ProcessTableOptions) {
    const opts = optionsObject(options);
    this.roots = resolveRoots(opts);
    this.fields = fieldMask(opts.fields);
    this.cmdlineBytes = cmdlineBudget(opts.cmdlineBytes);
    this.handle = binding.processTableReader();
    this.gpu = gpuOption(opts.gpu) ? new GpuUsageTracker(this.roots) : null;
    this.net = netOption(opts.net) ? new NetUsageTracker(this.roots) : null;
  }

  /** The changes since the previous read; `fields` replaces the reader's fields (a different set makes this read whole). */
  async read(fields?: readonly ProcessTableFieldName[], options?: ProcessTableReadOptions): Promise<ProcessTableChanges> {
    if (fields !== undefined) this.fields = fieldMask(fields);
    const mask = this.fields;
    // Checked before the read is queued: a wrong argument fails alone, without a read that would make the next one whole.
    const asked = optionsObject(options).netSocketsOf;
    const socketsOf = asked === undefined ? undefined : checkedPids(asked);
    const run = this.queue.then(() => this.readNow(mask, socketsOf));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The next read returns the whole table (for a consumer that lost track of what it was given). */
  reset(): void {
    binding.processTableReaderReset(this.handle);
  }

  private async readNow(mask: number, socketsOf: readonly number[] | undefined): Promise<ProcessTableChanges> {
    try {
      const [table, gpu, net] = await Promise.all([
        callAsync(() => binding.processTable({ ...this.roots, fields: mask, cmdlineBytes: this.cmdlineBytes, reader: this.handle })),
        this.gpu?.all(),
        this.net?.all(socketsOf && { socketsOf }),
      ]);
      const gone: GoneProcess[] = [];
      const pairs = table.gone;
      if (pairs) for (let i = 0; i + 1 < pairs.length; i += 2) gone.push({ pid: pairs[i]!, createTime: pairs[i + 1]! });
      const rows = rowsOf(table, mask);
      const changes: ProcessTableChanges = { timestamp: table.timestamp, cpuTimesUntil: table.cpuTimesUntil, incremental: table.changesOnly, rows, gone, count: table.total };
      if (gpu !== undefined) {
        withGpu(rows, gpu);
        changes.gpu = [...gpu].map(([pid, share]) => ({ pid, gpu: share }));
      }
      if (net !== undefined) {
        withNet(rows, net);
        changes.net = [...net.processes].map(([pid, use]) => ({ pid, net: use }));
        changes.netOtherUsers = net.otherUsers;
        if (net.sockets) changes.netSockets = [...net.sockets].map(([pid, sockets]) => ({ pid, sockets }));
      }
      return changes;
    } catch (err) {
      // A failed read may have advanced the native side or not: start over whole.
      this.reset();
      throw err;
    }
  }
}
