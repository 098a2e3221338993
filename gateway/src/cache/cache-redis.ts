import type { Logger } from "@grassroots/kit";
import Redis from "ioredis";
import { gatewayCacheStoreFailures, type StoreOperation } from "./cache-metrics";

export interface CacheRedisOptions {
  url: string;
  /** Namespace of every key (`grassroots:gateway:`), so other systems can share the Redis. */
  keyPrefix: string;
  /** The longest one call may take; past it the request goes on without the cache. */
  timeoutMs: number;
  /** After a failure, calls are skipped this long instead of each waiting out the time bound. */
  restMs?: number;
}

/**
 * The gateway's connection to the shared cache store. The cache is optional, so Redis being down or
 * slow never fails or stalls a request: every call is time-bounded (commandTimeout), nothing waits
 * for a connection (no offline queue), a failure answers `undefined` and is counted, and the client
 * reconnects in the background. A state change is logged once, never a key.
 */
export class CacheRedis {
  readonly client: Redis;
  private readonly restMs: number;
  private restUntil = 0;
  private failing = false;
  private readonly readyListeners: (() => void)[] = [];

  constructor(
    options: CacheRedisOptions,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.restMs = options.restMs ?? 1000;
    this.client = new Redis(options.url, {
      keyPrefix: options.keyPrefix,
      commandTimeout: options.timeoutMs,
      // Generous: a connection being made holds no request (they skip the cache meanwhile).
      connectTimeout: 10000,
      disconnectTimeout: options.timeoutMs,
      enableOfflineQueue: false,
      // A command caught by a dropped connection fails at once instead of waiting for the reconnect.
      maxRetriesPerRequest: 0,
      retryStrategy: (times) => Math.min(times * 100, 2000),
    });
    this.client.on("error", (error: Error) => this.markFailing(error));
    this.client.on("ready", () => {
      this.restUntil = 0;
      this.markAnswering();
      for (const listener of this.readyListeners) listener();
    });
  }

  /** Called each time the connection is (re)established. */
  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
  }

  /** Runs one call if the store can take it; `undefined` when it was skipped or failed. */
  async attempt<T>(
    operation: StoreOperation,
    call: (client: Redis) => Promise<T>,
  ): Promise<{ value: T } | undefined> {
    if (this.client.status !== "ready" || this.now() < this.restUntil) {
      gatewayCacheStoreFailures.inc({ operation, reason: "unavailable" });
      return undefined;
    }
    try {
      const value = await call(this.client);
      this.markAnswering();
      return { value };
    } catch (error) {
      gatewayCacheStoreFailures.inc({ operation, reason: "failed" });
      this.restUntil = this.now() + this.restMs;
      this.markFailing(error as Error);
      return undefined;
    }
  }

  close(): void {
    this.client.disconnect();
  }

  private markFailing(error: Error): void {
    if (this.failing) return;
    this.failing = true;
    this.logger.warn(
      { err: error.message },
      "shared response cache (Redis) unreachable or failing: answering uncached until it answers again",
    );
  }

  private markAnswering(): void {
    if (!this.failing) return;
    this.failing = false;
    this.logger.info("shared response cache (Redis) answers again");
  }
}
