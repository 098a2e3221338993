import { startSuite, testEnv, type RunningSuite } from "@grassroots/testing";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Client } from "pg";
import { gatewayEndpoint, subgraphEndpoint, type Endpoint } from "../driver/endpoint";
import { progress, seconds } from "./progress";
import { ROOT } from "./tools";

/** What the benchmark changes in the suite's environment (stated in the report). */
export const BENCH_ENV: Record<string, string> = {
  // The 500-statistician fan-out costs ~55,000 by the gateway's measure (a list field without `first`
  // counts 10); the default MAX_COST of 5000 refuses it. Operators running it set MAX_COST likewise.
  MAX_COST: "100000",
  MAX_ALIASES: "30",
  SUITE_LOG_LEVEL: "warn",
};

export interface Bench {
  suite: RunningSuite;
  services: string[];
  gateway: Endpoint;
  subgraph(name: string): Endpoint;
  /** A connection to a service's database (kept open; closed by stop). */
  db(service: string): Promise<Client>;
  /** Waits until every outbox is sent and every inbox stopped growing. */
  settle(what: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The subgraphs the gateway composes, in its order (organization first: the others learn from it). */
export function registeredSubgraphs(): string[] {
  // LOAD_TESTS_SERVICES=organization,personnel narrows the set (while a service does not start).
  const only = process.env.LOAD_TESTS_SERVICES?.split(",").filter(Boolean);
  const list = JSON.parse(readFileSync(resolve(ROOT, "gateway/subgraphs.json"), "utf8")) as {
    name: string;
  }[];
  const names = list.map((s) => s.name);
  return ["organization", ...names.filter((n) => n !== "organization")].filter(
    (n) => names.includes(n) && (!only || only.includes(n)),
  );
}

/**
 * The suite as real processes (the testing package's startSuite): every registered subgraph on a
 * throwaway database, its own Kafka topic prefix, the gateway on a free port, 127.0.0.1 only.
 */
export async function startBench(env: Record<string, string> = {}): Promise<Bench> {
  Object.assign(process.env, BENCH_ENV, env);
  const services = registeredSubgraphs();
  const started = Date.now();
  progress(`starting ${services.join(", ")} and the gateway on throwaway databases`);
  const suite = await startSuite(services);
  progress(`suite up in ${seconds(Date.now() - started)} s: gateway ${suite.gatewayUrl}`);
  const clients = new Map<string, Client>();
  const db = async (service: string) => {
    let client = clients.get(service);
    if (!client) {
      client = new Client({ connectionString: suite.databases[service].url, application_name: "load-tests" });
      await client.connect();
      clients.set(service, client);
    }
    return client;
  };
  const settle = async (what: string, timeoutMs = 600_000) => {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    let stableSince = Date.now();
    let shown = 0;
    for (;;) {
      const counts: string[] = [];
      let pending = 0;
      for (const service of services) {
        const [row] = (
          await (
            await db(service)
          ).query(
            `SELECT (SELECT count(*)::int FROM outbox WHERE sent_at IS NULL) AS pending, (SELECT count(*)::int FROM inbox) AS handled`,
          )
        ).rows;
        pending += row.pending;
        counts.push(`${service} ${row.handled}`);
      }
      const now = `${pending}|${counts.join(",")}`;
      if (now !== last) {
        last = now;
        stableSince = Date.now();
      }
      if (pending === 0 && Date.now() - stableSince > 3000) return;
      if (Date.now() - shown > 10000) {
        shown = Date.now();
        progress(`${what}: waiting for events to settle (unsent ${pending}; handled ${counts.join(", ")})`);
      }
      if (Date.now() > deadline) {
        progress(`${what}: events still flowing after ${timeoutMs / 1000} s; going on`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  return {
    suite,
    services,
    gateway: gatewayEndpoint(suite.gatewayUrl, (caller) => suite.token(caller.role, caller.home)),
    subgraph: (name) => subgraphEndpoint(name, suite.subgraphUrls[name], testEnv.internalSecret),
    db,
    settle,
    stop: async () => {
      for (const client of clients.values()) await client.end().catch(() => undefined);
      await suite.stop();
    },
  };
}
