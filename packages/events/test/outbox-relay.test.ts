import { createTopics, readTopic, waitFor } from "@grassroots/test-infra";
import type { DataSource } from "typeorm";
import { createKafka, OutboxRelay, publishEvent } from "../src";
import { brokers, logger, openDatabase, widgetContract } from "./support";

const Widget = widgetContract();
let dataSource: DataSource;
let drop: () => Promise<void>;
let relay: OutboxRelay;

async function unsent(): Promise<number> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
  return n;
}

beforeAll(async () => {
  const opened = await openDatabase();
  dataSource = opened.dataSource;
  drop = opened.db.drop;
  await createTopics([Widget.topic]);
  relay = new OutboxRelay({
    databaseUrl: opened.db.url,
    kafka: createKafka(brokers, "relay-test", logger),
    logger,
    service: "events-test",
    pollMs: 100,
    maxBackoffMs: 2000,
  });
  await relay.start();
});

afterAll(async () => {
  await relay.stop();
  await dataSource.destroy();
  await drop();
});

describe("transactional outbox and relay", () => {
  it("publishes a committed change exactly once, as a CloudEvent keyed by the aggregate id", async () => {
    await dataSource.transaction((m) => publishEvent(m, Widget, { widgetId: "w-1", n: 1 }, { key: "w-1" }));
    await waitFor(async () => (await unsent()) === 0, "the relay to mark the row sent");
    const messages = await readTopic(Widget.topic, 1);
    expect(messages).toHaveLength(1);
    expect(messages[0].key).toBe("w-1");
    expect(JSON.parse(messages[0].value!)).toEqual({ widgetId: "w-1", n: 1 });
    expect(messages[0].headers).toMatchObject({
      ce_specversion: "1.0",
      ce_type: Widget.type,
      ce_source: "/grassroots/test",
      ce_subject: "w-1",
      "content-type": "application/json",
    });
    expect(messages[0].headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a rolled-back change leaves no outbox row and publishes nothing", async () => {
    const before = await dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    await expect(
      dataSource.transaction(async (m) => {
        await publishEvent(m, Widget, { widgetId: "w-rollback", n: 1 }, { key: "w-rollback" });
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    const after = await dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    expect(after[0].n).toBe(before[0].n);
  });

  it("refuses event data that breaks its contract, and outside a transaction", async () => {
    await expect(
      dataSource.transaction((m) =>
        publishEvent(m, Widget, { widgetId: "w-bad", n: "x" } as never, { key: "w-bad" }),
      ),
    ).rejects.toThrow(/does not match its contract/);
    await expect(
      publishEvent(dataSource.manager, Widget, { widgetId: "w", n: 1 }, { key: "w" }),
    ).rejects.toThrow(/inside the business transaction/);
    const rows = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE key IN ('w-bad', 'w')`);
    expect(rows[0].n).toBe(0);
  });

  it("#10.11: refuses a key other than the one the contract (and the AsyncAPI document) names", async () => {
    await expect(
      dataSource.transaction((m) =>
        publishEvent(m, Widget, { widgetId: "w-key", n: 1 }, { key: "someone-else" }),
      ),
    ).rejects.toThrow(/keyed by widgetId \(the widget's id\); got key someone-else/);
    const rows = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE key = 'someone-else'`);
    expect(rows[0].n).toBe(0);
  });
});
