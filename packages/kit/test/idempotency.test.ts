import { createTestDatabase, type TestDatabase } from "@grassroots/test-infra";
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import {
  createClientRequestTable,
  createDataSource,
  dropClientRequestTable,
  fingerprintOf,
  idempotent,
  IdempotencyKeyEntity,
  TypeOrmIdempotencyStore,
} from "../src";

class Tables1764100000000 implements MigrationInterface {
  name = "Tables1764100000000";
  async up(q: QueryRunner) {
    await createClientRequestTable(q);
    await q.query(`CREATE TABLE thing (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE thing`);
    await dropClientRequestTable(q);
  }
}

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase("kit_idem");
  dataSource = createDataSource({
    url: db.url,
    poolSize: 4,
    entities: [IdempotencyKeyEntity],
    migrations: [Tables1764100000000],
    applicationName: "kit-test",
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
});

afterAll(async () => {
  await dataSource.destroy();
  await db.drop();
});

const things = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM thing`))[0].n as number;

/** A command as a service writes it: create a thing, once per requestId. */
const createThing = (requestId: string, name: string, actorId = "u-1", hold?: Promise<void>) =>
  dataSource.transaction(async (manager: EntityManager) =>
    idempotent(
      new TypeOrmIdempotencyStore(manager),
      { requestId, operation: "createThing", actorId, input: { name } },
      async () => {
        const [{ id }] = await manager.query(`INSERT INTO thing (name) VALUES ($1) RETURNING id`, [name]);
        if (name === "refused") throw new Error("refused by a rule");
        await hold;
        return { result: { id, name, replayed: false }, resultId: id as string };
      },
      async (id) => {
        const [row] = await manager.query(`SELECT id, name FROM thing WHERE id = $1`, [id]);
        return { ...row, replayed: true };
      },
    ),
  );

describe("#9 client requestId idempotency in the kit (personnel's mechanism, for any service)", () => {
  it("the table has personnel's shape (same name and columns, so personnel needs no data migration)", async () => {
    const columns = await dataSource.query(
      `SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns
        WHERE table_name = 'idempotency_key' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: "request_id", data_type: "text", is_nullable: "NO", column_default: null },
      { column_name: "operation", data_type: "text", is_nullable: "NO", column_default: null },
      { column_name: "actor_id", data_type: "text", is_nullable: "NO", column_default: null },
      { column_name: "fingerprint", data_type: "text", is_nullable: "NO", column_default: null },
      { column_name: "result_id", data_type: "uuid", is_nullable: "YES", column_default: null },
      {
        column_name: "created_at",
        data_type: "timestamp with time zone",
        is_nullable: "NO",
        column_default: "now()",
      },
    ]);
  });

  it("a retry writes nothing and returns the first result; the fingerprint ignores key order and undefined", async () => {
    const first = await createThing("req-retry-0001", "a");
    const again = await createThing("req-retry-0001", "a");
    expect(again).toEqual({ ...first, replayed: true });
    expect(await things()).toBe(1);
    expect(fingerprintOf({ a: 1, b: [1, { c: 2, d: undefined }] })).toBe(
      fingerprintOf({ b: [1, { c: 2 }], a: 1 }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
  });

  it("the same id with other input, or from another user, is a CONFLICT naming requestId", async () => {
    await createThing("req-conflict-01", "b");
    const before = await things();
    await expect(createThing("req-conflict-01", "other")).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "requestId" },
      message: expect.stringContaining("already used for a different request (createThing)"),
    });
    await expect(createThing("req-conflict-01", "b", "u-2")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await things()).toBe(before);
  });

  it("a refused request stores nothing: the same id can be sent again corrected", async () => {
    const before = await things();
    await expect(createThing("req-refused-01", "refused")).rejects.toThrow("refused by a rule");
    expect(await things()).toBe(before);
    const store = new TypeOrmIdempotencyStore(dataSource.manager);
    expect(await store.used(["req-refused-01", "req-retry-0001", "never-used-1"])).toEqual(
      new Set(["req-retry-0001"]),
    );
    expect(await store.used([])).toEqual(new Set());
    expect((await createThing("req-refused-01", "corrected")).replayed).toBe(false);
  });

  it("refuses a malformed requestId as BAD_USER_INPUT before any write", async () => {
    const before = await things();
    await expect(createThing("short", "c")).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      details: { field: "requestId" },
    });
    expect(await things()).toBe(before);
  });

  it("two concurrent first attempts: one works, the other waits for it and replays its result", async () => {
    let release: () => void = () => undefined;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const first = createThing("req-concurrent", "d", "u-1", hold);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = createThing("req-concurrent", "d");
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(a.replayed).toBe(false);
    expect(b).toEqual({ ...a, replayed: true });
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM thing WHERE name = 'd'`))[0].n).toBe(1);
  });
});
