import { randomUUID } from "node:crypto";
import { ConfigError, createLogger, metricsRegistry } from "@grassroots/kit";
import { freePort, waitFor } from "@grassroots/testing";
import type Redis from "ioredis";
import { CacheRedis } from "../src/cache/cache-redis";
import { RedisCache } from "../src/cache/redis-cache";
import { SharedWriteGenerations } from "../src/cache/shared-write-generations";
import { loadGatewayConfig } from "../src/config";
import {
  inspectRedis,
  keysUnder,
  SHARED_REDIS_URL,
  startPrivateRedis,
  type PrivateRedis,
} from "./support/redis/redis-server";

// The pieces of the shared response cache against the real redis-server of infra/redis.sh (and a
// private one for the faults); the two-replica behaviour through processes is in
// e2e/shared-response-cache.e2e.test.ts.

const silent = createLogger("shared-cache-test", "silent");
const opened: { close(): void }[] = [];
let inspect: Redis;

/** A connection as one gateway replica has it, under this test's own prefix. */
async function replica(prefix: string, url = SHARED_REDIS_URL, timeoutMs = 250, ready = true) {
  const redis = new CacheRedis({ url, keyPrefix: prefix, timeoutMs }, silent);
  opened.push(redis);
  if (ready) await waitFor(() => redis.client.status === "ready", "the cache's Redis connection");
  return redis;
}

function generationsOf(redis: CacheRedis, maxAgeMs = 60_000) {
  const generations = new SharedWriteGenerations(redis, maxAgeMs);
  opened.push(generations);
  return generations;
}

async function failures(operation: string, reason: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric("gateway_response_cache_store_failures_total")!.get();
  return metric.values
    .filter((v) => v.labels.operation === operation && v.labels.reason === reason)
    .reduce((sum, v) => sum + v.value, 0);
}

const prefix = () => `grassroots:gateway:test-${randomUUID()}:`;

beforeAll(() => {
  inspect = inspectRedis();
});

afterAll(async () => {
  for (const o of opened) o.close();
  inspect.disconnect();
});

describe("#16: configuration of the shared response cache", () => {
  const minimal = { INTERNAL_SECRET: "0123456789abcdef", JWT_SECRET: "x".repeat(32) };

  it("empty by default (the in-memory cache), namespaced grassroots:gateway:, bounded calls and entries", () => {
    expect(loadGatewayConfig(minimal)).toMatchObject({
      RESPONSE_CACHE_REDIS_URL: "",
      RESPONSE_CACHE_REDIS_PREFIX: "grassroots:gateway:",
      RESPONSE_CACHE_REDIS_TIMEOUT_MS: 250,
      RESPONSE_CACHE_REDIS_MAX_ENTRY_KB: 1024,
    });
    expect(
      loadGatewayConfig({ ...minimal, RESPONSE_CACHE_REDIS_URL: "rediss://cache:6380/0" })
        .RESPONSE_CACHE_REDIS_URL,
    ).toBe("rediss://cache:6380/0");
  });

  it("refuses a URL that is not redis:// or rediss://, and a time bound under 10 ms, naming the variables", () => {
    let problems: string[] = [];
    try {
      loadGatewayConfig({
        ...minimal,
        RESPONSE_CACHE_REDIS_URL: "http://cache:6379",
        RESPONSE_CACHE_REDIS_TIMEOUT_MS: "5",
      });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      "RESPONSE_CACHE_REDIS_URL: expected a redis or rediss URL (or empty: the in-memory cache)",
      expect.stringMatching(/^RESPONSE_CACHE_REDIS_TIMEOUT_MS: /),
    ]);
  });
});

describe("#16: RedisCache (the cached answers, shared by the replicas)", () => {
  it("what one replica stores another reads, under the prefix, each entry with a TTL no longer than the maximum age", async () => {
    const p = prefix();
    const a = new RedisCache(await replica(p), { maxTtlSeconds: 60, maxEntryBytes: 1024 });
    const b = new RedisCache(await replica(p), { maxTtlSeconds: 60, maxEntryBytes: 1024 });
    await a.set("fqc:one", "answer one", { ttl: 15 });
    await a.set("fqc:two", "answer two", { ttl: 3600 });
    await a.set("fqc:three", "answer three");
    expect(await b.get("fqc:one")).toBe("answer one");
    expect(await b.get("fqc:missing")).toBeUndefined();
    expect((await keysUnder(inspect, p)).sort()).toEqual(
      [`${p}answer:fqc:one`, `${p}answer:fqc:three`, `${p}answer:fqc:two`].sort(),
    );
    const ttl = async (k: string) => inspect.pttl(`${p}answer:${k}`);
    expect(await ttl("fqc:one")).toBeGreaterThan(0);
    expect(await ttl("fqc:one")).toBeLessThanOrEqual(15_000);
    expect(await ttl("fqc:two")).toBeLessThanOrEqual(60_000);
    expect(await ttl("fqc:three")).toBeLessThanOrEqual(60_000);
    expect(await ttl("fqc:three")).toBeGreaterThan(0);
    expect(await b.delete("fqc:one")).toBe(true);
    expect(await a.get("fqc:one")).toBeUndefined();
  });

  it("an answer larger than the entry cap is not stored, and a zero TTL stores nothing", async () => {
    const p = prefix();
    const cache = new RedisCache(await replica(p), { maxTtlSeconds: 60, maxEntryBytes: 100 });
    await cache.set("fqc:big", "x".repeat(101));
    await cache.set("fqc:fits", "x".repeat(100));
    await cache.set("fqc:zero", "x", { ttl: 0 });
    expect(await keysUnder(inspect, p)).toEqual([`${p}answer:fqc:fits`]);
  });
});

describe("#16: SharedWriteGenerations (a caller's write, seen by every replica)", () => {
  it("a write through one replica moves the writer's generation on the other, never back to a value used before", async () => {
    const p = prefix();
    const a = generationsOf(await replica(p));
    const b = generationsOf(await replica(p));
    expect(await b.current("access-1")).toBe("0");
    const seen = new Set<string | undefined>(["0"]);
    for (let i = 0; i < 20; i++) {
      await (i % 2 ? a : b).bump("access-1");
      const now = await b.current("access-1");
      expect(await a.current("access-1")).toBe(now);
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    }
    // Others' generations are their own.
    expect(await a.current("access-2")).toBe("0");
  });

  it("each generation lives twice the longest answer lifetime in Redis, then is forgotten", async () => {
    const p = prefix();
    const a = generationsOf(await replica(p), 30_000);
    await a.bump("access-1");
    const ttl = await inspect.pttl(`${p}generation:access-1`);
    expect(ttl).toBeGreaterThan(30_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    const short = generationsOf(await replica(p), 100);
    await short.bump("access-2");
    await waitFor(async () => (await inspect.exists(`${p}generation:access-2`)) === 0, "the TTL to run out");
    expect(await short.current("access-2")).toBe("0");
  });
});

describe("#16: Redis unreachable or stalled: no answer from the cache, promptly, counted", () => {
  let priv: PrivateRedis;

  beforeAll(async () => {
    priv = await startPrivateRedis();
  }, 120000);

  afterAll(async () => {
    await priv?.destroy();
  });

  it("a closed port: every call answers undefined at once, counted as unavailable", async () => {
    const closed = `redis://127.0.0.1:${await freePort()}`;
    const redis = await replica(prefix(), closed, 250, false);
    const cache = new RedisCache(redis, { maxTtlSeconds: 60, maxEntryBytes: 1024 });
    const generations = generationsOf(redis);
    const before = await failures("read", "unavailable");
    const started = Date.now();
    expect(await cache.get("fqc:one")).toBeUndefined();
    await cache.set("fqc:one", "answer");
    expect(await cache.get("fqc:one")).toBeUndefined();
    expect(await generations.current("access-1")).toBeUndefined();
    const elapsed = Date.now() - started;
    expect((await failures("read", "unavailable")) - before).toBe(2);
    expect(await failures("generation_read", "unavailable")).toBeGreaterThan(0);
    process.stdout.write(`#16: four calls to a closed port answered in ${elapsed} ms\n`);
  });

  it("a stalled Redis (SIGSTOP): the first call gives up at the time bound, the next ones skip it; answers again once resumed", async () => {
    const p = prefix();
    const redis = await replica(p, priv.url, 200);
    const cache = new RedisCache(redis, { maxTtlSeconds: 60, maxEntryBytes: 1024 });
    await cache.set("fqc:one", "answer");
    expect(await cache.get("fqc:one")).toBe("answer");
    const failedBefore = await failures("read", "failed");
    const skippedBefore = await failures("read", "unavailable");
    priv.pause();
    try {
      const started = Date.now();
      expect(await cache.get("fqc:one")).toBeUndefined();
      const first = Date.now() - started;
      expect(await cache.get("fqc:one")).toBeUndefined();
      expect(await cache.get("fqc:one")).toBeUndefined();
      const all = Date.now() - started;
      expect((await failures("read", "failed")) - failedBefore).toBe(1);
      expect((await failures("read", "unavailable")) - skippedBefore).toBe(2);
      process.stdout.write(
        `#16: stalled Redis: first read gave up after ${first} ms, three reads ${all} ms\n`,
      );
    } finally {
      priv.resume();
    }
    await waitFor(
      async () => (await cache.get("fqc:one")) === "answer",
      "the cache to answer again",
      10000,
      200,
    );
  });

  it("a write whose generation could not be stored bypasses the writer's cache on its replica and is sent once Redis is back", async () => {
    const p = prefix();
    const a = generationsOf(await replica(p, priv.url));
    const b = generationsOf(await replica(p, priv.url));
    await a.bump("writer");
    const before = await b.current("writer");
    await priv.stop();
    try {
      await a.bump("writer");
      expect(a.pending).toBe(1);
      expect(await a.current("writer")).toBeUndefined();
      expect(await b.current("writer")).toBeUndefined();
    } finally {
      await priv.start();
    }
    // Redis restarted empty: the generation kept on A is stored again, a value never used before.
    await waitFor(() => a.pending === 0, "the kept generation to be sent", 20000, 100);
    const after = await waitFor(() => b.current("writer"), "B to read the generation", 10000, 100);
    expect(after).not.toBe("0");
    expect(after).not.toBe(before);
    expect(await a.current("writer")).toBe(after);
  });
});
