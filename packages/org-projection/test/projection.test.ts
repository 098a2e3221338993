import {
  consumerOf,
  OrgUnitCreated,
  OrgUnitMoved,
  RegisterCountSet,
  type ReceivedEvent,
} from "@grassroots/events";
import { orgUnitHomePath } from "@grassroots/kit";
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import {
  applyOrgUnitState,
  createOrgUnitProjectionTable,
  dropOrgUnitProjectionTable,
  ORG_UNIT_EVENT_TYPES,
  orgUnitProjectionHandlers,
  orgUnitViewOf,
  TypeOrmOrgUnitProjection,
  type OrgUnitProjection,
  type OrgUnitState,
} from "../src";
import { openDatabase } from "./support";

class Projection1764100000000 implements MigrationInterface {
  name = "Projection1764100000000";
  up = (q: QueryRunner) => createOrgUnitProjectionTable(q);
  down = (q: QueryRunner) => dropOrgUnitProjectionTable(q);
}

const CITY = "10000000-0000-4000-8000-000000000000";
const BANNER = "20000000-0000-4000-8000-000000000000";
const state = (version: number, extra: Partial<OrgUnitState> = {}): OrgUnitState => ({
  id: BANNER,
  code: "150621000000",
  name: "达拉特旗",
  kind: "BANNER",
  parentId: CITY,
  path: `${CITY}/${BANNER}/`,
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
beforeAll(async () => ({ dataSource, close } = await openDatabase([Projection1764100000000])));
afterAll(() => close());

const row = async (id = BANNER): Promise<OrgUnitProjection | undefined> =>
  (
    await dataSource.query(
      `SELECT id, code, name, kind, parent_id AS "parentId", path, depth, register_count AS "registerCount", active, version
       FROM org_unit WHERE id = $1`,
      [id],
    )
  )[0];

const apply = (s: OrgUnitState) => dataSource.transaction((m) => applyOrgUnitState(m, orgUnitViewOf(s)));

describe("#9 the org_unit projection, applied once for every service", () => {
  it("applies a new unit, then only newer versions; an older or redelivered one changes nothing", async () => {
    expect(await apply(state(1))).toEqual({ applied: true, before: undefined });
    expect(await row()).toEqual(orgUnitViewOf(state(1)));

    const v3 = await apply(state(3, { name: "达拉特旗（新）", registerCount: 1600 }));
    expect(v3).toEqual({ applied: true, before: orgUnitViewOf(state(1)) });
    expect(await row()).toMatchObject({ name: "达拉特旗（新）", registerCount: 1600, version: 3 });

    const older = await apply(state(2, { name: "stale" }));
    expect(older).toEqual({ applied: false, before: await row() });
    const redelivered = await apply(state(3, { name: "same version, other words" }));
    expect(redelivered.applied).toBe(false);
    expect(await row()).toMatchObject({ name: "达拉特旗（新）", version: 3 });
  });

  it("the table keeps its invariants as CHECK constraints", async () => {
    await expect(apply(state(0, { id: "30000000-0000-4000-8000-000000000000" }))).rejects.toThrow(
      /version_check/,
    );
    await expect(
      apply(state(1, { id: "30000000-0000-4000-8000-000000000000", registerCount: -1 })),
    ).rejects.toThrow(/register_count_check/);
  });

  it("is the table the kit's orgUnitHomePath reads: org_unit(id, path, active)", async () => {
    const homePathOf = orgUnitHomePath(dataSource);
    expect(await homePathOf(BANNER)).toBe(`${CITY}/${BANNER}/`);
    await apply(state(9, { active: false }));
    expect(await homePathOf(BANNER)).toBeUndefined();
  });

  it("handles the six org-unit events (five changes and the republished state) through the service's domain transaction; `after` runs only when newer", async () => {
    expect(ORG_UNIT_EVENT_TYPES).toHaveLength(6);
    expect(ORG_UNIT_EVENT_TYPES).toContain("grassroots.organization.org-unit.state-republished.v1");
    const seen: string[] = [];
    interface Tx {
      units: TypeOrmOrgUnitProjection;
      note(text: string): void;
    }
    const transactionOf = (manager: EntityManager): Tx => ({
      units: new TypeOrmOrgUnitProjection(manager),
      note: (text) => seen.push(text),
    });
    const consumer = consumerOf(
      "test",
      transactionOf,
      orgUnitProjectionHandlers<Tx>(async (tx, changes) => {
        for (const { view, before } of changes)
          tx.note(`${view.name} v${view.version} after v${before?.version ?? "none"}`);
      }),
    );
    expect(consumer.handlers.map((h) => h.contract.type)).toEqual(ORG_UNIT_EVENT_TYPES);
    const deliver = (type: string, data: unknown) =>
      dataSource.transaction((manager) =>
        consumer.handlers
          .find((h) => h.contract.type === type)!
          .handle({ data } as ReceivedEvent<never>, manager),
      );
    const TOWN = "40000000-0000-4000-8000-000000000000";
    const town = state(1, {
      id: TOWN,
      code: "150621100000",
      name: "树林召镇",
      kind: "TOWN",
      path: `${CITY}/${BANNER}/${TOWN}/`,
      parentId: BANNER,
    });
    await deliver(OrgUnitCreated.type, town);
    await deliver(RegisterCountSet.type, { ...town, version: 2, registerCount: 1500, previousCount: null });
    await deliver(RegisterCountSet.type, { ...town, version: 2, registerCount: 1500, previousCount: null });
    await deliver(OrgUnitMoved.type, {
      ...town,
      version: 1,
      // An older state (a late delivery): not applied, `after` not run.
      previousParentId: CITY,
      previousCode: "150600100000",
      previousPath: `${CITY}/${TOWN}/`,
      descendantsMoved: 0,
    });
    expect(seen).toEqual(["树林召镇 v1 after vnone", "树林召镇 v2 after v1"]);
    expect(await row(TOWN)).toMatchObject({ registerCount: 1500, version: 2, depth: 2 });
  });
});
