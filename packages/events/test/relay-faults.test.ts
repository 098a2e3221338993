import { readTopicWithKcat, startPrivateBroker, waitFor, type PrivateBroker } from "@grassroots/test-infra";
import { Kafka, logLevel } from "kafkajs";
import type { DataSource } from "typeorm";
import { createKafka, OutboxRelay, publishEvent } from "../src";
import { allowConnections, logger, openDatabase, widgetContract, refuseConnections } from "./support";

// #14: how soon the relay publishes again once the broker or the database is back (≤ 2 s asked).
// The broker is this file's own (kill -9, as a crash), the database outage a real one (it stops
// accepting connections and its sessions are ended).
const Widget = widgetContract();
let broker: PrivateBroker;
let dataSource: DataSource;
let databaseName: string;
let drop: () => Promise<void>;
let relay: OutboxRelay;

const unsent = async (): Promise<number> =>
  (await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n;

const write = (n: number) =>
  dataSource.transaction((m) =>
    publishEvent(m, Widget, { widgetId: `w-${n % 3}`, n }, { key: `w-${n % 3}` }),
  );

beforeAll(async () => {
  broker = await startPrivateBroker();
  const kafkaAdmin = new Kafka({ brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
  await kafkaAdmin.connect();
  await kafkaAdmin.createTopics({
    topics: [{ topic: Widget.topic, numPartitions: 2 }],
    waitForLeaders: true,
  });
  await kafkaAdmin.disconnect();
  const opened = await openDatabase();
  dataSource = opened.dataSource;
  databaseName = opened.db.name;
  drop = opened.db.drop;
  relay = new OutboxRelay({
    databaseUrl: opened.db.url,
    kafka: createKafka(broker.brokers, "relay-faults-test", logger),
    logger,
    service: "events-test",
    pollMs: 100,
  });
  await relay.start();
}, 120_000);

afterAll(async () => {
  await allowConnections(databaseName).catch(() => undefined);
  await relay.stop();
  await dataSource.destroy();
  await drop();
  await broker.destroy();
});

describe("#14 relay catch-up", () => {
  it("#14: after a broker crash, what was written meanwhile is published within 2 s of the broker's return", async () => {
    await write(0);
    await waitFor(async () => (await unsent()) === 0, "the first event published");
    await broker.kill();
    for (let n = 1; n <= 20; n++) await write(n);
    await new Promise((r) => setTimeout(r, 5000)); // long enough for the relay's backoff to grow
    expect(await unsent()).toBe(20);
    await broker.start();
    const back = Date.now();
    await waitFor(
      async () => (await unsent()) === 0,
      "the outbox drained after the broker returned",
      30000,
      50,
    );
    const catchUpMs = Date.now() - back;
    process.stdout.write(
      `relay published 20 pending events ${catchUpMs} ms after the broker answered again\n`,
    );
    expect(catchUpMs).toBeLessThan(2000);
    // Every event once at least, and per key in the order written (a resent batch may repeat, never reorder).
    const onTopic = await readTopicWithKcat(Widget.topic, broker.brokers);
    expect(new Set(onTopic.map((m) => m.headers.ce_id)).size).toBe(21);
    for (const key of ["w-0", "w-1", "w-2"]) {
      const ns = onTopic.filter((m) => m.key === key).map((m) => (JSON.parse(m.value) as { n: number }).n);
      const firstSeen = ns.filter((n, i) => ns.indexOf(n) === i);
      expect(firstSeen).toEqual(Array.from({ length: 21 }, (_, n) => n).filter((n) => `w-${n % 3}` === key));
    }
  }, 120_000);

  it("#14: after a database outage, the relay publishes within 2 s of the database's return", async () => {
    await refuseConnections(databaseName);
    await new Promise((r) => setTimeout(r, 4000));
    await allowConnections(databaseName);
    // A write committed the moment the database is back must not wait for the relay's backoff.
    await write(100);
    const back = Date.now();
    await waitFor(
      async () => (await unsent()) === 0,
      "the event written after the outage published",
      30000,
      50,
    );
    const catchUpMs = Date.now() - back;
    process.stdout.write(`relay published ${catchUpMs} ms after the database accepted connections again\n`);
    expect(catchUpMs).toBeLessThan(2000);
  }, 60_000);

  it("#14: a publish that never returns is given up after the stall timeout and sent again on a new producer", async () => {
    // The fault: the relay's first producer is a real one whose sendBatch never settles, as a
    // kafkajs request to a killed broker can wait; every later producer is untouched.
    const kafka = createKafka(broker.brokers, "relay-stall-test", logger);
    let producers = 0;
    const stalling = new Proxy(kafka, {
      get(target, prop, receiver) {
        if (prop !== "producer") return Reflect.get(target, prop, receiver);
        return (...args: Parameters<Kafka["producer"]>) => {
          const real = target.producer(...args);
          if (producers++ > 0) return real;
          return Object.assign(Object.create(real) as typeof real, {
            sendBatch: () => new Promise<never>(() => undefined),
          });
        };
      },
    });
    const opened = await openDatabase();
    const stalled = new OutboxRelay({
      databaseUrl: opened.db.url,
      kafka: stalling,
      logger,
      service: "events-stall-test",
      pollMs: 100,
      stallTimeoutMs: 1000,
    });
    try {
      await opened.dataSource.transaction((m) =>
        publishEvent(m, Widget, { widgetId: "stall", n: 500 }, { key: "stall" }),
      );
      const began = Date.now();
      await stalled.start();
      await waitFor(
        async () =>
          (await opened.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0]
            .n === 0,
        "the stalled batch sent again",
        30000,
        50,
      );
      const tookMs = Date.now() - began;
      process.stdout.write(`a stalled publish was given up and sent again after ${tookMs} ms\n`);
      expect(producers).toBeGreaterThanOrEqual(2);
      expect(tookMs).toBeGreaterThanOrEqual(1000);
      expect(tookMs).toBeLessThan(5000);
      const onTopic = await readTopicWithKcat(Widget.topic, broker.brokers);
      expect(onTopic.filter((m) => m.key === "stall")).toHaveLength(1);
    } finally {
      await stalled.stop();
      await opened.dataSource.destroy();
      await opened.db.drop();
    }
  }, 60_000);
});
