/** Buckets kept at most; past it, full ones (no different from a new one) are dropped, then the oldest. */
const MAX_BUCKETS = 100_000;

/**
 * A token bucket per caller: `burst` operations at once, then `ratePerSecond` on average. A bucket
 * that has filled up again is the same as none, so memory holds only callers who sent recently.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes a token for the caller: 0 when there was one, else the seconds until there is. */
  take(key: string): number {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.ratePerSecond);
      bucket.at = now;
    } else {
      if (this.buckets.size >= MAX_BUCKETS) this.sweep(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return (1 - bucket.tokens) / this.ratePerSecond;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number) {
    for (const [key, { tokens, at }] of this.buckets)
      if (tokens + ((now - at) / 1000) * this.ratePerSecond >= this.burst) this.buckets.delete(key);
    // Map order is insertion order: what is left over the bound goes oldest first.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < MAX_BUCKETS) break;
      this.buckets.delete(key);
    }
  }
}
