import {
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitUpdated,
  type ReceivedEvent,
} from "@grassroots/events";
import { personnelConsumer } from "../src/events/consumers";
import { unitState, type OrgUnitStateFixture } from "@grassroots/testing";
import {
  as,
  cityAdmin,
  expectError,
  idOf,
  JIGESITAI,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_2,
  startHarness,
  type Harness,
} from "./support/harness";
import { STATISTICIAN } from "./support/operations";

let h: Harness;
let tree: OrgUnitStateFixture[];
beforeAll(async () => {
  h = await startHarness();
  tree = await h.publishTree();
});
afterAll(() => h.stop());

const row = async (id: string) =>
  (
    await h.dataSource.query(
      `SELECT code, name, kind, path, depth, register_count, active, version FROM org_unit WHERE id = $1`,
      [id],
    )
  )[0];
const unit = (code: string) => tree.find((u) => u.code === code)!;

describe("the org-unit projection (organization's events → local org_unit)", () => {
  it("keeps each unit's kind, path, depth and register count as organization published them", async () => {
    expect(await row(idOf(SHULINZHAO_VILLAGE_2))).toEqual({
      code: SHULINZHAO_VILLAGE_2,
      name: "测试二村",
      kind: "VILLAGE",
      path: unit(SHULINZHAO_VILLAGE_2).path,
      depth: 3,
      register_count: null,
      active: true,
      version: 1,
    });
    expect((await h.dataSource.query(`SELECT count(*)::int AS n FROM org_unit`))[0].n).toBe(tree.length);
  });

  it("applies a newer version; a late older one (redelivered after a resend) changes nothing", async () => {
    const base = unit(JIGESITAI);
    await h.handled(
      await h.publish(
        OrgUnitUpdated,
        { ...base, name: "吉格斯太镇（新）", version: 3, changed: ["name"] },
        base.id,
      ),
    );
    await h.handled(
      await h.publish(
        OrgUnitUpdated,
        { ...base, name: "吉格斯太镇（旧）", version: 2, changed: ["name"] },
        base.id,
      ),
    );
    expect(await row(base.id)).toMatchObject({ name: "吉格斯太镇（新）", version: 3 });
    // The same event id again is not even looked at (inbox).
    const id = await h.publish(
      OrgUnitUpdated,
      { ...base, name: "吉格斯太镇（再）", version: 9, changed: ["name"] },
      base.id,
    );
    await h.handled(id);
    await h.handled(
      await h.publish(OrgUnitUpdated, { ...base, name: "重复", version: 10, changed: ["name"] }, base.id, id),
    );
    await h.handled(
      await h.publish(
        OrgUnitCreated,
        unitState(unit(JIGESITAI), "150621101202", "标记村", "VILLAGE"),
        "marker",
      ),
    );
    expect(await row(base.id)).toMatchObject({ name: "吉格斯太镇（再）", version: 9 });
  });

  it("a move rewrites the path, and the caller's scope follows: the new township sees the people, the old one no longer", async () => {
    const person = await h.register(SHULINZHAO_VILLAGE_2);
    await h.appoint(person, SHULINZHAO_VILLAGE_2, "LIAISON", "PUBLIC_WELFARE_POST");
    const oldClerk = as("UNIT_CLERK", SHULINZHAO);
    const newClerk = as("UNIT_CLERK", JIGESITAI);
    expect((await h.call(STATISTICIAN, { id: person }, oldClerk)).data!.statistician.id).toBe(person);
    expectError(await h.call(STATISTICIAN, { id: person }, newClerk), "NOT_FOUND");

    const village = unit(SHULINZHAO_VILLAGE_2);
    const moved = {
      ...village,
      code: "150621101203",
      parentId: idOf(JIGESITAI),
      path: `${unit(JIGESITAI).path}${village.id}/`,
      version: 2,
    };
    await h.handled(
      await h.publish(
        OrgUnitMoved,
        {
          ...moved,
          previousParentId: village.parentId,
          previousCode: village.code,
          previousPath: village.path,
          descendantsMoved: 0,
        },
        village.id,
      ),
    );
    expect(await row(village.id)).toMatchObject({ code: "150621101203", path: moved.path, version: 2 });
    expect((await h.call(STATISTICIAN, { id: person }, newClerk)).data!.statistician.id).toBe(person);
    expectError(await h.call(STATISTICIAN, { id: person }, oldClerk), "NOT_FOUND");
  });

  it("the caller's area comes from the projection: a home unit deactivated (or never received) sees nothing", async () => {
    const community = unit("150621100001");
    const person = await h.register(community.code);
    const clerk = as("UNIT_CLERK", community.code);
    const list = `{ statisticians(first: 5) { totalCount } }`;
    expect((await h.call(list, {}, clerk)).data!.statisticians.totalCount).toBe(1);
    await h.handled(
      await h.publish(
        OrgUnitDeactivated,
        {
          ...community,
          active: false,
          version: 2,
          reason: "撤并",
          deactivatedBy: "t",
          deactivatedOn: "2026-05-01",
        },
        community.id,
      ),
    );
    expect(await row(community.id)).toMatchObject({ active: false });
    expect((await h.call(list, {}, clerk)).data!.statisticians.totalCount).toBe(0);
    const stranger = as("CITY_ADMIN", "150699999999");
    expect((await h.call(list, {}, stranger)).data!.statisticians.totalCount).toBe(0);
    expectError(await h.call(STATISTICIAN, { id: person }, stranger), "NOT_FOUND");
    expect((await h.call(STATISTICIAN, { id: person }, cityAdmin)).data!.statistician.id).toBe(person);
  });

  it("#15: a consumer batch of new villages re-evaluates their staffing set-wise: the same statements for 4 as for 40, each unit's R4 status published", async () => {
    const consumer = personnelConsumer({ clock: h.clock, settings: h.services.settings });
    const handler = consumer.handlers.find((c) => c.contract.type === OrgUnitCreated.type)!;
    const town = unit(JIGESITAI);
    let next = 300;
    const villages = (n: number) =>
      Array.from({ length: n }, () => unitState(town, `150621101${next++}`, `批量村${next}`, "VILLAGE"));
    const deliver = async (states: OrgUnitStateFixture[]) => {
      h.queries.queries = [];
      await h.dataSource.transaction((m) =>
        handler.handleBatch!(
          states.map((data) => ({ data }) as ReceivedEvent<never>),
          m,
        ),
      );
      return h.queries.queries.filter((q) => !/^(START TRANSACTION|COMMIT|BEGIN)/i.test(q)).length;
    };
    const few = villages(4);
    const many = villages(40);
    const [a, b] = [await deliver(few), await deliver(many)];
    expect(b).toBe(a);
    const ids = [...few, ...many].map((v) => v.id);
    const statuses = (await h.dataSource.query(
      `SELECT subject_unit_id AS id, rule, status FROM rule_status_published WHERE subject_unit_id = ANY($1)`,
      [ids],
    )) as { id: string; rule: string; status: string }[];
    expect(statuses).toHaveLength(ids.length);
    expect(new Set(statuses.map((r) => `${r.rule} ${r.status}`))).toEqual(
      new Set(["R4.village-staffing NOT_MET"]),
    );
    const recorded = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM staffing_status WHERE org_unit_id = ANY($1) AND NOT compliant`,
      [ids],
    );
    expect(recorded[0].n).toBe(ids.length);
  });
});
