import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createTestDatabase,
  queryDatabase,
  testEnv,
  testKafka,
  uniqueName,
  type TestDatabase,
} from "@grassroots/testing";
import {
  bundle,
  expectProductionOnly,
  freePort,
  get,
  runCommand,
  start,
  terminate,
  waitUntil,
} from "./bundles";
import { chartContainer, runHere } from "./chart-env";
import { CHART, render, ROOT, type Rendered } from "./helm";

// The one test body of every service's bundle (bundle.test.ts): built by infra/bundle.sh (the first
// from an empty pnpm cache), holding production code only, running the chart's hook commands when the chart has
// them (topics, then migrations), then started with the environment the chart renders for its
// Deployment, answering the probes' paths, and draining on SIGTERM. Only what names the cluster
// (hosts, ports, the mounted supergraph, Secrets) is replaced by its local counterpart, by name.

const INTERNAL_SECRET = "bundle-test-internal-secret-0123";
// What an operator must set for the gateway to start (NOTES.txt warns without it); no token is
// sent here, so the key set is never fetched.
const OPERATOR_VALUES = ["gateway.jwt.jwksUrl=http://127.0.0.1:9/jwks.json"];

// One empty pnpm cache for the file's bundles: the first bundle starts from nothing, as an image
// build does, and the others reuse the metadata it fetched (about 25 MB; each bundle from its own
// empty cache took 5 to 8 s longer).
const CACHE = mkdtempSync(join(tmpdir(), "bundle-cache-"));

// One topic prefix for the file's bundles (the cluster is shared with other tests and the suite):
// the first subgraph's topics hook creates the topics, the others' find them all there, as an
// upgrade does, and they are deleted once at the end. Consumer groups carry it too.
const PREFIX = `${uniqueName("bundle").toLowerCase()}.`;
let cleanupRegistered = false;

async function cleanUp() {
  rmSync(CACHE, { recursive: true, force: true });
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(PREFIX));
    if (topics.length) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

let chart: Rendered[] | undefined;
/** The chart rendered once per test file with its default values. */
const rendered = () => (chart ??= render({ set: OPERATOR_VALUES }));

export interface BundleSpec {
  /** The service: infra/bundle.sh's name and the chart's component. */
  service: string;
  /** Its workspace directory, from the root (for its devDependencies). */
  packageDir: string;
  /** Files the running code reads from the bundle, besides dist/. */
  runtimeFiles?: string[];
  /** The service's own checks while it runs. */
  whileRunning?: (base: string) => Promise<void>;
}

export function describeBundle(spec: BundleSpec) {
  const { service } = spec;
  if (!cleanupRegistered) {
    afterAll(cleanUp);
    cleanupRegistered = true;
  }
  describe(`${service} bundle (infra/bundle.sh ${service}), the file's pnpm cache empty at its first bundle`, () => {
    let dir: string;
    let subgraph: boolean;
    let database: TestDatabase | undefined;
    const prefix = PREFIX;

    beforeAll(async () => {
      const started = Date.now();
      dir = bundle(service, CACHE);
      process.stderr.write(`${service} bundle: ${Math.round((Date.now() - started) / 1000)} s\n`);
      subgraph = rendered().some((o) => o.kind === "Job" && o.metadata.name.endsWith(`-${service}-migrate`));
      if (subgraph) database = await createTestDatabase(`bundle_${service}`);
    }, 600_000);

    afterAll(async () => {
      await database?.drop();
    });

    /** The chart's env of a container, here: the throwaway database, the local broker, this run's prefix. */
    const here = (values: Record<string, string>) => ({
      secrets: {
        INTERNAL_SECRET,
        DATABASE_PASSWORD: decodeURIComponent(new URL(database?.url ?? "postgres://x").password),
      },
      values,
    });
    const data = () => ({
      DATABASE_URL: database!.url,
    });
    const kafka = () => ({
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
      KAFKA_TOPIC_PREFIX: prefix,
    });

    it("holds the compiled service and its production dependencies only", () => {
      expect(dir).toBe(join(ROOT, ".local/bundles", service));
      expectProductionOnly(dir, join(ROOT, spec.packageDir));
      for (const file of spec.runtimeFiles ?? [])
        expect([file, existsSync(join(dir, file))]).toEqual([file, true]);
    });

    it("runs the chart's hook commands when it has them: topics, then migrations (twice: an upgrade applies nothing new)", async () => {
      if (!subgraph) {
        expect(rendered().filter((o) => o.kind === "Job" && o.metadata.name.includes(service))).toEqual([]);
        return;
      }
      // every subgraph image carries the provisioning (topics.imageOf may name any of them)
      const topics = chartContainer(rendered(), "Job", "topics");
      expect(topics.values.KAFKA_BROKERS).toBe("kafka:9092");
      const provisioned = runCommand(
        dir,
        topics.command!,
        runHere(topics, here({ ...kafka(), TOPIC_REPLICATION_FACTOR: "1" })),
      );
      expect(provisioned.stdout).toBe("");
      expect(provisioned.stderr).toMatch(/^topics: \d+ known, \d+ created/);
      const admin = testKafka().admin();
      await admin.connect();
      try {
        const created = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
        expect(created).toContain(`${prefix}grassroots.${service}.rule-status.v1`);
        expect(created).toContain(`${prefix}grassroots.${service}.rule-status.v1.dlq`);
      } finally {
        await admin.disconnect();
      }

      const migrate = chartContainer(rendered(), "Job", `${service}-migrate`);
      expect(migrate.command).toEqual(["node", "dist/db/migrate.js"]);
      expect(migrate.values.DATABASE_URL).toContain(`/grassroots_${service}`);
      // the service's own migrations (its dist/db/migrations) and those of the packages it loads
      const own = readdirSync(join(dir, "dist/db/migrations"))
        .filter((f) => f.endsWith(".js"))
        .map((f) => f.split("-")[0]);
      expect(own.length).toBeGreaterThan(0);
      const applied: string[][] = [];
      for (let run = 1; run <= 2; run++) {
        runCommand(dir, migrate.command!, runHere(migrate, here(data())));
        const rows = await queryDatabase<{ name: string }>(
          database!.url,
          "SELECT name FROM schema_migrations",
        );
        applied.push(rows.map((r) => r.name).sort());
      }
      for (const stamp of own) expect(applied[0].filter((name) => name.endsWith(stamp))).toHaveLength(1);
      expect(applied[1]).toEqual(applied[0]);
    }, 120_000);

    it("starts with the chart's env for its Deployment, answers /health/live and /health/ready, and drains on SIGTERM with exit 0", async () => {
      const port = await freePort();
      const deployment = chartContainer(rendered(), "Deployment", service);
      expect(deployment.command).toBeUndefined(); // the image's CMD: node dist/main.js
      const inCluster = subgraph
        ? { ...data(), ...kafka() }
        : {
            SUPERGRAPH_PATH: join(CHART, "files/supergraph.graphql"),
            // no subgraph is asked before the first query
            ...Object.fromEntries(
              Object.keys(deployment.values)
                .filter((k) => k.endsWith("_URL") && k !== "JWKS_URL")
                .map((k) => [k, "http://127.0.0.1:9/graphql"]),
            ),
          };
      const env = runHere(deployment, here({ PORT: String(port), ...inCluster }));
      expect(env).toMatchObject({ NODE_ENV: "production", HOST: "0.0.0.0" });
      const running = start(dir, env);
      const base = `http://127.0.0.1:${port}`;
      try {
        await waitUntil(running, `${base}/health/live`);
        expect(await get(`${base}/health/live`)).toEqual({ status: 200, body: '{"status":"live"}' });
        await waitUntil(running, `${base}/health/ready`);
        if (subgraph) {
          // subgraphs refuse anything without the internal secret, and answer with it
          const ask = (headers: Record<string, string>) =>
            fetch(`${base}/graphql`, {
              method: "POST",
              headers: { "content-type": "application/json", ...headers },
              body: JSON.stringify({ query: "{ __typename }" }),
            });
          expect((await ask({})).status).toBe(401);
          const answered = await ask({ "x-grassroots-internal-secret": INTERNAL_SECRET });
          expect([answered.status, await answered.json()]).toEqual([200, { data: { __typename: "Query" } }]);
        }
        await spec.whileRunning?.(base);
      } finally {
        const { code, ms } = await terminate(running);
        expect([code, running.output()]).toEqual([0, expect.any(String)]);
        expect(ms).toBeLessThan(Number(env.SHUTDOWN_TIMEOUT_MS));
      }
    }, 120_000);
  });
}
