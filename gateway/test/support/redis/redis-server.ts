import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { freePort } from "@grassroots/testing";
import Redis from "ioredis";

const exec = promisify(execFile);
const REDIS_SCRIPT = resolve(__dirname, "../../../../infra/redis.sh");

/** The Redis infra/redis.sh runs for the suite (infra/env.sh's REDIS_URL). */
export const SHARED_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6380";

/**
 * A Redis of one test's own (infra/redis.sh with its own state dir and port): a fault test stops,
 * pauses and starts it without touching the one other tests use.
 */
export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: a Redis that holds connections open and answers nothing. */
  pause(): void;
  resume(): void;
  destroy(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "grassroots-redis-"));
  const env = { ...process.env, REDIS_STATE_DIR: state, REDIS_URL: `redis://127.0.0.1:${port}` };
  const run = (command: string) => exec("bash", [REDIS_SCRIPT, command], { env, timeout: 90_000 });
  const signal = (name: NodeJS.Signals) =>
    process.kill(Number(readFileSync(join(state, "redis.pid"), "utf8").trim()), name);
  await run("start");
  return {
    url: env.REDIS_URL,
    stop: async () => void (await run("stop")),
    start: async () => void (await run("start")),
    pause: () => signal("SIGSTOP"),
    resume: () => signal("SIGCONT"),
    destroy: async () => {
      await run("stop").catch(() => undefined);
      rmSync(state, { recursive: true, force: true });
    },
  };
}

/** A plain client for checking what is stored (no prefix: keys as they are in Redis). */
export function inspectRedis(url = SHARED_REDIS_URL): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1 });
}

/** Every key under a prefix. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  return keys;
}
