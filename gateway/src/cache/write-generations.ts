/**
 * Where the write generations live: this process (WriteGenerations, one replica) or the shared store
 * (SharedWriteGenerations, several replicas). `undefined`: not known right now, the cache is bypassed.
 */
export interface Generations {
  current(sessionId: string): number | string | undefined | Promise<number | string | undefined>;
  bump(sessionId: string): void | Promise<void>;
}

/**
 * A caller's own writes must show at once in their next read, even though reads are cached: every
 * successful mutation moves the caller's generation, and the generation is part of the cache key.
 *
 * Generations come from one counter, so a value is never reused. An entry is dropped once it is older
 * than the longest a cached answer may live: by then every answer cached before that write has expired,
 * so forgetting it (reading generation 0 again) cannot bring a stale answer back.
 */
export class WriteGenerations implements Generations {
  private readonly bySession = new Map<string, { generation: number; at: number }>();
  private counter = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  current(sessionId: string): number {
    return this.bySession.get(sessionId)?.generation ?? 0;
  }

  bump(sessionId: string): void {
    const at = this.now();
    this.prune(at);
    // Re-inserting keeps the Map in write order, so pruning stops at the first young entry.
    this.bySession.delete(sessionId);
    this.bySession.set(sessionId, { generation: ++this.counter, at });
  }

  get size(): number {
    return this.bySession.size;
  }

  private prune(now: number): void {
    for (const [sessionId, entry] of this.bySession) {
      if (now - entry.at <= this.maxAgeMs) break;
      this.bySession.delete(sessionId);
    }
  }
}
