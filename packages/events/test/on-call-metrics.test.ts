import { Headers, metricsRegistry, serviceEnvSchema } from "@grassroots/kit";
import { createTestDatabase, createTopics, testEnv, testKafka, waitFor } from "@grassroots/test-infra";
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import type { Producer } from "kafkajs";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import {
  consumerOf,
  createKafka,
  dlqTopicOf,
  EventConsumer,
  handle,
  OutboxRelay,
  publishEvent,
  publishEvents,
  startSubgraph,
  toKafkaHeaders,
} from "../src";
import { watchConsumerLag, type ConsumerLagWatch } from "../src/inbox/consumer-lag";
import { consumerLag } from "../src/inbox/consumer-metrics";
import { watchOutboxLag } from "../src/outbox/outbox-lag";
import { OUTBOX_LAG_COUNTED } from "../src/outbox/outbox-lag-reading";
import {
  allowConnections,
  brokers,
  logger,
  openDatabase,
  refuseConnections,
  widgetContract,
  widgetDataSource,
} from "./support";

// #16: the metrics an on-call person reads, measured against the real PostgreSQL and Kafka.

/** The value of one series of the process's registry (0 when the series is absent). */
async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const { values } = await metricsRegistry.getSingleMetric(name)!.get();
  const found = values.find((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want));
  return found?.value ?? 0;
}

let dataSource: DataSource;
let databaseUrl: string;
let databaseName: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  const opened = await openDatabase();
  dataSource = opened.dataSource;
  databaseUrl = opened.db.url;
  databaseName = opened.db.name;
  drop = opened.db.drop;
});

afterAll(async () => {
  await dataSource.destroy();
  await drop();
});

describe("#16: outbox lag", () => {
  it("#16: the oldest unsent row's age is read from the table while no relay runs, rises, and is 0 once sent", async () => {
    const Widget = widgetContract();
    await createTopics([Widget.topic], 1);
    const watch = watchOutboxLag(dataSource, logger, 3_600_000);
    try {
      await watch.sample();
      expect(await metric("outbox_pending_events")).toBe(0);
      expect(await metric("outbox_oldest_pending_age_seconds")).toBe(0);
      await dataSource.transaction((m) => publishEvent(m, Widget, { widgetId: "lag-1", n: 1 }));
      await dataSource.transaction((m) => publishEvent(m, Widget, { widgetId: "lag-2", n: 2 }));
      // The rows' commit time, moved 90 s back: the gauge must come from the table, not from a clock.
      await dataSource.query(`UPDATE outbox SET time = now() - interval '90 seconds' WHERE sent_at IS NULL`);
      await watch.sample();
      expect(await metric("outbox_pending_events")).toBe(2);
      const first = await metric("outbox_oldest_pending_age_seconds");
      expect(first).toBeGreaterThanOrEqual(90);
      await new Promise((r) => setTimeout(r, 20));
      await watch.sample();
      expect(await metric("outbox_oldest_pending_age_seconds")).toBeGreaterThan(first);

      const relay = new OutboxRelay({
        databaseUrl,
        kafka: createKafka(brokers, "lag-relay-test", logger),
        logger,
        service: `lag-${randomUUID()}`,
        pollMs: 100,
      });
      await relay.flush();
      await relay.stop();
      await watch.sample();
      expect(await metric("outbox_pending_events")).toBe(0);
      expect(await metric("outbox_oldest_pending_age_seconds")).toBe(0);
    } finally {
      await watch.stop();
    }
  });

  it("#15: a backlog beyond the counted head is read at a bounded cost: exact up to 10,000 rows, then the seq span (an upper bound)", async () => {
    const Widget = widgetContract();
    const watch = watchOutboxLag(dataSource, logger, 3_600_000);
    try {
      const publish = (n: number, from: number) =>
        dataSource.transaction((m) =>
          publishEvents(
            m,
            Array.from({ length: n }, (_, i) => ({
              contract: Widget,
              data: { widgetId: `bulk-${from + i}`, n: from + i },
            })),
          ),
        );
      await publish(OUTBOX_LAG_COUNTED - 1, 0);
      await watch.sample();
      expect(await metric("outbox_pending_events")).toBe(OUTBOX_LAG_COUNTED - 1);
      await publish(2_501, OUTBOX_LAG_COUNTED);
      await watch.sample();
      expect(await metric("outbox_pending_events")).toBe(OUTBOX_LAG_COUNTED + 2_500);
      // A rolled-back transaction leaves a gap in seq: counted in the span, so an upper bound.
      await dataSource
        .transaction(async (m) => {
          await publishEvent(m, Widget, { widgetId: "rolled-back", n: 0 });
          throw new Error("rolled back");
        })
        .catch(() => undefined);
      await publish(1, 99_999);
      await watch.sample();
      expect(await metric("outbox_pending_events")).toBe(OUTBOX_LAG_COUNTED + 2_502);
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
      expect(n).toBe(OUTBOX_LAG_COUNTED + 2_501);
    } finally {
      await watch.stop();
      await dataSource.query(`UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL`);
    }
  });

  it("#16: while the database is away the age keeps rising from the last reading (nothing can send the row)", async () => {
    const Widget = widgetContract();
    const watch = watchOutboxLag(dataSource, logger, 3_600_000);
    try {
      await dataSource.transaction((m) => publishEvent(m, Widget, { widgetId: "lag-3", n: 3 }));
      await dataSource.query(`UPDATE outbox SET time = now() - interval '61 seconds' WHERE sent_at IS NULL`);
      await watch.sample();
      const read = await metric("outbox_oldest_pending_age_seconds");
      expect(read).toBeGreaterThanOrEqual(61);
      await refuseConnections(databaseName);
      try {
        await expect(watch.sample()).rejects.toThrow();
        expect(await metric("outbox_pending_events")).toBe(1);
        expect(await metric("outbox_oldest_pending_age_seconds")).toBeGreaterThan(read);
      } finally {
        await allowConnections(databaseName);
      }
    } finally {
      await watch.stop();
      await waitFor(
        async () => (await dataSource.query(`UPDATE outbox SET sent_at = now() WHERE sent_at IS NULL`), true),
        "the database back",
      );
    }
  });
});

describe("#16: consumer lag, duplicates, retries and the DLQ", () => {
  const Widget = widgetContract();
  const groupId = `test-lag-${randomUUID()}`;
  let producer: Producer;
  let consumer: EventConsumer;
  let lag: ConsumerLagWatch;
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let flakyFailures = 0;
  let holding = false;

  async function send(data: unknown, id = randomUUID()) {
    await producer.send({
      topic: Widget.topic,
      messages: [
        {
          key: "one-key",
          value: JSON.stringify(data),
          headers: toKafkaHeaders({
            id,
            source: "/grassroots/test",
            type: Widget.type,
            subject: "one-key",
            time: new Date().toISOString(),
          }),
        },
      ],
    });
    return id;
  }
  const effects = async (widgetId: string) =>
    (
      await dataSource.query(`SELECT count(*)::int AS n FROM widget_effect WHERE widget_id = $1`, [widgetId])
    )[0].n as number;
  const lagOf = () =>
    metric("events_consumer_lag_messages", { group: groupId, topic: Widget.topic, partition: "0" });

  beforeAll(async () => {
    await createTopics([Widget.topic, dlqTopicOf(Widget.topic)], 1);
    producer = testKafka().producer();
    await producer.connect();
    const wiring = consumerOf(groupId, (manager) => manager, [
      handle(Widget, async (event, manager: EntityManager) => {
        if (event.data.widgetId === "held") {
          holding = true;
          await held;
        }
        if (event.data.widgetId === "flaky" && flakyFailures++ === 0) throw new Error("fails once");
        await manager.query(`INSERT INTO widget_effect (widget_id, n) VALUES ($1, $2)`, [
          event.data.widgetId,
          event.data.n,
        ]);
      }),
    ]);
    const kafka = createKafka(brokers, "lag-consumer-test", logger);
    consumer = new EventConsumer({
      kafka,
      dataSource,
      logger,
      retry: { attempts: 3, initialMs: 20, maxMs: 50 },
      ...wiring,
    });
    lag = watchConsumerLag(
      kafka,
      [{ groupId, kafkaGroupId: groupId, topics: consumer.topics }],
      logger,
      3_600_000,
    );
  });

  afterAll(async () => {
    release();
    await lag.stop();
    await consumer.stop();
    await producer.disconnect();
  });

  it("#16: a consumer behind shows its lag per group and partition from the broker, then 0 once it caught up", async () => {
    // Sent before the consumer starts: it is 3 behind; the first one holds it there.
    await send({ widgetId: "held", n: 1 });
    await send({ widgetId: "behind-2", n: 2 });
    await send({ widgetId: "behind-3", n: 3 });
    // On a new broker a topic's metadata can lag its creation for a moment ("Topic metadata not
    // loaded"); the watcher tries again at its next sample, and so does this.
    await waitFor(
      async () => (await lag.sample(), (await lagOf()) === 3),
      "the lag of 3 before the consumer starts",
    );
    expect(await lagOf()).toBe(3);
    await consumer.start();
    await waitFor(() => holding, "the consumer to hold on the first event");
    await lag.sample();
    expect(await lagOf()).toBe(3); // still held on the first: nothing committed
    release();
    await waitFor(async () => (await effects("behind-3")) === 1, "the consumer to catch up");
    await waitFor(
      async () => (await lag.sample(), (await lagOf()) === 0),
      "the lag to reach 0 once committed",
    );
  });

  it("#16: a group whose topic has no metadata yet does not leave the other groups unmeasured", async () => {
    const kafka = createKafka(brokers, "lag-two-groups-test", logger);
    const ghost = `test-lag-ghost-${randomUUID()}`;
    const both = watchConsumerLag(
      kafka,
      [
        { groupId: ghost, kafkaGroupId: ghost, topics: [`test.no-such-topic.${randomUUID()}`] },
        { groupId, kafkaGroupId: groupId, topics: consumer.topics },
      ],
      logger,
      3_600_000,
    );
    try {
      consumerLag.set({ group: groupId, topic: Widget.topic, partition: "0" }, 99); // a stale reading
      await expect(both.sample()).rejects.toThrow(); // the ghost group's failure is still told
      expect(await lagOf()).toBe(0); // and the real group was measured: caught up
    } finally {
      await both.stop();
    }
  });

  it("#16: a duplicate delivery (an event id already in the inbox) counts as a duplicate skipped, per consumer", async () => {
    const labels = { group: groupId, type: Widget.type, outcome: "duplicate" };
    const before = await metric("events_consumed_total", labels);
    const id = await send({ widgetId: "dup", n: 1 });
    await waitFor(async () => (await effects("dup")) === 1, "the first delivery");
    expect(await metric("events_consumed_total", labels)).toBe(before);
    await send({ widgetId: "dup", n: 1 }, id);
    await send({ widgetId: "dup-marker", n: 1 });
    await waitFor(async () => (await effects("dup-marker")) === 1, "the marker after the redelivery");
    expect(await effects("dup")).toBe(1);
    expect(await metric("events_consumed_total", labels)).toBe(before + 1);
  });

  it("#16: a handler failing once counts one retry; a malformed event counts one dead-letter and the DLQ topic's depth", async () => {
    const retries = await metric("events_handler_retries_total", { group: groupId, type: Widget.type });
    const dead = await metric("events_dead_lettered_total", { group: groupId });
    const dlq = { topic: dlqTopicOf(Widget.topic) };
    await lag.sample();
    expect(await metric("events_dlq_messages", dlq)).toBe(0);
    await send({ widgetId: "flaky", n: 1 });
    await send({ widgetId: "malformed", n: "not a number" });
    await send({ widgetId: "after", n: 1 });
    await waitFor(async () => (await effects("after")) === 1, "the event after the malformed one");
    expect(await effects("flaky")).toBe(1);
    expect(await metric("events_handler_retries_total", { group: groupId, type: Widget.type })).toBe(
      retries + 1,
    );
    expect(await metric("events_dead_lettered_total", { group: groupId })).toBe(dead + 1);
    await lag.sample();
    expect(await metric("events_dlq_messages", dlq)).toBe(1);
  });
});

describe("#16: a started subgraph", () => {
  it("#16: exports the outbox lag, its consumers' lag per partition, its pool and its readiness on /metrics", async () => {
    const Widget = widgetContract();
    await createTopics([Widget.topic, dlqTopicOf(Widget.topic)], 1);
    const db = await createTestDatabase("events_metrics");
    const groupId = `widgets-metrics-${randomUUID()}`;
    const running = await startSubgraph({
      name: "widgets",
      config: {
        ...serviceEnvSchema.parse({
          NODE_ENV: "test",
          DATABASE_URL: db.url,
          MIGRATE_ON_START: "true",
          KAFKA_BROKERS: testEnv.kafkaBrokers.join(","),
          INTERNAL_SECRET: testEnv.internalSecret,
        }),
        PORT: 0,
      },
      logger,
      dataSource: widgetDataSource(db.url),
      wire: async () => ({
        schema: new GraphQLSchema({
          query: new GraphQLObjectType({
            name: "Query",
            fields: { hello: { type: GraphQLString, resolve: () => "hi" } },
          }),
        }),
        consumers: [consumerOf(groupId, (manager) => manager, [handle(Widget, async () => undefined)])],
      }),
    });
    try {
      const base = running.url.replace(/\/graphql$/, "");
      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      const scrape = async () =>
        (
          await fetch(`${base}/metrics`, { headers: { [Headers.internalSecret]: testEnv.internalSecret } })
        ).text();
      const text = await waitFor(async () => {
        const t = await scrape();
        // One reading sets the lag, then the DLQ depth: wait for both.
        return t.includes(`events_dlq_messages{topic="${dlqTopicOf(Widget.topic)}"}`) && t;
      }, "the consumer lag watcher's first reading");
      expect(text).toContain(
        `events_consumer_lag_messages{group="${groupId}",topic="${Widget.topic}",partition="0"} 0`,
      );
      expect(text).toContain(`events_dlq_messages{topic="${dlqTopicOf(Widget.topic)}"} 0`);
      expect(text).toMatch(/^outbox_oldest_pending_age_seconds \d/m);
      expect(text).toMatch(/^db_pool_connections\{pool="events-test"\} [1-9]/m);
      expect(text).toMatch(/^service_ready 1$/m);
    } finally {
      await running.stop();
      await db.drop();
    }
  });
});
