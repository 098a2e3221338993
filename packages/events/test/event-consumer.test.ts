import { createTopics, readTopic, testKafka, waitFor } from "@grassroots/test-infra";
import type { Producer } from "kafkajs";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { consumerOf, createKafka, dlqTopicOf, EventConsumer, handle, toKafkaHeaders } from "../src";
import { brokers, logger, openDatabase, widgetContract } from "./support";

const Widget = widgetContract();
let dataSource: DataSource;
let drop: () => Promise<void>;
let producer: Producer;
let consumer: EventConsumer;

/** Sends an event as another service's relay would: CloudEvent headers, JSON value, key. */
async function send(data: unknown, id = randomUUID()) {
  const key = (data as { widgetId?: string }).widgetId ?? "none";
  await producer.send({
    topic: Widget.topic,
    messages: [
      {
        key,
        value: JSON.stringify(data),
        headers: toKafkaHeaders({
          id,
          source: "/grassroots/test",
          type: Widget.type,
          subject: key,
          time: new Date().toISOString(),
        }),
      },
    ],
  });
  return id;
}

async function effects(widgetId: string): Promise<number[]> {
  const rows: { n: number }[] = await dataSource.query(
    `SELECT n FROM widget_effect WHERE widget_id = $1 ORDER BY n`,
    [widgetId],
  );
  return rows.map((r) => r.n);
}

beforeAll(async () => {
  const opened = await openDatabase();
  dataSource = opened.dataSource;
  drop = opened.db.drop;
  await createTopics([Widget.topic, dlqTopicOf(Widget.topic)]);
  producer = testKafka().producer();
  await producer.connect();
  // The handler's "domain transaction" is the inbox transaction's manager itself here.
  const { groupId, handlers } = consumerOf(`test-consumer-${randomUUID()}`, (manager) => manager, [
    handle(Widget, async (event, manager: EntityManager) => {
      if (event.data.widgetId === "always-fails") throw new Error("handler cannot apply this event");
      await manager.query(`INSERT INTO widget_effect (widget_id, n) VALUES ($1, $2)`, [
        event.data.widgetId,
        event.data.n,
      ]);
    }),
  ]);
  consumer = new EventConsumer({
    kafka: createKafka(brokers, "consumer-test", logger),
    dataSource,
    groupId,
    logger,
    retry: { attempts: 3, initialMs: 50, maxMs: 200 },
    handlers,
  });
  await consumer.start();
});

afterAll(async () => {
  await consumer.stop();
  await producer.disconnect();
  await dataSource.destroy();
  await drop();
});

describe("inbox consumer", () => {
  it("applies an event once; a redelivered event (same ce_id) changes nothing", async () => {
    const id = await send({ widgetId: "w-dup", n: 7 });
    await waitFor(async () => (await effects("w-dup")).length === 1, "the first delivery to be applied");
    await send({ widgetId: "w-dup", n: 7 }, id);
    await send({ widgetId: "w-dup-marker", n: 1 });
    await waitFor(
      async () => (await effects("w-dup-marker")).length === 1,
      "the marker after the redelivery",
    );
    expect(await effects("w-dup")).toEqual([7]);
    const inbox = await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [id]);
    expect(inbox[0].n).toBe(1);
  });

  it("a handler that always fails sends the event to the DLQ with the error in headers, and the next event is processed", async () => {
    const failedId = await send({ widgetId: "always-fails", n: 1 });
    await send({ widgetId: "always-fails-next", n: 2 });
    await waitFor(
      async () => (await effects("always-fails-next")).length === 1,
      "the next event on the partition",
    );
    const dead = (await readTopic(dlqTopicOf(Widget.topic), 1)).filter((m) => m.headers.ce_id === failedId);
    expect(dead).toHaveLength(1);
    expect(dead[0].headers).toMatchObject({
      "dlq-error": "handler cannot apply this event",
      "dlq-error-kind": "handler-failed",
      "dlq-attempts": "3",
      "dlq-original-topic": Widget.topic,
      ce_type: Widget.type,
    });
    expect(JSON.parse(dead[0].value!)).toEqual({ widgetId: "always-fails", n: 1 });
    const inbox = await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE event_id = $1`, [
      failedId,
    ]);
    expect(inbox[0].n).toBe(0);
  });

  it("an event that breaks its contract goes to the DLQ at once, without retries", async () => {
    const badId = await send({ widgetId: "w-bad", n: "not a number" });
    await send({ widgetId: "w-after-bad", n: 3 });
    await waitFor(
      async () => (await effects("w-after-bad")).length === 1,
      "the event after the malformed one",
    );
    const dead = (await readTopic(dlqTopicOf(Widget.topic), 2)).filter((m) => m.headers.ce_id === badId);
    expect(dead).toHaveLength(1);
    expect(dead[0].headers["dlq-error-kind"]).toBe("poison");
    expect(dead[0].headers["dlq-attempts"]).toBe("0");
    expect(await effects("w-bad")).toEqual([]);
  });
});
