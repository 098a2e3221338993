import type { DataSource } from "typeorm";
import { publishEvent } from "../src";
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

const row = async (id: string) =>
  (await dataSource.query(`SELECT key, subject FROM outbox WHERE id = $1`, [id]))[0];

describe("publishEvent's key", () => {
  it("#9: defaults to the data field the contract names, and the subject to the key", async () => {
    const id = await dataSource.transaction((m) => publishEvent(m, Widget, { widgetId: "w-default", n: 1 }));
    expect(await row(id)).toEqual({ key: "w-default", subject: "w-default" });
  });

  it("#9: takes a subject of its own beside the default key", async () => {
    const id = await dataSource.transaction((m) =>
      publishEvent(m, Widget, { widgetId: "w-subject", n: 1 }, { subject: "widgets/w-subject" }),
    );
    expect(await row(id)).toEqual({ key: "w-subject", subject: "widgets/w-subject" });
  });

  it("#9: a key given must still equal the contract's field; nothing is written otherwise", async () => {
    const id = await dataSource.transaction((m) =>
      publishEvent(m, Widget, { widgetId: "w-same", n: 1 }, { key: "w-same" }),
    );
    expect((await row(id)).key).toBe("w-same");
    await expect(
      dataSource.transaction((m) => publishEvent(m, Widget, { widgetId: "w-other", n: 1 }, { key: "w-x" })),
    ).rejects.toThrow(/keyed by widgetId \(the widget's id\); got key w-x/);
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE key IN ('w-x', 'w-other')`,
    );
    expect(n).toBe(0);
  });
});
