import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { isFreePort } from "./ports";

const exec = promisify(execFile);
const KAFKA_SCRIPT = resolve(__dirname, "../../../infra/kafka.sh");

/**
 * A Kafka broker of one test's own (infra/kafka.sh with its own state dir and ports, the shared jars):
 * a fault test may kill -9 it and start it again without touching the broker other tests use.
 */
export interface PrivateBroker {
  brokers: string[];
  /** SIGKILL, no shutdown: what a crashed broker or a lost node looks like to clients. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data; resolves when it answers metadata. */
  start(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

/** Two free ports in a row (broker, controller = broker + 1). */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 20000) * 2;
    const free = await Promise.all([port, port + 1].map(isFreePort));
    if (free.every(Boolean)) return port;
  }
  throw new Error("no two free ports in a row for a private Kafka broker");
}

export async function startPrivateBroker(): Promise<PrivateBroker> {
  const port = await freePortPair();
  const state = mkdtempSync(join(tmpdir(), "grassroots-kafka-"));
  const env = { ...process.env, KAFKA_STATE_DIR: state, KAFKA_BROKERS: `127.0.0.1:${port}` };
  const run = (command: string) => exec("bash", [KAFKA_SCRIPT, command], { env, timeout: 120_000 });
  await run("start");
  return {
    brokers: [`127.0.0.1:${port}`],
    kill: async () => {
      const pid = Number(readFileSync(join(state, "kafka.pid"), "utf8").trim());
      process.kill(pid, "SIGKILL");
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the private broker (pid ${pid}) did not die`);
    },
    start: async () => void (await run("start")),
    destroy: async () => {
      await run("stop").catch(() => undefined);
      rmSync(state, { recursive: true, force: true });
    },
  };
}
