export type Release = () => void;

/** No slot came free in time, or the caller already has as many waiting as it may. */
export class NoSlot extends Error {}

interface Waiter {
  grant(release: Release): void;
  refuse(error: NoSlot): void;
  timer?: NodeJS.Timeout;
}

/**
 * At most `limit` operations in flight. When all slots are taken an operation waits up to
 * `timeoutMs`, in its caller's queue; a freed slot goes to the callers in turn (round robin), not
 * to whoever queued most, so one caller's flood delays another caller by about one operation.
 */
export class FairSlots {
  private inFlight = 0;
  /** Callers with waiting operations, in turn order (a Map keeps insertion order). */
  private readonly queues = new Map<string, Waiter[]>();

  constructor(
    private readonly limit: number,
    private readonly timeoutMs: number,
    private readonly perCaller: number,
  ) {}

  get active(): number {
    return this.inFlight;
  }

  acquire(key: string): Promise<Release> {
    if (this.inFlight < this.limit && this.queues.size === 0) {
      this.inFlight++;
      return Promise.resolve(this.releaser());
    }
    const queue = this.queues.get(key) ?? [];
    if (queue.length >= this.perCaller || this.timeoutMs === 0)
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

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.grantNext();
    };
  }

  private grantNext() {
    while (this.inFlight < this.limit && this.queues.size > 0) {
      const [key, queue] = this.queues.entries().next().value as [string, Waiter[]];
      const waiter = queue.shift()!;
      // The caller goes to the back of the turn order (or leaves it with nothing left waiting).
      this.queues.delete(key);
      if (queue.length > 0) this.queues.set(key, queue);
      clearTimeout(waiter.timer);
      this.inFlight++;
      waiter.grant(this.releaser());
    }
  }
}
