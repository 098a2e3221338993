import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { orgUnitIdForCode, type Role } from "@grassroots/kit";
import { freePort, testEnv, waitFor, type RunningSuite } from "@grassroots/testing";
import { signDevToken } from "../../../src/auth/dev-token";
import { DEFAULT_JWT_AUDIENCE, DEFAULT_JWT_ISSUER } from "../../../src/config";

const GATEWAY_DIR = resolve(__dirname, "../../..");

/** The secret of the replicas' tokens: the suite's own gateway is started with it too (gatewayEnv). */
export const REPLICA_JWT_SECRET = "replica-test-jwt-secret-0123456789abcdef";

/** A token the replicas accept, for a role at a home unit (a 12-digit division code). */
export const replicaToken = (role: Role, code: string, sub = `test-${role.toLowerCase()}`) =>
  signDevToken(
    { sub, roles: [role], org: orgUnitIdForCode(code) },
    {
      secret: REPLICA_JWT_SECRET,
      issuer: DEFAULT_JWT_ISSUER,
      audience: DEFAULT_JWT_AUDIENCE,
      ttlSeconds: 600,
    },
  );

export interface GatewayReplica {
  url: string;
  /** Requests this process has sent to a subgraph so far (its own /metrics). */
  subgraphCalls(subgraph: string): Promise<number>;
  /** The sum of a counter's samples whose labels include `labels` (its own /metrics). */
  counter(name: string, labels?: string): Promise<number>;
  stop(): Promise<void>;
}

/** Sums the samples of a metric in a /metrics text, keeping those whose labels include `labels`. */
function sumOf(text: string, name: string, labels = ""): number {
  return text
    .split("\n")
    .filter((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && l.includes(labels))
    .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
}

/** Another gateway process (built dist/main.js) over the suite's running subgraphs. */
export async function startGatewayReplica(
  suite: RunningSuite,
  env: Record<string, string>,
): Promise<GatewayReplica> {
  const port = await freePort();
  const overrides = Object.fromEntries(
    Object.entries(suite.subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]),
  );
  const child: ChildProcess = spawn(process.execPath, ["dist/main.js"], {
    cwd: GATEWAY_DIR,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: process.env.SUITE_LOG_LEVEL ?? "warn",
      PORT: String(port),
      INTERNAL_SECRET: testEnv.internalSecret,
      JWT_MODE: "hs256",
      JWT_SECRET: REPLICA_JWT_SECRET,
      ...overrides,
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`gateway replica exited with ${child.exitCode}`);
      return (await fetch(`${base}/health/ready`)).ok;
    },
    "the gateway replica to be ready",
    60000,
    250,
  );
  const metrics = async () =>
    (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${testEnv.internalSecret}` } })
    ).text();
  return {
    url: `${base}/graphql`,
    subgraphCalls: async (subgraph) =>
      sumOf(await metrics(), "gateway_subgraph_request_duration_seconds_count", `subgraph="${subgraph}"`),
    counter: async (name, labels) => sumOf(await metrics(), name, labels),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      await gone;
    },
  };
}
