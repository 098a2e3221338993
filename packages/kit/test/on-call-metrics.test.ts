import { createTestDatabase, type TestDatabase } from "@grassroots/test-infra";
import { Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import type { DataSource, QueryRunner } from "typeorm";
import {
  buildFederatedSchema,
  createDataSource,
  createLogger,
  metricsRegistry,
  startSubgraphServer,
  type RunningServer,
} from "../src";

// #16: the pool's saturation and the readiness probe's answer are on /metrics, read from a real
// PostgreSQL pool and a real subgraph server.

const secret = "kit-test-internal-secret-0123";

/** One sample of the process's registry, by metric name and exact label text, or undefined. */
async function sample(name: string, labels = ""): Promise<number | undefined> {
  const text = await metricsRegistry.metrics();
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(" ").pop());
}

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase("kit_pool");
  dataSource = createDataSource({
    url: db.url,
    poolSize: 2,
    entities: [],
    migrations: [],
    applicationName: "kit-pool-test",
  });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

describe("#16: database pool saturation", () => {
  it("#16: the pool's connections, idle ones and waiting queries are gauges labelled by pool (the service)", async () => {
    const pool = '{pool="kit-pool-test"}';
    const held: QueryRunner[] = [];
    for (let i = 0; i < 2; i++) {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      held.push(runner);
    }
    // Both connections are in use: a third query waits for one.
    const waiting = dataSource.query("SELECT 1");
    expect(await sample("db_pool_max_connections", pool)).toBe(2);
    expect(await sample("db_pool_connections", pool)).toBe(2);
    expect(await sample("db_pool_idle_connections", pool)).toBe(0);
    expect(await sample("db_pool_waiting_clients", pool)).toBe(1);
    for (const runner of held) await runner.release();
    await waiting;
    expect(await sample("db_pool_waiting_clients", pool)).toBe(0);
    expect(await sample("db_pool_idle_connections", pool)).toBe(2);
  });

  it("#16: a destroyed pool reports nothing (no stale gauge after a DataSource is closed)", async () => {
    const other = createDataSource({
      url: db.url,
      poolSize: 1,
      entities: [],
      migrations: [],
      applicationName: "kit-pool-closed",
    });
    await other.initialize();
    await other.query("SELECT 1");
    expect(await sample("db_pool_connections", '{pool="kit-pool-closed"}')).toBe(1);
    await other.destroy();
    expect(await sample("db_pool_connections", '{pool="kit-pool-closed"}')).toBe(0);
  });
});

@ObjectType()
class Thing {
  @Field(() => ID) id: string;
}

@Resolver()
class ThingResolver {
  @Query(() => Thing)
  thing(): Thing {
    return { id: "t1" };
  }
}

describe("#16: readiness on /metrics", () => {
  let server: RunningServer;
  let databaseUp = true;

  beforeAll(async () => {
    server = await startSubgraphServer({
      name: "things",
      port: 0,
      production: true,
      internalSecret: secret,
      schema: await buildFederatedSchema({ resolvers: [ThingResolver] }),
      logger: createLogger("kit-test", "silent"),
      readiness: [
        {
          name: "database",
          check: async () => {
            if (!databaseUp) throw new Error("database away");
          },
        },
      ],
      homePathOf: async () => "city/",
    });
  });
  afterAll(() => server.stop());

  const probe = async () => (await fetch(new URL("/health/ready", server.url))).status;
  const scrape = async () => {
    const res = await fetch(new URL("/metrics", server.url), {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.status).toBe(200);
    return res.text();
  };

  it("#16: service_ready and each check follow the last probe: 1 when ready, 0 when a check fails", async () => {
    expect(await probe()).toBe(200);
    let text = await scrape();
    expect(text).toMatch(/^service_ready 1$/m);
    expect(text).toMatch(/^service_readiness_check\{check="database"\} 1$/m);
    databaseUp = false;
    expect(await probe()).toBe(503);
    text = await scrape();
    expect(text).toMatch(/^service_ready 0$/m);
    expect(text).toMatch(/^service_readiness_check\{check="database"\} 0$/m);
    databaseUp = true;
    expect(await probe()).toBe(200);
    expect(await scrape()).toMatch(/^service_ready 1$/m);
  });
});
