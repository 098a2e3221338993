import { randomBytes } from "node:crypto";
import type { CacheRedis } from "./cache-redis";
import type { Generations } from "./write-generations";

const GENERATION = "generation:";
const RETRY_MS = 1000;

/**
 * The write generations (write-generations.ts) of every replica, in the shared store: a write through
 * one replica starts the writer's cached answers afresh on all of them.
 *
 * A write sets a new random value (never one used before, and no counter that a restart could reset)
 * with a TTL of twice the longest answer lifetime: by then every answer cached under the value before
 * it has expired, even one whose read was still running at the write, so forgetting it is safe.
 *
 * When the store cannot be asked the generation is unknown and the request bypasses the cache. A new
 * generation that could not be stored is kept here and sent again when the store answers (on
 * reconnect, and every second); until then this replica bypasses the cache for that caller.
 */
export class SharedWriteGenerations implements Generations {
  private readonly unsent = new Map<string, number>();
  private readonly ttlMs: number;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: CacheRedis,
    maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ttlMs = 2 * maxAgeMs;
    redis.onReady(() => void this.flush());
  }

  async current(sessionId: string): Promise<string | undefined> {
    if (this.unsent.has(sessionId)) return undefined;
    const result = await this.redis.attempt("generation_read", (c) => c.get(GENERATION + sessionId));
    return result && (result.value ?? "0");
  }

  async bump(sessionId: string): Promise<void> {
    this.unsent.delete(sessionId);
    if (await this.store(sessionId)) return;
    this.unsent.set(sessionId, this.now());
    this.scheduleRetry();
  }

  /** Writes whose generation is not in the store yet. */
  get pending(): number {
    return this.unsent.size;
  }

  /** Sends the kept generations; one that is older than the TTL no longer matters and is dropped. */
  async flush(): Promise<void> {
    for (const [sessionId, at] of [...this.unsent]) {
      if (this.now() - at > this.ttlMs || (await this.store(sessionId))) this.unsent.delete(sessionId);
      else break;
    }
    if (this.unsent.size) this.scheduleRetry();
  }

  close(): void {
    clearTimeout(this.retry);
    this.retry = undefined;
  }

  private async store(sessionId: string): Promise<boolean> {
    const value = randomBytes(12).toString("base64url");
    const result = await this.redis.attempt("generation_write", (c) =>
      c.set(GENERATION + sessionId, value, "PX", this.ttlMs),
    );
    return result !== undefined;
  }

  private scheduleRetry(): void {
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.flush();
    }, RETRY_MS);
    this.retry.unref();
  }
}
