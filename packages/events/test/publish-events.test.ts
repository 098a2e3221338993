import type { DataSource } from "typeorm";
import { publishEvent, publishEvents } from "../src";
import { openDatabase, widgetContract } from "./support";

const Widget = widgetContract();
let dataSource: DataSource;
let drop: () => Promise<void>;

beforeAll(async () => {
  const opened = await openDatabase();
  dataSource = opened.dataSource;
  drop = opened.db.drop;
});

afterAll(async () => {
  await dataSource.destroy();
  await drop();
});

const rows = (ids: string[]) =>
  dataSource.query(
    `SELECT topic, key, type, source, subject, data, request_id, sent_at FROM outbox
      WHERE id = ANY($1::uuid[]) ORDER BY seq`,
    [ids],
  );
const count = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM outbox`))[0].n as number;

describe("#15: publishEvents, the outbox's bulk writer", () => {
  it("#15: writes the rows publishEvent writes (same columns), in the order given, in chunks", async () => {
    const events = Array.from({ length: 7 }, (_, i) => ({
      contract: Widget,
      data: { widgetId: `bulk-${i}`, n: i },
    }));
    const bulk = await dataSource.transaction((m) => publishEvents(m, events, 3));
    const single = await dataSource.transaction(async (m) => {
      const ids: string[] = [];
      for (const e of events) ids.push(await publishEvent(m, e.contract, e.data));
      return ids;
    });
    expect(bulk).toHaveLength(7);
    expect(await rows(bulk)).toEqual(await rows(single));
    expect((await rows(bulk)).map((r: { key: string }) => r.key)).toEqual(events.map((e) => e.data.widgetId));
  });

  it("#15: one event off its contract (or keyed otherwise) refuses the whole call before anything is written", async () => {
    const before = await count();
    const good = { contract: Widget, data: { widgetId: "ok", n: 1 } };
    await expect(
      dataSource.transaction((m) =>
        publishEvents(m, [good, { contract: Widget, data: { widgetId: "bad", n: "x" } as never }]),
      ),
    ).rejects.toThrow(/does not match its contract/);
    await expect(
      dataSource.transaction((m) =>
        publishEvents(m, [
          good,
          { contract: Widget, data: { widgetId: "w", n: 1 }, options: { key: "other" } },
        ]),
      ),
    ).rejects.toThrow(/keyed by widgetId/);
    expect(await count()).toBe(before);
  });

  it("#15: refuses to run outside a transaction", async () => {
    await expect(
      publishEvents(dataSource.manager, [{ contract: Widget, data: { widgetId: "w", n: 1 } }]),
    ).rejects.toThrow(/must run inside the business transaction/);
  });
});
