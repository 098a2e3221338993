export type Release = () => void;

/** No slot came free in time, or the caller already has as many waiting as it may. */
export class NoSlot extends Error {}

interface Waiter {
  grant(release: Release): void;
  refuse(error: NoSlot): void;
  timer?: NodeJS.Timeout;
}

/**
 * At most `limit` operations in flight, and at most `perCallerInFlight` of one caller, so a flood of
 * one token always leaves slots for the others. An operation that cannot start waits up to
 * `timeoutMs` in its caller's queue (at most `perCallerWaiting` of them); a freed slot goes to the
 * waiting callers in turn (round robin), not to whoever queued most.
 */
export class FairSlots {
  private inFlight = 0;
  private readonly held = new Map<string, number>();
  /** Callers with waiting operations, in turn order (a Map keeps insertion order). */
  private readonly queues = new Map<string, Waiter[]>();

  constructor(
    private readonly limit: number,
    private readonly timeoutMs: number,
    private readonly perCallerWaiting: number,
    private readonly perCallerInFlight = limit,
  ) {}

  get active(): number {
    return this.inFlight;
  }

  acquire(key: string): Promise<Release> {
    // After every release the eligible waiters have been served, so a caller with none waiting may start.
    if (this.canStart(key) && !this.queues.has(key)) return Promise.resolve(this.start(key));
    const queue = this.queues.get(key) ?? [];
    if (queue.length >= this.perCallerWaiting || this.timeoutMs === 0)
      return Promise.reject(new NoSlot("this caller already has operations waiting"));
    return new Promise<Release>((grant, refuse) => {
      const waiter: Waiter = { grant, refuse };
      waiter.timer = setTimeout(() => {
        const waiting = this.queues.get(key);
        const at = waiting?.indexOf(waiter) ?? -1;
        if (waiting && at >= 0) waiting.splice(at, 1);
        if (waiting?.length === 0) this.queues.delete(key);
        refuse(new NoSlot(`no slot came free within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      queue.push(waiter);
      if (!this.queues.has(key)) this.queues.set(key, queue);
    });
  }

  private canStart(key: string): boolean {
    return this.inFlight < this.limit && (this.held.get(key) ?? 0) < this.perCallerInFlight;
  }

  private start(key: string): Release {
    this.inFlight++;
    this.held.set(key, (this.held.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      const left = this.held.get(key)! - 1;
      if (left === 0) this.held.delete(key);
      else this.held.set(key, left);
      this.grantNext();
    };
  }

  private grantNext() {
    let granted = true;
    while (granted && this.inFlight < this.limit) {
      granted = false;
      for (const [key, queue] of this.queues) {
        if (!this.canStart(key)) continue;
        const waiter = queue.shift()!;
        // The caller goes to the back of the turn order (or leaves it with nothing left waiting).
        this.queues.delete(key);
        if (queue.length > 0) this.queues.set(key, queue);
        clearTimeout(waiter.timer);
        waiter.grant(this.start(key));
        granted = true;
        break;
      }
    }
  }
}
