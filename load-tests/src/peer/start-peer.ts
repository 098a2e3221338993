import { freePort, testEnv } from "@grassroots/testing";
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { gatewayEndpoint, type Caller, type Endpoint } from "../driver/endpoint";
import { ROOT } from "../generate/tools";

export interface RunningPeer {
  name: "hive";
  url: string;
  pid: number;
  /** Whether the peer shares identical in-flight subgraph fetches (stated in the report). */
  deduplicate: boolean;
  endpoint: Endpoint;
  stop(): Promise<void>;
}

export interface PeerOptions {
  subgraphUrls: Record<string, string>;
  /** The same tokens our gateway gets (the suite's `token`). */
  token: (caller: Caller) => Promise<string>;
  /** Hive's deduplicateInflightRequests (default true: ours shares such fetches by default too). */
  deduplicate?: boolean;
  supergraphPath?: string;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once("exit", () => r()));

/**
 * Starts Hive Gateway (src/peer/hive-gateway.ts) in its own process on a free port of 127.0.0.1 with
 * the committed supergraph (the one our gateway serves) pointed at the suite's subgraphs; resolves once
 * it answers its readiness check.
 */
export async function startHivePeer(options: PeerOptions): Promise<RunningPeer> {
  const port = await freePort();
  const deduplicate = options.deduplicate ?? true;
  const child = spawn(
    process.execPath,
    [
      // The built file, also when a test runs this module from src/ (build first, as for the suite).
      resolve(ROOT, "load-tests/dist/peer/hive-gateway.js"),
      "--port",
      String(port),
      "--supergraph",
      options.supergraphPath ?? resolve(ROOT, "gateway/supergraph.graphql"),
      "--subgraphs",
      JSON.stringify(options.subgraphUrls),
      "--dedupe",
      deduplicate ? "yes" : "no",
    ],
    {
      env: { ...process.env, NODE_ENV: "production", INTERNAL_SECRET: testEnv.internalSecret },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  const stop = async () => {
    const gone = exited(child);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await gone;
  };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/readiness`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error("Hive Gateway was not ready within 60 s");
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    name: "hive",
    url: `${base}/graphql`,
    pid: child.pid!,
    deduplicate,
    endpoint: { ...gatewayEndpoint(`${base}/graphql`, options.token), label: "peer:hive" },
    stop,
  };
}
