import { ApiError, CLIENT_CALLS_IN_FLIGHT, CLIENT_CALLS_QUEUED } from '../../shared';

// Calls that run on libuv's worker pool (reading /proc for connections or a
// process's details) are bounded per client and for all clients together:
// without that, one token holder queued 90 getConnections a second and the
// sampler's reads, static files and every other client waited seconds behind
// them, and kept waiting after that client had gone.

/**
 * The worker threads all clients together may hold: one fewer than the pool
 * has, so the sampler's own reads and static file reads always find one.
 */
export function clientPoolShare(poolSize = Number(process.env.UV_THREADPOOL_SIZE) || 4): number {
  return Math.max(1, Math.min(1024, Math.floor(poolSize)) - 1);
}

/** The slots every client's calls draw from; clients waiting for one take turns. */
export class PoolShare {
  private running = 0;
  private readonly waiting: ClientCalls[] = [];

  constructor(readonly slots: number = clientPoolShare()) {}

  /** @internal */
  take(): boolean {
    if (this.running >= this.slots) return false;
    this.running++;
    return true;
  }

  /** @internal */
  release(): void {
    this.running--;
    // The client that has waited longest starts its next call; it queues again behind the others if it has more.
    while (this.running < this.slots && this.waiting.length > 0) this.waiting.shift()!.pump();
  }

  /** @internal */
  wait(client: ClientCalls): void {
    if (!this.waiting.includes(client)) this.waiting.push(client);
  }

  /** @internal */
  forget(client: ClientCalls): void {
    const at = this.waiting.indexOf(client);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  get inFlight(): number {
    return this.running;
  }
}

interface Queued {
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * One client's expensive calls: at most CLIENT_CALLS_IN_FLIGHT running, then
 * CLIENT_CALLS_QUEUED waiting in order; past that a call is refused with BUSY
 * at once. When the client goes, calls that never started are dropped
 * (UNAVAILABLE); those running finish and their answers go nowhere.
 */
export class ClientCalls {
  private running = 0;
  private readonly queue: Queued[] = [];
  private disposed = false;

  constructor(private readonly share: PoolShare) {}

  run<T>(call: () => Promise<T>): Promise<T> {
    if (this.disposed) return Promise.reject(new ApiError({ code: 'UNAVAILABLE', message: 'the client is gone' }));
    if (this.queue.length >= CLIENT_CALLS_QUEUED) {
      return Promise.reject(
        new ApiError({ code: 'BUSY', message: `too many calls at once: ${CLIENT_CALLS_IN_FLIGHT} may run and ${CLIENT_CALLS_QUEUED} wait per client; retry when one has answered` }),
      );
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run: call, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  /** @internal Starts what this client and the share allow. */
  pump(): void {
    while (!this.disposed && this.queue.length > 0 && this.running < CLIENT_CALLS_IN_FLIGHT) {
      if (!this.share.take()) {
        this.share.wait(this);
        return;
      }
      const { run, resolve, reject } = this.queue.shift()!;
      this.running++;
      let call: Promise<unknown>;
      try {
        call = run();
      } catch (err) {
        call = Promise.reject(err);
      }
      call.then(resolve, reject).finally(() => {
        this.running--;
        this.share.release();
        this.pump();
      });
    }
  }

  dispose(): void {
    this.disposed = true;
    this.share.forget(this);
    const dropped = this.queue.splice(0);
    for (const q of dropped) q.reject(new ApiError({ code: 'UNAVAILABLE', message: 'the client is gone' }));
  }
}

/** The host's one share (every transport's clients draw from it). */
export const hostPoolShare = new PoolShare();
