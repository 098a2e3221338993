import { createTestDatabase, type TestDatabase } from "@grassroots/test-infra";
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import {
  createClientRequestTable,
  createDataSource,
  dropClientRequestTable,
  IdempotencyKeyEntity,
  runOncePerRequest,
  TypeOrmIdempotencyStore,
  type IdempotencyStore,
  type RetryableUnitOfWork,
} from "../src";

class Tables1764100000000 implements MigrationInterface {
  name = "Tables1764100000000";
  async up(q: QueryRunner) {
    await createClientRequestTable(q);
    await q.query(`CREATE TABLE note (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), text text NOT NULL)`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE note`);
    await dropClientRequestTable(q);
  }
}

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase("kit_retryable");
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

/** A service's transaction and unit of work, as small as a retryable command needs them. */
interface Tx {
  idempotency: IdempotencyStore;
  manager: EntityManager;
}
const uow: RetryableUnitOfWork<Tx> = {
  run: (work) =>
    dataSource.transaction((manager) => work({ idempotency: new TypeOrmIdempotencyStore(manager), manager })),
};

const notes = async () => (await dataSource.query(`SELECT count(*)::int AS n FROM note`))[0].n as number;

/** A create a client may retry, as a service's command writes it. */
const addNote = (input: { text: string; requestId?: string }, actorId = "u-1") =>
  runOncePerRequest(
    uow,
    "addNote",
    actorId,
    input,
    async (tx) => {
      const [note] = await tx.manager.query(`INSERT INTO note (text) VALUES ($1) RETURNING id, text`, [
        input.text,
      ]);
      return { ...(note as { id: string; text: string }), replayed: false };
    },
    (note) => note.id,
    async (tx, id) => {
      const [note] = await tx.manager.query(`SELECT id, text FROM note WHERE id = $1`, [id]);
      return note && { ...(note as { id: string; text: string }), replayed: true };
    },
  );

describe("runOncePerRequest: a command a client may retry, in its own transaction", () => {
  it("without a requestId the work runs every time", async () => {
    const before = await notes();
    await addNote({ text: "a" });
    await addNote({ text: "a" });
    expect(await notes()).toBe(before + 2);
  });

  it("a retry with the same requestId and input writes nothing and replays the first result in its own transaction", async () => {
    const first = await addNote({ text: "b", requestId: "req-note-0001" });
    const before = await notes();
    const again = await addNote({ text: "b", requestId: "req-note-0001" });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await notes()).toBe(before);
  });

  it("the same requestId with other input, or from another user, is a CONFLICT and writes nothing", async () => {
    await addNote({ text: "c", requestId: "req-note-0002" });
    const before = await notes();
    await expect(addNote({ text: "other", requestId: "req-note-0002" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "requestId" },
    });
    await expect(addNote({ text: "c", requestId: "req-note-0002" }, "u-2")).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await notes()).toBe(before);
  });
});
