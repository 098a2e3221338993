/**
 * One computation per key at a time: when a cached answer expires under load, the callers asking for
 * it at that moment wait for the first one's answer instead of each recomputing the whole dashboard.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T | undefined>>();

  /** The running computation of `key`, if another caller started one. */
  running(key: string): Promise<T | undefined> | undefined {
    return this.pending.get(key);
  }

  /** Marks `key` as being computed; the returned function settles it (undefined: not shareable). */
  start(key: string): (result: T | undefined) => void {
    let settle!: (result: T | undefined) => void;
    this.pending.set(
      key,
      new Promise<T | undefined>((resolve) => {
        settle = resolve;
      }),
    );
    let done = false;
    return (result) => {
      if (done) return;
      done = true;
      this.pending.delete(key);
      settle(result);
    };
  }
}
