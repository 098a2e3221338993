import { badInput, createDataSource } from "@grassroots/kit";
import { createTestDatabase, createTopics, readTopic, testKafka, waitFor } from "@grassroots/test-infra";
import type { Message, Producer } from "kafkajs";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import {
  consumerOf,
  createKafka,
  dlqTopicOf,
  EventConsumer,
  handle,
  InboxEventHashes1765000000000,
  OutboxAndInbox1764100000000,
  OutboxTraceContext1765300000000,
  toKafkaHeaders,
  type EventConsumerOptions,
} from "../src";
import { consumerBatchFallbacks, consumerHandled, consumerIdReused } from "../src/inbox/consumer-metrics";
import { brokers, logger, widgetContract } from "./support";

// #15: the consumer takes a backlog in chunks: one transaction and one inbox insert per chunk, per-key
// order kept, a redelivered chunk a no-op, a bad event still alone on the DLQ. Real Kafka and PostgreSQL.

/**
 * Effects in the order they were written (seq), per consumer; and a statement-level trigger counting
 * every committed INSERT statement on the inbox, however many rows it carries.
 */
class BatchEffects1765900000001 implements MigrationInterface {
  name = "BatchEffects1765900000001";
  async up(q: QueryRunner) {
    await q.query(`CREATE TABLE batch_effect (seq bigserial PRIMARY KEY, tag text NOT NULL,
                     widget_id text NOT NULL, n integer NOT NULL)`);
    await q.query(`CREATE TABLE inbox_insert_statement (at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(`CREATE FUNCTION count_inbox_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN INSERT INTO inbox_insert_statement DEFAULT VALUES; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER inbox_insert_statement AFTER INSERT ON inbox
                   FOR EACH STATEMENT EXECUTE FUNCTION count_inbox_insert()`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE batch_effect, inbox_insert_statement`);
  }
}

let dataSource: DataSource;
let drop: () => Promise<void>;
let producer: Producer;
const running: EventConsumer[] = [];

beforeAll(async () => {
  const db = await createTestDatabase("events");
  drop = db.drop;
  dataSource = createDataSource({
    url: db.url,
    poolSize: 6,
    entities: [],
    migrations: [
      OutboxAndInbox1764100000000,
      InboxEventHashes1765000000000,
      OutboxTraceContext1765300000000,
      BatchEffects1765900000001,
    ],
    applicationName: "events-batch-test",
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  producer = testKafka().producer();
  await producer.connect();
});

afterAll(async () => {
  for (const c of running) await c.stop().catch(() => undefined);
  await producer.disconnect();
  await dataSource.destroy();
  await drop();
});

type Widget = ReturnType<typeof widgetContract>;

/** A message as another service's relay sends it; the key is given apart from the data. */
const message = (widget: Widget, key: string, data: unknown, id: string = randomUUID()): Message => ({
  key,
  value: JSON.stringify(data),
  headers: toKafkaHeaders({
    id,
    source: "/grassroots/test",
    type: widget.type,
    subject: key,
    time: new Date().toISOString(),
  }),
});

/**
 * A consumer whose handler writes (tag, widget, n): n 15 is refused by a domain rule, n 20 always
 * fails (a bug); a malformed n never reaches it.
 */
async function startConsumer(
  widget: Widget,
  tag: string,
  options: Partial<EventConsumerOptions> & { groupId?: string } = {},
) {
  const wiring = consumerOf(options.groupId ?? `test-batch-${randomUUID()}`, (manager) => manager, [
    handle(widget, async (event, manager: EntityManager) => {
      const { widgetId, n } = event.data;
      if (n === 15) throw badInput("15 is not allowed", "n");
      if (n === 20) throw new Error("handler cannot apply 20");
      await manager.query(`INSERT INTO batch_effect (tag, widget_id, n) VALUES ($1, $2, $3)`, [
        tag,
        widgetId,
        n,
      ]);
    }),
  ]);
  const consumer = new EventConsumer({
    kafka: createKafka(brokers, "batch-consumer-test", logger),
    dataSource,
    logger,
    retry: { attempts: 3, initialMs: 20, maxMs: 50 },
    ...options,
    groupId: wiring.groupId,
    handlers: wiring.handlers,
  });
  await consumer.start();
  running.push(consumer);
  return { consumer, groupId: wiring.groupId };
}

const effects = async (tag: string, widgetId?: string): Promise<{ widget_id: string; n: number }[]> =>
  dataSource.query(
    `SELECT widget_id, n FROM batch_effect WHERE tag = $1 AND ($2::text IS NULL OR widget_id = $2) ORDER BY seq`,
    [tag, widgetId ?? null],
  );
const count = async (tag: string) => (await effects(tag)).length;
const insertStatements = async (): Promise<number> =>
  (await dataSource.query(`SELECT count(*)::int AS n FROM inbox_insert_statement`))[0].n;
const metric = async (
  counter: { get(): Promise<{ values: { labels: object; value: number }[] }> },
  labels: object,
) =>
  (await counter.get()).values
    .filter((v) =>
      Object.entries(labels).every(([k, want]) => (v.labels as Record<string, unknown>)[k] === want),
    )
    .reduce((sum, v) => sum + v.value, 0);

describe("#15: batch consumer", () => {
  const Backlog = widgetContract();
  const KEYS = ["k0", "k1", "k2", "k3", "k4", "k5"];
  const PER_KEY = 100;
  let groupId: string;

  beforeAll(async () => {
    await createTopics([Backlog.topic, dlqTopicOf(Backlog.topic)], 3);
    // The backlog is there before the consumer starts: 600 events, the keys interleaved.
    const messages: Message[] = [];
    for (let n = 0; n < PER_KEY; n++) {
      for (const key of KEYS) messages.push(message(Backlog, key, { widgetId: key, n: n + 100 }));
    }
    await producer.send({ topic: Backlog.topic, messages });
  });

  it("#15: batch consumer: a backlog of 600 events on 6 keys is handled in per-key order, with one inbox insert per chunk (the one-by-one path makes one per event)", async () => {
    const before = await insertStatements();
    ({ groupId } = await startConsumer(Backlog, "batch", { batchSize: 100 }));
    await waitFor(
      async () => (await count("batch")) === KEYS.length * PER_KEY,
      "the backlog drained",
      60_000,
    );
    const statements = (await insertStatements()) - before;
    for (const key of KEYS) {
      const ns = (await effects("batch", key)).map((r) => r.n);
      expect(ns).toEqual(Array.from({ length: PER_KEY }, (_, i) => i + 100)); // written in offset order
    }
    // 3 partitions of about 200 events in chunks of at most 100: at least 6 statements, and far
    // fewer than one per event (kafkajs may hand a partition over in more than one fetch).
    expect(statements).toBeGreaterThanOrEqual(6);
    expect(statements).toBeLessThanOrEqual(30);
    expect(await metric(consumerHandled, { group: groupId, outcome: "handled" })).toBe(600);

    // The counter measures what it claims: the old one-by-one path makes one insert per event.
    const oneByOne = await insertStatements();
    await startConsumer(Backlog, "message", { consumeBy: "message" });
    await waitFor(async () => (await count("message")) === 600, "the one-by-one drain", 60_000);
    expect((await insertStatements()) - oneByOne).toBe(600);
  });

  it("#15: batch consumer: the backlog read again (offsets lost, as after a crash before the commit) changes nothing", async () => {
    const first = running.find((c) => c.topics.includes(Backlog.topic))!;
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const admin = testKafka().admin();
    await admin.connect();
    await admin.resetOffsets({ groupId, topic: Backlog.topic, earliest: true });
    await admin.disconnect();
    const duplicates = await metric(consumerHandled, { group: groupId, outcome: "duplicate" });
    const reused = await metric(consumerIdReused, { group: groupId });
    await startConsumer(Backlog, "batch", { batchSize: 100, groupId });
    await producer.send({
      topic: Backlog.topic,
      messages: [message(Backlog, "k0", { widgetId: "marker", n: 1 })],
    });
    await waitFor(
      async () => (await effects("batch", "marker")).length === 1,
      "the marker after the re-read",
      60_000,
    );
    // Every partition read again (the marker shows only its own partition's progress).
    await waitFor(
      async () =>
        (await metric(consumerHandled, { group: groupId, outcome: "duplicate" })) >= duplicates + 600,
      "the 600 events read again",
      60_000,
    );
    expect(await metric(consumerHandled, { group: groupId, outcome: "duplicate" })).toBe(duplicates + 600);
    expect(await count("batch")).toBe(600 + 1);
    expect(await metric(consumerIdReused, { group: groupId })).toBe(reused); // redeliveries, not reuse
  });

  it("#15: batch consumer: a malformed, a refused and a failing event in the middle of a chunk go alone to the DLQ; the others are handled, in order", async () => {
    const Mixed = widgetContract();
    await createTopics([Mixed.topic, dlqTopicOf(Mixed.topic)], 1);
    const ids: Record<number, string> = {};
    const messages = Array.from({ length: 30 }, (_, n) => {
      ids[n] = randomUUID();
      return message(Mixed, "p", { widgetId: "p", n: n === 10 ? "ten" : n }, ids[n]);
    });
    await producer.send({ topic: Mixed.topic, messages });
    const { groupId: mixedGroup } = await startConsumer(Mixed, "mixed", { batchSize: 50 });
    await waitFor(async () => (await count("mixed")) === 27, "the 27 good events", 60_000);
    expect((await effects("mixed")).map((r) => r.n)).toEqual(
      Array.from({ length: 30 }, (_, n) => n).filter((n) => ![10, 15, 20].includes(n)),
    );
    // (kafkajs, not kcat: a poison copy's error header quotes the contract's error over several lines)
    const dead = (await readTopic(dlqTopicOf(Mixed.topic), 3)).filter((m) =>
      Object.values(ids).includes(m.headers.ce_id),
    );
    expect(
      dead.map((m) => [m.headers.ce_id, m.headers["dlq-error-kind"], m.headers["dlq-attempts"]]),
    ).toEqual([
      [ids[10], "poison", "0"],
      [ids[15], "rejected", "1"],
      [ids[20], "handler-failed", "3"],
    ]);
    expect(await metric(consumerBatchFallbacks, { group: mixedGroup })).toBeGreaterThanOrEqual(1);
    const inbox = await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = $1`, [
      mixedGroup,
    ]);
    expect(inbox[0].n).toBe(27);
  });

  it("#15: batch consumer: an id reused with other data is counted, in the same chunk or a later one; a true redelivery is not", async () => {
    const Reuse = widgetContract();
    await createTopics([Reuse.topic, dlqTopicOf(Reuse.topic)], 1);
    const x = randomUUID();
    await producer.send({
      topic: Reuse.topic,
      messages: [
        // chunk 1: the first, its redelivery, the id again with other data
        message(Reuse, "r", { widgetId: "x", n: 1 }, x),
        message(Reuse, "r", { widgetId: "x", n: 1 }, x),
        message(Reuse, "r", { widgetId: "x", n: 2 }, x),
        // chunk 2: two others, then the id again with other data (the first is in the inbox now)
        message(Reuse, "r", { widgetId: "y", n: 1 }),
        message(Reuse, "r", { widgetId: "y", n: 2 }),
        message(Reuse, "r", { widgetId: "x", n: 3 }, x),
      ],
    });
    const { groupId: reuseGroup } = await startConsumer(Reuse, "reuse", { batchSize: 3 });
    await waitFor(
      async () => (await metric(consumerHandled, { group: reuseGroup })) === 6,
      "the six events taken",
      60_000,
    );
    expect((await effects("reuse")).map((r) => [r.widget_id, r.n])).toEqual([
      ["x", 1],
      ["y", 1],
      ["y", 2],
    ]);
    expect(await metric(consumerIdReused, { group: reuseGroup })).toBe(2);
    expect(await metric(consumerHandled, { group: reuseGroup, outcome: "duplicate" })).toBe(3);
  });
});
