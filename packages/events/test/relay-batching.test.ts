import { createTopics, readTopic, testEnv, waitFor } from "@grassroots/test-infra";
import type { Kafka } from "kafkajs";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { createKafka, OutboxRelay, publishEvent, publishEvents } from "../src";
import { OUTBOX_CHANNEL } from "../src/outbox/outbox-writer";
import { brokers, logger, openDatabase, widgetContract } from "./support";

// #15: what keeps the relay fast at 1,000 events/s: one read, one send and one mark per batch (the mark
// reading the next batch)
// whatever its size; the wake-up at commit never lost (the poll interval here is a minute, so a lost
// one shows as a stall); the rows' data sent as stored; order per key and every event once under a
// stream of concurrent writers.
const Widget = widgetContract();
const Gadget = { ...widgetContract(), type: "grassroots.test.gadget.changed.v1" };
let dataSource: DataSource;
let databaseName: string;
let drop: () => Promise<void>;
let stats: Client;

/** A real producer whose sendBatch calls are counted (the broker is not replaced). */
function countingKafka(): { kafka: Kafka; sends: () => number } {
  const kafka = createKafka(brokers, "relay-batching-test", logger);
  let sends = 0;
  const counted = new Proxy(kafka, {
    get(target, prop, receiver) {
      if (prop !== "producer") return Reflect.get(target, prop, receiver);
      return (...args: Parameters<Kafka["producer"]>) => {
        const real = target.producer(...args);
        const sendBatch = real.sendBatch.bind(real);
        return Object.assign(Object.create(real) as typeof real, {
          sendBatch: (batch: Parameters<typeof sendBatch>[0]) => {
            sends++;
            return sendBatch(batch);
          },
        });
      };
    },
  });
  return { kafka: counted, sends: () => sends };
}

/** Calls of the relay's statements in this test's database (pg_stat_statements, read as the admin). */
async function relayStatements(): Promise<Record<"read" | "mark", number>> {
  const { rows } = await stats.query<{ query: string; calls: string }>(
    `SELECT query, calls FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)`,
    [databaseName],
  );
  const calls = (pattern: RegExp) =>
    rows.filter((r) => pattern.test(r.query)).reduce((n, r) => n + Number(r.calls), 0);
  return {
    read: calls(/FROM outbox WHERE sent_at IS NULL ORDER BY seq/),
    mark: calls(/UPDATE outbox SET sent_at/),
  };
}

const unsent = async (): Promise<number> =>
  (await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  const opened = await openDatabase();
  dataSource = opened.dataSource;
  databaseName = opened.db.name;
  drop = opened.db.drop;
  await createTopics([Widget.topic, Gadget.topic]);
  stats = new Client({
    host: testEnv.pgHost,
    port: testEnv.pgPort,
    user: testEnv.pgUser,
    password: testEnv.pgPassword,
    database: "postgres",
  });
  await stats.connect();
}, 60_000);

afterAll(async () => {
  await stats.end();
  await dataSource.destroy();
  await drop();
});

describe("#15 relay batching", () => {
  it("#15: one read, one send and one mark (reading the next batch) per batch, whether it holds 1 event or 400 on two topics", async () => {
    const { kafka, sends } = countingKafka();
    // Not started: only flush() publishes, so nothing else reads meanwhile.
    const relay = new OutboxRelay({
      databaseUrl: dataSourceUrl(),
      kafka,
      logger,
      service: "batching-1",
      pollMs: 100,
    });
    try {
      const cost = async (events: number) => {
        await dataSource.transaction((m) =>
          publishEvents(
            m,
            Array.from({ length: events }, (_, n) => ({
              contract: n % 2 ? Gadget : Widget,
              data: { widgetId: `b-${n % 7}`, n },
            })),
          ),
        );
        const before = { ...(await relayStatements()), sends: sends() };
        await relay.flush();
        const after = { ...(await relayStatements()), sends: sends() };
        expect(await unsent()).toBe(0);
        return {
          read: after.read - before.read,
          mark: after.mark - before.mark,
          sends: after.sends - before.sends,
        };
      };
      await cost(1); // the first flush also connects the producer and takes the lock
      const one = await cost(1);
      const many = await cost(400);
      // A batch read, its send, and its mark that also reads the next batch (finding nothing left).
      expect(one).toEqual({ read: 1, mark: 1, sends: 1 });
      expect(many).toEqual(one);
      const onTopics = [...(await readTopic(Widget.topic, 202)), ...(await readTopic(Gadget.topic, 200))];
      expect(onTopics).toHaveLength(402);
      // The row's jsonb went out as PostgreSQL prints it: it parses to what was written.
      expect(onTopics.map((m) => JSON.parse(m.value!)).find((d) => d.n === 399)).toEqual({
        widgetId: "b-0",
        n: 399,
      });
    } finally {
      await relay.stop();
    }
  }, 60_000);

  it("#15: a commit that lands while the relay reads is sent at once, not a poll interval later", async () => {
    // A minute between polls: only the commit notifications wake this relay. Each trial commits two
    // events a few ms apart, so the second one often commits while the relay reads after the first.
    // PostgreSQL sends the notification right after that read's answer; the test holds this process
    // for a moment after the second commit, so both arrive in one socket read, where a relay that
    // listened only while idle lost it and left the event unsent for the minute.
    const relay = new OutboxRelay({
      databaseUrl: dataSourceUrl(),
      kafka: createKafka(brokers, "relay-wake-test", logger),
      logger,
      service: "batching-2",
      pollMs: 60_000,
    });
    const writer = new Client({ connectionString: dataSourceUrl() });
    await writer.connect();
    await relay.start();
    // The row and its notification in one autocommitted statement, as publishEvent writes them.
    const write = (n: number) =>
      writer.query(
        `WITH written AS (
           INSERT INTO outbox (id, topic, key, type, source, subject, data)
           VALUES (gen_random_uuid(), $1, $2, $3, '/grassroots/test', $2, $4) RETURNING seq)
         SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM written`,
        [Widget.topic, `wake-${n % 5}`, Widget.type, JSON.stringify({ widgetId: `wake-${n % 5}`, n })],
      );
    const hold = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    let slowest = 0;
    try {
      for (let trial = 0; trial < 200; trial++) {
        await write(2 * trial);
        await sleep(trial % 6);
        hold((trial % 10) / 10);
        const second = write(2 * trial + 1);
        hold(15);
        await second;
        const began = Date.now();
        await waitFor(async () => (await unsent()) === 0, `trial ${trial}: both events sent`, 3000, 2);
        slowest = Math.max(slowest, Date.now() - began);
      }
    } finally {
      await relay.stop();
      await writer.end();
    }
    process.stdout.write(
      `200 pairs of commits: the slowest second event sent ${slowest} ms after its commit\n`,
    );
    expect(slowest).toBeLessThan(3000);
  }, 120_000);

  it("#15: 8 writers committing as fast as they can (up to 1,000/s): every event on the topic once, each key's events in commit order", async () => {
    const topicContract = { ...widgetContract() };
    await createTopics([topicContract.topic]);
    const relay = new OutboxRelay({
      databaseUrl: dataSourceUrl(),
      kafka: createKafka(brokers, "relay-stream-test", logger),
      logger,
      service: "batching-3",
      pollMs: 200,
    });
    await relay.start();
    const writers = 8;
    const perWriter = 250;
    const began = Date.now();
    try {
      // Writer w owns keys s-w-*: one aggregate's commits never overlap, as a row lock ensures in a service.
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            const due = began + ((i * writers + w) * 1000) / 1000;
            if (due > Date.now()) await sleep(due - Date.now());
            await dataSource.transaction((m) =>
              publishEvent(m, topicContract, { widgetId: `s-${w}-${i % 4}`, n: i }),
            );
          }
        }),
      );
      await waitFor(async () => (await unsent()) === 0, "the stream sent", 30_000, 20);
    } finally {
      await relay.stop();
    }
    const total = writers * perWriter;
    const seconds = (Date.now() - began) / 1000;
    const [latency] = await dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
         FROM (SELECT EXTRACT(EPOCH FROM sent_at - time) * 1000 AS ms FROM outbox WHERE topic = $1) t`,
      [topicContract.topic],
    );
    process.stdout.write(
      `${total} events in ${seconds.toFixed(1)} s (${Math.round(total / seconds)}/s written): commit → sent p50 ${Math.round(latency.p50)} ms, p95 ${Math.round(latency.p95)} ms\n`,
    );
    const messages = await readTopic(topicContract.topic, total, 30_000);
    expect(messages).toHaveLength(total);
    expect(new Set(messages.map((m) => m.headers.ce_id)).size).toBe(total);
    const seen = new Map<string, number>();
    const outOfOrder: string[] = [];
    for (const message of messages) {
      const { n } = JSON.parse(message.value!) as { n: number };
      if ((seen.get(message.key!) ?? -1) >= n) outOfOrder.push(`${message.key} ${n}`);
      seen.set(message.key!, n);
    }
    expect(outOfOrder).toEqual([]);
    expect(seen.size).toBe(writers * 4);
  }, 120_000);
});

function dataSourceUrl(): string {
  const options = dataSource.options as { url?: string };
  if (!options.url) throw new Error("the test database has no url");
  return options.url;
}
