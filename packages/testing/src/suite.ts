import { orgUnitIdForCode, type Role } from "@grassroots/kit";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { SignJWT } from "jose";
import {
  createTestDatabase,
  freePort,
  testEnv,
  uniqueName,
  waitFor,
  type PgServer,
  type TestDatabase,
} from "@grassroots/test-infra";
import { deleteTopicsWithPrefix } from "./event-fixtures";

const ROOT = resolve(__dirname, "../../..");
const JWT_SECRET = "suite-test-jwt-secret-0123456789abcdef";

export interface RunningSuite {
  gatewayUrl: string;
  /** KAFKA_TOPIC_PREFIX of this run: its topics are `${topicPrefix}grassroots.…`, apart from other runs'. */
  topicPrefix: string;
  subgraphUrls: Record<string, string>;
  databases: Record<string, TestDatabase>;
  /** A signed token for a role at a home unit (a 12-digit division code or an org unit id). */
  token(role: Role, org: string, sub?: string, name?: string): Promise<string>;
  /** Kills one subgraph's process (SIGKILL by default: a crash, no drain) and waits until it is gone. */
  kill(service: string, signal?: NodeJS.Signals): Promise<void>;
  /**
   * Starts a killed subgraph again on its port and database (or with settings changed, e.g. another
   * DATABASE_URL: a restored copy); resolves when it is ready.
   */
  restart(service: string, env?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once("exit", () => r()));

/** Creates every contract's topic under a prefix, with the events package's own provisioning tool. */
function provisionTopics(prefix: string, brokers: string[]): void {
  execFileSync(process.execPath, [resolve(ROOT, "packages/events/dist/cli/provision-topics.js")], {
    env: {
      ...process.env,
      KAFKA_BROKERS: brokers.join(","),
      KAFKA_TOPIC_PREFIX: prefix,
      TOPIC_PARTITIONS: "2",
    },
    stdio: "ignore",
  });
}

function startProcess(name: string, cwd: string, env: Record<string, string>): ChildProcess {
  // SUITE_NODE_OPTIONS: Node flags for the suite's processes only (the benchmark's heap limit), not
  // for the test or benchmark process that starts them.
  const nodeOptions = process.env.SUITE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SUITE_NODE_OPTIONS } : {};
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: process.env.SUITE_LOG_LEVEL ?? "warn",
      ...nodeOptions,
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.once("exit", (code, signal) => {
    if (code !== 0 && signal !== "SIGTERM" && signal !== "SIGKILL")
      console.error(`${name} exited with ${code ?? signal}`);
  });
  return child;
}

async function ready(name: string, port: number, child: ChildProcess): Promise<void> {
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
      return (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok;
    },
    `${name} to be ready`,
    60000,
    250,
  );
}

/**
 * The built services and the gateway as real processes, each subgraph on a throwaway database
 * (migrated at start), all on the real Kafka: what a client of the suite sees, end to end.
 */
export interface SuiteOptions {
  /** Another broker than the shared one (a chaos test kills its own broker, never the shared one). */
  kafkaBrokers?: string[];
  /** Extra settings for the gateway process (rate limits, trusted documents). */
  gatewayEnv?: Record<string, string>;
  /** Extra settings per subgraph, e.g. `{ personnel: { LOG_LEVEL: "info" } }`. */
  serviceEnv?: Record<string, Record<string, string>>;
  /**
   * Another PostgreSQL server for the subgraphs' databases than the shared one (a fault test stops
   * and starts its own private cluster, never the shared one).
   */
  postgres?: PgServer;
}

export async function startSuite(services: string[], options: SuiteOptions = {}): Promise<RunningSuite> {
  const kafkaBrokers = options.kafkaBrokers ?? testEnv.kafkaBrokers;
  // Topics of this run only, so its services never see events other runs left on the broker.
  const topicPrefix = `${uniqueName("t")}.`;
  const children: ChildProcess[] = [];
  // Each subgraph's current process and how it was started, for kill and restart.
  const running = new Map<string, { child: ChildProcess; port: number; env: Record<string, string> }>();
  const databases: Record<string, TestDatabase> = {};
  const subgraphUrls: Record<string, string> = {};
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = exited(child);
        child.kill("SIGTERM");
        await gone;
      }
    }
    for (const db of Object.values(databases)) await db.drop();
    await deleteTopicsWithPrefix(topicPrefix, kafkaBrokers);
  };
  try {
    provisionTopics(topicPrefix, kafkaBrokers);
    for (const name of services) {
      databases[name] = await createTestDatabase(`suite_${name}`, options.postgres);
      const port = await freePort();
      const env = {
        PORT: String(port),
        DATABASE_URL: databases[name].url,
        MIGRATE_ON_START: "true",
        KAFKA_BROKERS: kafkaBrokers.join(","),
        INTERNAL_SECRET: testEnv.internalSecret,
        KAFKA_TOPIC_PREFIX: topicPrefix,
        ...options.serviceEnv?.[name],
      };
      const child = startProcess(name, resolve(ROOT, "services", name), env);
      children.push(child);
      running.set(name, { child, port, env });
      await ready(name, port, child);
      subgraphUrls[name] = `http://127.0.0.1:${port}/graphql`;
    }
    const gatewayPort = await freePort();
    const overrides = Object.fromEntries(services.map((n) => [`${n.toUpperCase()}_URL`, subgraphUrls[n]]));
    const gateway = startProcess("gateway", resolve(ROOT, "gateway"), {
      PORT: String(gatewayPort),
      INTERNAL_SECRET: testEnv.internalSecret,
      JWT_MODE: "hs256",
      JWT_SECRET,
      ...overrides,
      ...options.gatewayEnv,
    });
    children.push(gateway);
    await ready("gateway", gatewayPort, gateway);
    return {
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      topicPrefix,
      subgraphUrls,
      databases,
      token: (role, org, sub = `test-${role.toLowerCase()}`, name) =>
        new SignJWT({
          roles: [role],
          org: /^\d{12}$/.test(org) ? orgUnitIdForCode(org) : org,
          ...(name ? { name } : {}),
        })
          .setProtectedHeader({ alg: "HS256" })
          .setSubject(sub)
          .setIssuer("grassroots-dev")
          .setAudience("grassroots")
          .setIssuedAt()
          .setExpirationTime("10m")
          .sign(new TextEncoder().encode(JWT_SECRET)),
      kill: async (service, signal = "SIGKILL") => {
        const entry = running.get(service);
        if (!entry) throw new Error(`${service} is not a subgraph of this suite`);
        const gone = exited(entry.child);
        entry.child.kill(signal);
        await gone;
      },
      restart: async (service, env = {}) => {
        const entry = running.get(service);
        if (!entry) throw new Error(`${service} is not a subgraph of this suite`);
        const settings = { ...entry.env, ...env };
        const child = startProcess(service, resolve(ROOT, "services", service), settings);
        children.push(child);
        running.set(service, { ...entry, child, env: settings });
        await ready(service, entry.port, child);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
