import { consumerOf, OrgUnitCreated, type ReceivedEvent } from "@grassroots/events";
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import {
  applyOrgUnitStates,
  createOrgUnitProjectionTable,
  dropOrgUnitProjectionTable,
  orgUnitProjectionHandlers,
  orgUnitViewOf,
  TypeOrmOrgUnitProjection,
  type OrgUnitProjection,
  type OrgUnitState,
} from "../src";
import { openDatabase } from "./support";

// #15: the projection's batch form, for a backlog: one upsert per batch (per round of a unit's
// states), the only-newer rule and `after` per applied unit kept, the same result as one by one.

class Projection1764100000000 implements MigrationInterface {
  name = "Projection1764100000000";
  up = (q: QueryRunner) => createOrgUnitProjectionTable(q);
  down = (q: QueryRunner) => dropOrgUnitProjectionTable(q);
}

/** Counts every INSERT statement on org_unit, however many rows it carries (a test-only trigger). */
class CountUpserts1765900000001 implements MigrationInterface {
  name = "CountUpserts1765900000001";
  async up(q: QueryRunner) {
    await q.query(
      `CREATE TABLE org_unit_insert_statement (at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    await q.query(`CREATE FUNCTION count_org_unit_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                   BEGIN INSERT INTO org_unit_insert_statement DEFAULT VALUES; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER org_unit_insert_statement AFTER INSERT ON org_unit
                   FOR EACH STATEMENT EXECUTE FUNCTION count_org_unit_insert()`);
  }
  async down(q: QueryRunner) {
    await q.query(`DROP TABLE org_unit_insert_statement`);
  }
}

const CITY = "10000000-0000-4000-8000-000000000000";
const unitId = (i: number) => `20000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
const state = (i: number, version: number, extra: Partial<OrgUnitState> = {}): OrgUnitState => ({
  id: unitId(i),
  code: `1506${String(i).padStart(2, "0")}000000`.slice(0, 12),
  name: `旗 ${i}`,
  kind: "BANNER",
  parentId: CITY,
  path: `${CITY}/${unitId(i)}/`,
  postEstablished: false,
  registerCount: null,
  registerAsOf: null,
  active: true,
  isSample: false,
  version,
  ...extra,
});

let dataSource: DataSource;
let close: () => Promise<void>;
beforeAll(
  async () =>
    ({ dataSource, close } = await openDatabase([Projection1764100000000, CountUpserts1765900000001])),
);
afterAll(() => close());
beforeEach(() => dataSource.query(`TRUNCATE org_unit, org_unit_insert_statement`));

const upserts = async (): Promise<number> =>
  (await dataSource.query(`SELECT count(*)::int AS n FROM org_unit_insert_statement`))[0].n;
const rows = (): Promise<OrgUnitProjection[]> =>
  dataSource.query(
    `SELECT id, code, name, kind, parent_id AS "parentId", path, depth, register_count AS "registerCount", active, version
       FROM org_unit ORDER BY id`,
  );

describe("#15: the org_unit projection in batches", () => {
  it("#15: 200 units' states are one upsert; only newer versions are applied, each change with its row before", async () => {
    await dataSource.transaction((m) =>
      applyOrgUnitStates(m, [orgUnitViewOf(state(1, 5)), orgUnitViewOf(state(2, 1))]),
    );
    const before = await upserts();
    const views = Array.from({ length: 200 }, (_, i) =>
      orgUnitViewOf(state(i + 1, 3, { name: `旗 ${i + 1} v3`, registerCount: i })),
    );
    const changes = await dataSource.transaction((m) => applyOrgUnitStates(m, views));
    expect((await upserts()) - before).toBe(1);
    expect(changes).toHaveLength(200);
    // Unit 1 held v5: not replaced by v3. Unit 2 held v1: replaced. The others are new.
    expect(changes[0]).toEqual({ applied: false, before: orgUnitViewOf(state(1, 5)) });
    expect(changes[1]).toEqual({ applied: true, before: orgUnitViewOf(state(2, 1)) });
    expect(changes.slice(2).every((c) => c.applied && c.before === undefined)).toBe(true);
    const held = await rows();
    expect(held).toHaveLength(200);
    expect(held[0]).toEqual(orgUnitViewOf(state(1, 5)));
    expect(held[1]).toEqual(views[1]);
    expect(held[199]).toEqual(views[199]);
    // A unit twice in one call is the caller's mistake (the handlers split them into rounds).
    await expect(dataSource.transaction((m) => applyOrgUnitStates(m, [views[0], views[0]]))).rejects.toThrow(
      /each unit once/,
    );
  });

  it("#15: the handlers' batch form leaves the same rows and calls `after` with the same changes per unit as one by one; the six share it", async () => {
    interface Tx {
      units: TypeOrmOrgUnitProjection;
      note(text: string): void;
    }
    let seen: string[] = [];
    let calls = 0;
    const consumer = consumerOf(
      "test",
      (manager: EntityManager): Tx => ({
        units: new TypeOrmOrgUnitProjection(manager),
        note: (text) => seen.push(text),
      }),
      orgUnitProjectionHandlers<Tx>(async (tx, changes) => {
        calls++;
        for (const { view, before } of changes)
          tx.note(`${view.name}: v${before?.version ?? "none"} → v${view.version}`);
      }),
    );
    // One function for the six types: the consumer hands a mixed backlog over in one call.
    expect(new Set(consumer.handlers.map((h) => h.handleBatch)).size).toBe(1);
    const handler = consumer.handlers.find((h) => h.contract.type === OrgUnitCreated.type)!;
    const events = [
      state(1, 1),
      state(2, 1),
      state(1, 2, { registerCount: 1500 }),
      state(2, 1, { name: "same version, not applied" }),
      state(3, 1),
      state(1, 1, { name: "late" }), // older than what is held by then
      state(4, 2),
    ].map((data) => ({ data }) as ReceivedEvent<never>);

    for (const event of events) await dataSource.transaction((m) => handler.handle(event, m));
    const oneByOne = { rows: await rows(), seen, upserts: await upserts(), calls };
    await dataSource.query(`TRUNCATE org_unit, org_unit_insert_statement`);
    seen = [];
    calls = 0;
    await dataSource.transaction((m) => handler.handleBatch!(events, m));
    const perUnit = (notes: string[]) => [...notes].sort(); // units interleave differently; each unit's own order is kept
    expect(await rows()).toEqual(oneByOne.rows);
    expect(perUnit(seen)).toEqual(perUnit(oneByOne.seen));
    expect(seen.filter((s) => s.startsWith("旗 1:"))).toEqual(["旗 1: vnone → v1", "旗 1: v1 → v2"]);
    expect(oneByOne.upserts).toBe(7);
    expect(await upserts()).toBe(3); // rounds: each unit's 1st, 2nd and 3rd state
    // `after` once per applied event one by one (5 of 7 newer), once per round in the batch: set-wise reactions.
    expect(oneByOne.calls).toBe(5);
    expect(calls).toBe(2); // the third round holds only the late state, which is not applied
  });
});
