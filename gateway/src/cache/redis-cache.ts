import type { KeyValueCache, KeyValueCacheSetOptions } from "@apollo/utils.keyvaluecache";
import type { CacheRedis } from "./cache-redis";

export interface RedisCacheOptions {
  /** The longest an entry lives, whatever the caller's ttl (the cache's maxAge). */
  maxTtlSeconds: number;
  /** Larger answers are not stored (computed each time), so one huge answer cannot crowd out the rest. */
  maxEntryBytes: number;
}

const ANSWER = "answer:";

/**
 * Apollo's KeyValueCache over the shared store, for the response cache plugin: every entry has a
 * TTL, so nothing grows without bound. Keys are the plugin's hashes: no identity in them. A failed
 * or skipped call reads as a miss and a write not made.
 */
export class RedisCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: CacheRedis,
    private readonly options: RedisCacheOptions,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const result = await this.redis.attempt("read", (c) => c.get(ANSWER + key));
    return result?.value ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (Buffer.byteLength(value) > this.options.maxEntryBytes) return;
    const ttlSeconds = Math.min(options?.ttl ?? this.options.maxTtlSeconds, this.options.maxTtlSeconds);
    if (!(ttlSeconds > 0)) return;
    await this.redis.attempt("write", (c) => c.set(ANSWER + key, value, "PX", Math.ceil(ttlSeconds * 1000)));
  }

  async delete(key: string): Promise<boolean> {
    const result = await this.redis.attempt("write", (c) => c.del(ANSWER + key));
    return (result?.value ?? 0) > 0;
  }
}
