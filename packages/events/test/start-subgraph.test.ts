import { Headers, serviceEnvSchema } from "@grassroots/kit";
import {
  createTestDatabase,
  createTopics,
  testEnv,
  testKafka,
  waitFor,
  type TestDatabase,
} from "@grassroots/test-infra";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import { randomUUID } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import type { EntityManager } from "typeorm";
import {
  consumerOf,
  dlqTopicOf,
  handle,
  publishEvent,
  startSubgraph,
  toKafkaHeaders,
  type RunningSubgraph,
} from "../src";
import { logger, widgetContract, widgetDataSource } from "./support";

const Widget = widgetContract();

/** A service's domain transaction, as its unit of work builds it: what a domain handler receives. */
interface WidgetTx {
  recordEffect(widgetId: string, n: number): Promise<void>;
  publishDoubled(widgetId: string, n: number): Promise<void>;
}
const widgetTx = (manager: EntityManager): WidgetTx => ({
  recordEffect: async (widgetId, n) => {
    await manager.query(`INSERT INTO widget_effect (widget_id, n) VALUES ($1, $2)`, [widgetId, n]);
  },
  publishDoubled: async (widgetId, n) => {
    await publishEvent(manager, Doubled, { widgetId, n: n * 2 });
  },
});
const Doubled = widgetContract();

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: "Query",
    fields: { hello: { type: GraphQLString, resolve: () => "hi" } },
  }),
});

const config = (db: TestDatabase) => ({
  ...serviceEnvSchema.parse({
    NODE_ENV: "test",
    DATABASE_URL: db.url,
    MIGRATE_ON_START: "true",
    KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
    INTERNAL_SECRET: testEnv.internalSecret,
    OUTBOX_POLL_MS: "50",
  }),
  PORT: 0, // a free port
});

const ask = (url: string) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", [Headers.internalSecret]: testEnv.internalSecret },
    body: JSON.stringify({ query: "{ hello }" }),
  }).then((res) => res.json());

describe("startSubgraph", () => {
  let db: TestDatabase;
  let running: RunningSubgraph<{ schema: GraphQLSchema; extra: string }> | undefined;

  beforeAll(async () => {
    db = await createTestDatabase("events_start");
    await createTopics([Widget.topic, dlqTopicOf(Widget.topic), Doubled.topic]);
  });

  afterAll(async () => {
    await running?.stop();
    await db.drop();
  });

  it("#9: migrates, serves, runs the consumers with a domain transaction and the relay; stop closes them all", async () => {
    running = await startSubgraph({
      name: "widgets",
      config: config(db),
      logger,
      dataSource: widgetDataSource(db.url),
      consumerRetry: { attempts: 2, initialMs: 20, maxMs: 50 },
      wire: async () => ({
        schema,
        extra: "built from the data source",
        consumers: [
          consumerOf(`widgets-${randomUUID()}`, widgetTx, [
            handle(Widget, async (event, tx) => {
              await tx.recordEffect(event.data.widgetId, event.data.n);
              await tx.publishDoubled(event.data.widgetId, event.data.n);
            }),
          ]),
        ],
      }),
    });
    const { dataSource, url, wiring } = running;
    expect(wiring.extra).toBe("built from the data source");
    expect(await ask(url)).toEqual({ data: { hello: "hi" } });
    const ready = await fetch(url.replace("/graphql", "/health/ready"));
    expect(ready.status).toBe(200);

    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: Widget.topic,
      messages: [
        {
          key: "w-1",
          value: JSON.stringify({ widgetId: "w-1", n: 21 }),
          headers: toKafkaHeaders({
            id: randomUUID(),
            source: "/grassroots/test",
            type: Widget.type,
            subject: "w-1",
            time: new Date().toISOString(),
          }),
        },
      ],
    });
    await producer.disconnect();
    await waitFor(
      async () =>
        (await dataSource.query(`SELECT n FROM widget_effect WHERE widget_id = 'w-1'`)).length === 1,
      "the domain handler's write",
      30000,
    );
    // The handler's event went through the outbox, keyed by the contract's field, and the relay sent it.
    await running.flushOutbox();
    await waitFor(
      async () =>
        (await dataSource.query(`SELECT 1 FROM outbox WHERE key = 'w-1' AND sent_at IS NOT NULL`)).length ===
        1,
      "the relay to send the handler's event",
      30000,
    );

    await running.stop();
    running = undefined;
    expect(dataSource.isInitialized).toBe(false);
    await expect(ask(url)).rejects.toThrow();
  });

  it("#9: with events off starts neither relay nor consumers, and stops what started when a step fails", async () => {
    const api = await startSubgraph({
      name: "widgets",
      config: config(db),
      logger,
      dataSource: widgetDataSource(db.url),
      events: false,
      wire: async () => ({ schema }),
    });
    expect(await ask(api.url)).toEqual({ data: { hello: "hi" } });
    await api.stop();

    const dataSource = widgetDataSource(db.url);
    await expect(
      startSubgraph({
        name: "widgets",
        config: config(db),
        logger,
        dataSource,
        wire: async () => {
          throw new Error("wiring failed");
        },
      }),
    ).rejects.toThrow("wiring failed");
    expect(dataSource.isInitialized).toBe(false);
  });

  it("#14: with Kafka unreachable the process is live at once and not ready (naming what is missing); giving up stops what started", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const abort = new AbortController();
    const dataSource = widgetDataSource(db.url);
    const starting = startSubgraph({
      name: "widgets",
      // a broker address where nothing listens: every connect is refused
      config: { ...config(db), PORT: port, KAFKA_BROKERS: ["127.0.0.1:1"] },
      logger,
      dataSource,
      abort: abort.signal,
      wire: async () => ({
        schema,
        consumers: [
          consumerOf<WidgetTx>("widgets-unreachable", () => widgetTx(dataSource.manager), [
            handle(Widget, async () => undefined),
          ]),
        ],
      }),
    });
    const outcome = starting.then(
      () => "started",
      (error: Error) => error.message,
    );
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => (await fetch(`${base}/health/live`).catch(() => undefined))?.ok === true,
      "live",
      10_000,
      100,
    );
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(JSON.stringify(await ready.json())).toMatch(/events|kafka/);
    abort.abort();
    expect(await outcome).toMatch(/given up|ECONNREFUSED|Connection/i);
    expect(dataSource.isInitialized).toBe(false);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  }, 60_000);
});
