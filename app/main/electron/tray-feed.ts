import { applyDelta, type ProcessRow, type Snapshot, type Topic } from '../../shared';
import type { ClientApi } from '../core/api';
import type { TrayIconInput } from './tray-icon';
import { topByCpu, topByGpu, trayTooltip, type ProcessPeek, type TopProcess, type TrayRank } from './tray-model';

// The tray's own client of the host. It asks for what the tray shows and no
// more: CPU and memory (always sampled), network rates and sensors for the
// tooltip. The process table, the costliest read, is not subscribed: every
// PEEK_MS the feed asks for it for one tick, keeps that table, and lets the
// topic go, so the top-5 menu costs one table read per PEEK_MS, hidden or not.

export const TRAY_TOPICS: readonly Topic[] = ['network', 'sensors'];
export const PEEK_MS = 5000;
/** More columns than the largest icon has, so every size is full. */
const CPU_HISTORY = 48;

export interface TrayView {
  icon: Omit<TrayIconInput, 'size'>;
  tooltip: string;
  /** null until a process table has been read. */
  top: TopProcess[] | null;
  /** What `top` ranks by. */
  rank: TrayRank;
  paused: boolean;
}

export interface Timers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export class TrayFeed {
  private cpu: (number | null)[] = [];
  private latest: Snapshot | null = null;
  private prevPeek: ProcessPeek | null = null;
  private top: TopProcess[] | null = null;
  private peeking = false;
  private paused = false;
  private rank: TrayRank = 'cpu';
  private off: (() => void) | null = null;
  private timer: unknown = null;

  constructor(
    private readonly api: ClientApi,
    private readonly onView: (view: TrayView) => void,
    private readonly options: { exclude?: ReadonlySet<number>; timers?: Timers; peekEveryMs?: number } = {},
  ) {}

  async start(): Promise<void> {
    await this.api.setTopics({ topics: [...TRAY_TOPICS] });
    this.off = this.api.onSnapshot((s) => this.onSnapshot(s));
    const last = await this.api.getSnapshot();
    if (last) this.take(last);
    this.requestPeek();
    this.schedulePeeks();
  }

  stop(): void {
    this.off?.();
    this.off = null;
    this.unschedule();
    this.api.dispose();
  }

  get view(): TrayView {
    return {
      icon: { cpuHistory: this.cpu, memoryPercent: this.latest?.memory.percent ?? 0, paused: this.paused },
      tooltip: trayTooltip(this.latest, this.paused),
      top: this.top,
      rank: this.rank,
      paused: this.paused,
    };
  }

  /** Ranks the top list by CPU or by GPU; the list starts over (measuring…) from the next peek. */
  setRank(rank: TrayRank): void {
    if (rank === this.rank) return;
    this.rank = rank;
    this.top = null;
    this.prevPeek = null;
    this.onView(this.view);
    this.requestPeek();
  }

  /** Paused: the tray keeps showing the last tick (in grey) and reads no process tables. */
  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (paused) this.unschedule();
    else {
      this.requestPeek();
      this.schedulePeeks();
    }
    this.onView(this.view);
  }

  /** Read the process table on the next tick (also when the menu or popup is about to be shown). */
  requestPeek(): void {
    if (this.peeking || this.paused) return;
    this.peeking = true;
    // By GPU, the peek's table carries each row's GPU share too (read only for that tick, as the rest of the table).
    void this.api.setTopics({ topics: [...TRAY_TOPICS, 'processes', ...(this.rank === 'gpu' ? (['processGpu'] as const) : [])] });
  }

  private schedulePeeks(): void {
    const timers = this.options.timers ?? { setInterval: (fn, ms) => setInterval(fn, ms).unref(), clearInterval: (h) => clearInterval(h as NodeJS.Timeout) };
    this.unschedule();
    this.timer = timers.setInterval(() => this.requestPeek(), this.options.peekEveryMs ?? PEEK_MS);
  }

  private unschedule(): void {
    if (this.timer === null) return;
    (this.options.timers ?? { clearInterval: (h: unknown) => clearInterval(h as NodeJS.Timeout) }).clearInterval(this.timer);
    this.timer = null;
  }

  private take(s: Snapshot): void {
    if (this.latest && s.seq <= this.latest.seq) return;
    this.latest = s;
    this.cpu.push(s.cpu ? s.cpu.percent : null);
    if (this.cpu.length > CPU_HISTORY) this.cpu.splice(0, this.cpu.length - CPU_HISTORY);
  }

  /** The process table as the stream last gave it (a whole table, or changes against the one before). */
  private table: { seq: number; rows: ProcessRow[] } | null = null;

  private rowsOf(s: Snapshot): ProcessRow[] | null {
    const d = s.processDelta;
    if (!d) return null;
    const rows = d.base === null ? d.rows : this.table && this.table.seq === d.base ? applyDelta(this.table.rows, d) : null;
    this.table = rows ? { seq: s.seq, rows } : null;
    return rows;
  }

  /** Returns false when a change list did not fit the table held, so the host sends the whole table next tick. */
  private onSnapshot(s: Snapshot): boolean {
    if (this.paused) return true;
    this.take(s);
    const rows = this.rowsOf(s);
    if (s.processDelta && !rows) return false;
    if (this.peeking && rows) {
      const peek = { time: s.time, rows };
      const first = this.prevPeek === null;
      // One table has CPU times but no rates unless the tick before read one too: then wait for the second.
      // By GPU the rows' own shares rank: each a rate since the host's previous GPU read, so the second table that has them gives the list.
      const byGpu = this.rank === 'gpu';
      const gpuRead = byGpu && rows.some((r) => r.gpu !== undefined);
      const ranked = byGpu ? topByGpu(peek, 5, this.options.exclude) : topByCpu(this.prevPeek, peek, 5, this.options.exclude);
      if (byGpu ? !first && gpuRead : !first || ranked.length > 0) this.top = ranked;
      this.prevPeek = peek;
      this.peeking = false;
      void this.api.setTopics({ topics: [...TRAY_TOPICS] });
      // The first list needs a second table: read it on the next tick rather than PEEK_MS later.
      if (first) this.requestPeek();
    }
    this.onView(this.view);
    return true;
  }
}
