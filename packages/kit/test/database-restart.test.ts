import { createTestDatabase, startPrivateCluster, type PrivateCluster } from "@grassroots/test-infra";
import { Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { Pool } from "pg";
import type { DataSource } from "typeorm";
import {
  buildFederatedSchema,
  createDataSource,
  createLogger,
  encodeIdentity,
  Headers,
  startSubgraphServer,
  type RunningServer,
} from "../src";

// Issue 14, "PostgreSQL restarted": the kit's data source and error formatting on a private
// PostgreSQL cluster (never the shared one) that is stopped and started again under the server.

const secret = "kit-test-internal-secret-0123";
const identity = encodeIdentity({ userId: "u1", roles: ["CITY_ADMIN"], orgUnitId: "city" });
let dataSource: DataSource;

@ObjectType()
class Tally {
  @Field() count: number;
}

@Resolver()
class TallyResolver {
  @Query(() => Tally)
  async tally(): Promise<Tally> {
    const [row] = await dataSource.query(`SELECT count(*)::int AS count FROM tally`);
    return { count: row.count };
  }

  @Mutation(() => Tally)
  async addTally(): Promise<Tally> {
    return dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO tally DEFAULT VALUES`);
      const [row] = await m.query(`SELECT count(*)::int AS count FROM tally`);
      return { count: row.count };
    });
  }
}

async function call(url: string, query: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [Headers.internalSecret]: secret,
      [Headers.identity]: identity,
    },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: { tally?: Tally; addTally?: Tally } | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

let pg: PrivateCluster;
let server: RunningServer;

beforeAll(async () => {
  pg = await startPrivateCluster();
  const db = await createTestDatabase("kit_restart", pg);
  dataSource = createDataSource({
    url: db.url,
    poolSize: 4,
    entities: [],
    migrations: [],
    applicationName: "kit-test",
  });
  await dataSource.initialize();
  await dataSource.query(`CREATE TABLE tally (id bigserial PRIMARY KEY)`);
  server = await startSubgraphServer({
    name: "tallies",
    port: 0,
    production: true,
    internalSecret: secret,
    schema: await buildFederatedSchema({ resolvers: [TallyResolver] }),
    logger: createLogger("tallies", "silent"),
    readiness: [{ name: "database", check: async () => void (await dataSource.query("SELECT 1")) }],
    homePathOf: async () => "city/",
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await dataSource?.destroy().catch(() => undefined);
  await pg?.destroy();
});

const ready = async () => (await fetch(server.url.replace(/\/graphql$/, "/health/ready"))).status;

it("#14: while PostgreSQL is down a read and a write answer SERVICE_UNAVAILABLE naming the service (no host, port or stack) and readiness is 503; after it returns the same pool answers again by itself", async () => {
  expect((await call(server.url, "mutation { addTally { count } }")).body.data?.addTally?.count).toBe(1);
  expect(await ready()).toBe(200);

  await pg.stop("fast");
  for (const query of ["{ tally { count } }", "mutation { addTally { count } }"]) {
    const { body } = await call(server.url, query);
    expect(body.errors).toEqual([
      {
        message: "The tallies service cannot reach its database right now; try again in a few seconds.",
        path: [query.startsWith("mutation") ? "addTally" : "tally"],
        locations: expect.any(Array),
        extensions: { code: "SERVICE_UNAVAILABLE", service: "tallies" },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|:\d{4,5}\b|stacktrace/);
  }
  expect(await ready()).toBe(503);

  await pg.start();
  const back = Date.now();
  while ((await ready()) !== 200) {
    if (Date.now() - back > 5_000) throw new Error("not ready 5 s after PostgreSQL returned");
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(Date.now() - back).toBeLessThan(2_000);
  expect((await call(server.url, "mutation { addTally { count } }")).body.data?.addTally?.count).toBe(2);
  expect((await call(server.url, "{ tally { count } }")).body.data?.tally?.count).toBe(2);
}, 60_000);

it("#14: a pool connection held outside a query (neither the pool's nor TypeORM's to watch) does not crash the process when PostgreSQL ends its sessions", async () => {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const held = await pool.connect();
  // checked out, the pool no longer listens on it; what listens is the kit's guard alone — without
  // it the 57P01 below would be an uncaught 'error' and end this process
  expect(held.listenerCount("error")).toBe(1);
  await pg.stop("fast");
  await pg.start();
  held.release(new Error("its session was ended"));
  const { body } = await call(server.url, "{ tally { count } }");
  expect(body.data?.tally?.count).toBeGreaterThanOrEqual(1);
}, 60_000);
