import { badInput } from "@grassroots/kit";
import { createTopics, readTopicWithKcat, testKafka, waitFor } from "@grassroots/test-infra";
import type { Producer } from "kafkajs";
import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { consumerOf, createKafka, dlqTopicOf, EventConsumer, handle, toKafkaHeaders } from "../src";
import { consumerIdReused } from "../src/inbox/consumer-metrics";
import {
  allowConnections,
  brokers,
  logger,
  openDatabase,
  widgetContract,
  refuseConnections,
} from "./support";

// #14: what the consumer does when handling fails, by why it fails. The database outage is real:
// the test database stops accepting connections and its sessions are ended, as a restarting or
// locked-down PostgreSQL would do.
const Widget = widgetContract();
let dataSource: DataSource;
let databaseName: string;
let drop: () => Promise<void>;
let producer: Producer;
let consumer: EventConsumer;
let groupId: string;
let broken = true; // "flaky" widgets fail (as a bug would) until a fix flips this

async function send(data: unknown, id = randomUUID(), headers: Record<string, string> = {}) {
  const key = (data as { widgetId?: string }).widgetId ?? "none";
  await producer.send({
    topic: Widget.topic,
    messages: [
      {
        key,
        value: JSON.stringify(data),
        headers: {
          ...toKafkaHeaders({
            id,
            source: "/grassroots/test",
            type: Widget.type,
            subject: key,
            time: new Date().toISOString(),
          }),
          ...headers,
        },
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

const deadLettered = async (ids: string[]) =>
  (await readTopicWithKcat(dlqTopicOf(Widget.topic))).filter((m) => ids.includes(m.headers.ce_id));

const reusedCount = async () =>
  (await consumerIdReused.get()).values.find((v) => v.labels.group === groupId)?.value ?? 0;

beforeAll(async () => {
  const opened = await openDatabase();
  dataSource = opened.dataSource;
  databaseName = opened.db.name;
  drop = opened.db.drop;
  await createTopics([Widget.topic, dlqTopicOf(Widget.topic)], 1);
  producer = testKafka().producer();
  await producer.connect();
  const wiring = consumerOf(`test-faults-${randomUUID()}`, (manager) => manager, [
    handle(Widget, async (event, manager: EntityManager) => {
      const { widgetId, n } = event.data;
      if (widgetId.startsWith("rejected")) throw badInput("n is not allowed for this widget", "n");
      if (widgetId.startsWith("flaky") && broken) throw new Error("handler bug: cannot apply yet");
      await manager.query(`INSERT INTO widget_effect (widget_id, n) VALUES ($1, $2)`, [widgetId, n]);
    }),
  ]);
  groupId = wiring.groupId;
  consumer = new EventConsumer({
    kafka: createKafka(brokers, "consumer-faults-test", logger),
    dataSource,
    groupId,
    logger,
    retry: { attempts: 3, initialMs: 50, maxMs: 200 },
    handlers: wiring.handlers,
  });
  await consumer.start();
});

afterAll(async () => {
  await allowConnections(databaseName).catch(() => undefined);
  await consumer.stop();
  await producer.disconnect();
  await dataSource.destroy();
  await drop();
});

describe("#14 consumer faults", () => {
  it("R5/R7 (#14): while the database refuses connections the consumer waits, then handles every event in order — none goes to the DLQ, and it is back within 2 s", async () => {
    await send({ widgetId: "before-outage", n: 0 });
    await waitFor(async () => (await effects("before-outage")).length === 1, "the event before the outage");
    await refuseConnections(databaseName);
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) ids.push(await send({ widgetId: "during-outage", n }));
    await new Promise((r) => setTimeout(r, 4000)); // an outage longer than every handler retry
    await allowConnections(databaseName);
    const back = Date.now();
    await waitFor(
      async () => (await effects("during-outage")).length === 6,
      "the six events after the outage",
      15000,
      50,
    );
    const recoveryMs = Date.now() - back;
    process.stdout.write(`consumer caught up ${recoveryMs} ms after the database came back (6 events)\n`);
    expect(await effects("during-outage")).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await deadLettered(ids)).toEqual([]);
    expect(recoveryMs).toBeLessThan(2000);
  });

  it("#14: an event a domain rule refuses goes to the DLQ at once as 'rejected', and the next one is handled", async () => {
    const id = await send({ widgetId: "rejected-1", n: 1 });
    await send({ widgetId: "after-rejected", n: 1 });
    await waitFor(
      async () => (await effects("after-rejected")).length === 1,
      "the event after the rejected one",
    );
    const dead = await deadLettered([id]);
    expect(dead).toHaveLength(1);
    expect(dead[0].headers).toMatchObject({
      "dlq-error-kind": "rejected",
      "dlq-attempts": "1",
      "dlq-error": "n is not allowed for this widget",
      "dlq-consumer-group": groupId,
    });
  });

  it("#14: an event id that comes again with other data is counted and dropped; a true redelivery is not counted", async () => {
    const id = await send({ widgetId: "reused", n: 1 });
    await waitFor(async () => (await effects("reused")).length === 1, "the first event");
    const before = await reusedCount();
    await send({ widgetId: "reused", n: 1 }, id); // a redelivery: same id, same data
    await send({ widgetId: "reused", n: 99 }, id); // the same id with other data
    await send({ widgetId: "reused-marker", n: 1 });
    await waitFor(async () => (await effects("reused-marker")).length === 1, "the marker");
    expect(await effects("reused")).toEqual([1]);
    expect((await reusedCount()) - before).toBe(1);
  });

  it("#14: replayDeadLetters takes this group's DLQ copies back after a fix, once; other groups' copies are left alone", async () => {
    const flakyId = await send({ widgetId: "flaky-1", n: 5 });
    await waitFor(async () => (await deadLettered([flakyId])).length === 1, "the flaky event in the DLQ");
    expect((await deadLettered([flakyId]))[0].headers["dlq-error-kind"]).toBe("handler-failed");
    // A copy another consumer group dead-lettered on the same DLQ topic.
    const foreign = (await deadLettered([flakyId]))[0];
    await producer.send({
      topic: dlqTopicOf(Widget.topic),
      messages: [
        {
          key: "flaky-foreign",
          value: JSON.stringify({ widgetId: "flaky-foreign", n: 1 }),
          headers: { ...foreign.headers, ce_id: randomUUID(), "dlq-consumer-group": "another-service" },
        },
      ],
    });
    broken = false; // the fix is deployed
    const first = await consumer.replayDeadLetters();
    process.stdout.write(`dead-letter replay: ${JSON.stringify(first)}\n`);
    expect(first).toMatchObject({ group: groupId, replayed: 1, otherGroups: 1 });
    expect(first.failedAgain).toBeGreaterThanOrEqual(1); // the rejected event still cannot pass
    expect(await effects("flaky-1")).toEqual([5]);
    expect(await effects("flaky-foreign")).toEqual([]);
    const again = await consumer.replayDeadLetters();
    expect(again).toMatchObject({ replayed: 0, alreadyHandled: 1, otherGroups: 1 });
    expect(await effects("flaky-1")).toEqual([5]);
  });
});
