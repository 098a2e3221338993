import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Logger } from "@grassroots/kit";
import { CacheRedis } from "./cache-redis";
import { RedisCache } from "./redis-cache";
import { SharedWriteGenerations } from "./shared-write-generations";
import type { Generations } from "./write-generations";

export interface SharedStoreOptions {
  url: string;
  keyPrefix: string;
  timeoutMs: number;
  /** The longest an answer lives (the cache's maxAge). */
  maxAgeSeconds: number;
  maxEntryBytes: number;
}

/** What every replica shares: the cached answers and the write generations that guard them. */
export interface SharedResponseStore {
  cache: KeyValueCache<string>;
  generations: Generations;
  close(): void;
}

/** The response cache's store in Redis, for several gateway replicas (RESPONSE_CACHE_REDIS_URL). */
export function redisResponseStore(options: SharedStoreOptions, logger: Logger): SharedResponseStore {
  const redis = new CacheRedis(
    { url: options.url, keyPrefix: options.keyPrefix, timeoutMs: options.timeoutMs },
    logger.child({ component: "response-cache-redis" }),
  );
  const generations = new SharedWriteGenerations(redis, options.maxAgeSeconds * 1000);
  return {
    cache: new RedisCache(redis, {
      maxTtlSeconds: options.maxAgeSeconds,
      maxEntryBytes: options.maxEntryBytes,
    }),
    generations,
    close: () => {
      generations.close();
      redis.close();
    },
  };
}
