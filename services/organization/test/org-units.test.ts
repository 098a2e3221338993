import { randomUUID } from "node:crypto";
import {
  cityAdmin,
  DALATE,
  expectError,
  idOf,
  importOrdos,
  outboxTypes,
  startHarness,
  ZHUNGEER,
  type Harness,
} from "./support/harness";
import { CREATE, DEACTIVATE, MOVE, SET_REGISTER, UNIT_BY_CODE, UPDATE } from "./support/operations";

const SHULINZHAO = "150621100000"; // 树林召镇, a TOWN of 达拉特旗

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
});
afterAll(() => h.stop());

const create = (input: Record<string, unknown>) => h.call(CREATE, { input }, cityAdmin);
const unit = async (code: string) => (await h.call(UNIT_BY_CODE, { code }, cityAdmin)).data!.orgUnitByCode;

describe("R1: the org tree", () => {
  it("creates a village under a town, infers its kind from the code, and publishes OrgUnitCreated", async () => {
    const before = (await outboxTypes(h.dataSource)).length;
    const result = await create({ parentId: idOf(SHULINZHAO), code: "150621100201", name: "测试村" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createOrgUnit).toMatchObject({
      id: idOf("150621100201"),
      kind: "VILLAGE",
      depth: 3,
      parentId: idOf(SHULINZHAO),
      version: 1,
      statisticsPost: { required: true, established: false },
    });
    // The unit's event, then its R1 status (issue 12): a new village needs a post it does not have yet.
    expect((await outboxTypes(h.dataSource)).slice(before)).toEqual([
      "grassroots.organization.org-unit.created.v1",
      "grassroots.organization.rule-status.changed.v1",
    ]);
    const [status, event] = await h.dataSource.query(
      `SELECT type, key, data FROM outbox ORDER BY seq DESC LIMIT 2`,
    );
    expect(status).toMatchObject({ key: idOf("150621100201"), data: { status: "NOT_MET" } });
    expect(event).toMatchObject({
      type: "grassroots.organization.org-unit.created.v1",
      key: idOf("150621100201"),
    });
    expect(event.data.path).toBe(
      `${idOf("150600000000")}/${idOf(DALATE)}/${idOf(SHULINZHAO)}/${idOf("150621100201")}/`,
    );
  });

  it("refuses a malformed code, naming the 12-digit rule, and writes nothing", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "15062110020", name: "短码村" }),
    );
    expect(message).toContain("exactly 12 digits");
  });

  it("refuses a code outside the parent's range, naming the parent's prefix", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "150622100202", name: "错位村" }),
    );
    expect(message).toContain("150621100");
    expect(message).toContain(SHULINZHAO);
  });

  it("refuses village digits outside every glossary range (400+)", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "150621100401", name: "越界村" }),
    );
    expect(message).toMatch(/001–199 COMMUNITY, 200–399 VILLAGE\/GACHA/);
  });

  it("refuses a kind that does not match the code's range", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "150621100203", name: "社区", kind: "COMMUNITY" }),
    );
    expect(message).toContain("COMMUNITY needs digits 10–12 001–199");
  });

  it("refuses a wrong child kind (a sub-district under a town)", async () => {
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "150621009000", name: "新街道", kind: "SUBDISTRICT" }),
    );
    expect(message).toContain("cannot be placed under TOWN");
  });

  it("#10.3: refuses an unknown parent as NOT_FOUND on parentId (the same refusal as a parent outside the area)", async () => {
    const parentId = randomUUID();
    let result: Awaited<ReturnType<typeof create>> | undefined;
    const message = await h.expectRefused(
      "NOT_FOUND",
      async () => (result = await create({ parentId, code: "150621100204", name: "孤村" })),
    );
    expect(message).toBe(`Org unit ${parentId} does not exist in your area.`);
    expect(result!.errors![0].extensions).toEqual({
      code: "NOT_FOUND",
      what: "Org unit",
      key: parentId,
      field: "parentId",
    });
  });

  it("refuses a code already in use with CONFLICT", async () => {
    const message = await h.expectRefused("CONFLICT", () =>
      create({ parentId: idOf(SHULINZHAO), code: "150621100201", name: "重复村" }),
    );
    expect(message).toContain("测试村");
  });

  it("renames with the current version, and refuses a stale version with CONFLICT", async () => {
    const town = await unit(SHULINZHAO);
    const renamed = await h.call(
      UPDATE,
      { input: { id: town.id, expectedVersion: town.version, name: "树林召镇（改）" } },
      cityAdmin,
    );
    expect(renamed.data!.updateOrgUnit).toMatchObject({ name: "树林召镇（改）", version: town.version + 1 });
    const [event] = await h.dataSource.query(`SELECT type, data FROM outbox ORDER BY seq DESC LIMIT 1`);
    expect(event.type).toBe("grassroots.organization.org-unit.updated.v1");
    expect(event.data.changed).toEqual(["name"]);

    const message = await h.expectRefused("CONFLICT", () =>
      h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "又改" } }, cityAdmin),
    );
    expect(message).toContain(`version ${town.version + 1}`);
  });

  it("changes kind only within the code's range", async () => {
    const town = await unit(SHULINZHAO);
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, kind: "TOWNSHIP" } }, cityAdmin),
    );
    const village = await unit("150621100201");
    const gacha = await h.call(
      UPDATE,
      { input: { id: village.id, expectedVersion: village.version, kind: "GACHA" } },
      cityAdmin,
    );
    expect(gacha.data!.updateOrgUnit.kind).toBe("GACHA");
  });

  it("records the statistics post of a unit (R1)", async () => {
    const village = await unit("150621100201");
    const result = await h.call(
      UPDATE,
      {
        input: {
          id: village.id,
          expectedVersion: village.version,
          postEstablished: true,
          postEstablishedOn: "2022-08-01",
        },
      },
      cityAdmin,
    );
    expect(result.data!.updateOrgUnit.statisticsPost).toEqual({
      required: true,
      established: true,
      establishedOn: "2022-08-01",
    });
    const city = await unit("150600000000");
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        UPDATE,
        { input: { id: city.id, expectedVersion: city.version, postEstablished: true } },
        cityAdmin,
      ),
    );
  });
});

describe("R1: moving and deactivating units", () => {
  const TOWN = "150621108000";
  beforeAll(async () => {
    await create({ parentId: idOf(DALATE), code: TOWN, name: "搬迁镇" });
    await create({ parentId: idOf(TOWN), code: "150621108201", name: "搬迁一村" });
    await create({ parentId: idOf(TOWN), code: "150621108002", name: "搬迁社区" });
  });

  it("refuses a move into the unit's own subtree as a cycle", async () => {
    const town = await unit(TOWN);
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        MOVE,
        {
          input: {
            id: town.id,
            expectedVersion: town.version,
            newParentId: idOf("150621108201"),
            newCode: "150621108203",
          },
        },
        cityAdmin,
      ),
    );
    expect(message).toContain("would create a cycle");
  });

  it("refuses a stale version on a move", async () => {
    const town = await unit(TOWN);
    await h.expectRefused("CONFLICT", () =>
      h.call(
        MOVE,
        {
          input: {
            id: town.id,
            expectedVersion: town.version - 1 || 99,
            newParentId: idOf(ZHUNGEER),
            newCode: "150622107000",
          },
        },
        cityAdmin,
      ),
    );
  });

  it("moves a town to another banner, rewriting its villages' codes and paths in one transaction", async () => {
    const town = await unit(TOWN);
    const before = (await outboxTypes(h.dataSource)).length;
    const result = await h.call(
      MOVE,
      {
        input: {
          id: town.id,
          expectedVersion: town.version,
          newParentId: idOf(ZHUNGEER),
          newCode: "150622107000",
        },
      },
      cityAdmin,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.moveOrgUnit).toMatchObject({
      descendantsMoved: 2,
      unit: { id: town.id, code: "150622107000", parentId: idOf(ZHUNGEER) },
    });
    const rows = await h.dataSource.query(
      `SELECT code, path FROM org_unit WHERE path LIKE $1 ORDER BY code`,
      [`%${town.id}/%`],
    );
    expect(rows.map((r: { code: string }) => r.code)).toEqual([
      "150622107000",
      "150622107002",
      "150622107201",
    ]);
    for (const row of rows)
      expect(row.path.startsWith(`${idOf("150600000000")}/${idOf(ZHUNGEER)}/${town.id}/`)).toBe(true);
    // Each moved unit's R1 status follows its event (issue 12): its path changed.
    expect((await outboxTypes(h.dataSource)).slice(before)).toEqual([
      "grassroots.organization.org-unit.moved.v1",
      "grassroots.organization.rule-status.changed.v1",
      "grassroots.organization.org-unit.updated.v1",
      "grassroots.organization.rule-status.changed.v1",
      "grassroots.organization.org-unit.updated.v1",
      "grassroots.organization.rule-status.changed.v1",
    ]);
  });

  it("refuses to deactivate a unit with active children, then deactivates the leaves and the town", async () => {
    const town = await unit("150622107000");
    const message = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        DEACTIVATE,
        { input: { id: town.id, expectedVersion: town.version, reason: "撤并" } },
        cityAdmin,
      ),
    );
    expect(message).toContain("2 active child");
    for (const code of ["150622107002", "150622107201", "150622107000"]) {
      const u = await unit(code);
      const result = await h.call(
        DEACTIVATE,
        { input: { id: u.id, expectedVersion: u.version, reason: "撤并" } },
        cityAdmin,
      );
      expect(result.data!.deactivateOrgUnit).toMatchObject({ active: false, deactivationReason: "撤并" });
    }
    // The deactivation, then the town's R1 status turning NOT_APPLICABLE (issue 12).
    const [status, event] = await h.dataSource.query(
      `SELECT type, data FROM outbox ORDER BY seq DESC LIMIT 2`,
    );
    expect(status).toMatchObject({
      type: "grassroots.organization.rule-status.changed.v1",
      data: { status: "NOT_APPLICABLE" },
    });
    expect(event.type).toBe("grassroots.organization.org-unit.deactivated.v1");
    expect(event.data).toMatchObject({ reason: "撤并", deactivatedBy: cityAdmin.userId, active: false });
    const inactive = await unit("150622107000");
    await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        UPDATE,
        { input: { id: inactive.id, expectedVersion: inactive.version, name: "复活" } },
        cityAdmin,
      ),
    );
  });
});

describe("register counts (drive R3)", () => {
  const TOWN = "150621101000"; // 吉格斯太镇

  it("refuses a negative count and a future date, writing nothing", async () => {
    const town = await unit(TOWN);
    const negative = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        SET_REGISTER,
        { input: { id: town.id, expectedVersion: town.version, count: -1, asOf: "2024-01-01" } },
        cityAdmin,
      ),
    );
    expect(negative).toContain("count");
    const future = await h.expectRefused("BAD_USER_INPUT", () =>
      h.call(
        SET_REGISTER,
        { input: { id: town.id, expectedVersion: town.version, count: 10, asOf: "2999-01-01" } },
        cityAdmin,
      ),
    );
    expect(future).toContain("in the future");
  });

  it("keeps every count in the history and shows the latest by business date", async () => {
    let town = await unit(TOWN);
    const first = await h.call(
      SET_REGISTER,
      { input: { id: town.id, expectedVersion: town.version, count: 1600, asOf: "2024-06-30" } },
      cityAdmin,
    );
    expect(first.data!.setRegisterCount).toMatchObject({ registerCount: 1600, registerAsOf: "2024-06-30" });
    town = first.data!.setRegisterCount;
    const late = await h.call(
      SET_REGISTER,
      { input: { id: town.id, expectedVersion: town.version, count: 1400, asOf: "2023-12-31" } },
      cityAdmin,
    );
    expect(late.data!.setRegisterCount).toMatchObject({ registerCount: 1600, registerAsOf: "2024-06-30" });
    expect(late.data!.setRegisterCount.registerHistory.map((e: { count: number }) => e.count)).toEqual([
      1600, 1400,
    ]);
    const [event] = await h.dataSource.query(`SELECT type, data FROM outbox ORDER BY seq DESC LIMIT 1`);
    expect(event).toMatchObject({
      type: "grassroots.organization.org-unit.register-count-set.v1",
      data: { registerCount: 1600, previousCount: 1600 },
    });
  });

  it("answers NOT_FOUND for a unit that does not exist", async () => {
    const result = await h.call(
      SET_REGISTER,
      { input: { id: randomUUID(), expectedVersion: 1, count: 1, asOf: "2024-01-01" } },
      cityAdmin,
    );
    expectError(result, "NOT_FOUND");
  });
});
