import { callSubgraph } from "@grassroots/testing";
import { expectRefused } from "./support/expect-refused";
import { as, cityAdmin, DALATE, DONGSHENG, expectError, idOf, importOrdos, startHarness, ZHUNGEER, type Harness } from "./support/harness";
import { CREATE, DEACTIVATE, SET_REGISTER, UNIT, UNIT_BY_CODE, UPDATE } from "./support/operations";

const SHULINZHAO = "150621100000"; // 树林召镇 in 达拉特旗
const XUEJIAWAN = "150622100000"; // 薛家湾镇 in 准格尔旗
const dalateAdmin = as("BANNER_ADMIN", DALATE);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.call(CREATE, { input: { parentId: idOf(SHULINZHAO), code: "150621100201", name: "一村" } }, cityAdmin);
});
afterAll(() => h.stop());

const unit = async (code: string) => (await h.call(UNIT_BY_CODE, { code }, cityAdmin)).data!.orgUnitByCode;

describe("who may call at all", () => {
  it("refuses a request without the internal secret with 401", async () => {
    const result = await callSubgraph(h.url, `{ orgUnitByCode(code: "${DALATE}") { id } }`, {}, cityAdmin, { secret: null });
    expect(result.status).toBe(401);
    expectError(result, "UNAUTHENTICATED");
  });

  it("refuses a query without an identity as UNAUTHENTICATED", async () => {
    const result = await h.call(`{ orgUnitByCode(code: "${DALATE}") { id } }`);
    expectError(result, "UNAUTHENTICATED");
  });

  it("refuses a mutation without an identity, writing nothing", async () => {
    await expectRefused(h.dataSource, "UNAUTHENTICATED", () =>
      h.call(CREATE, { input: { parentId: idOf(SHULINZHAO), code: "150621100202", name: "无名" } }),
    );
  });

  it("answers nothing for a caller whose home unit is unknown", async () => {
    const stranger = { userId: "x", roles: ["CITY_ADMIN" as const], orgUnitId: "not-a-unit" };
    expectError(await h.call(UNIT_BY_CODE, { code: DALATE }, stranger), "NOT_FOUND");
    const list = await h.call(`{ orgUnits { totalCount } }`, {}, stranger);
    expect(list.data!.orgUnits.totalCount).toBe(0);
  });
});

describe("banner admins act inside their banner only", () => {
  it("cannot create a unit in another banner (FORBIDDEN, nothing written)", async () => {
    const message = await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(CREATE, { input: { parentId: idOf(XUEJIAWAN), code: "150622100201", name: "越权村" } }, dalateAdmin),
    );
    expect(message).toContain("outside");
  });

  it("cannot change a unit in another banner (FORBIDDEN, nothing written)", async () => {
    const town = await unit(XUEJIAWAN);
    await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "改名" } }, dalateAdmin),
    );
  });

  it("cannot rename their own banner, but may create and change units inside it", async () => {
    const banner = await unit(DALATE);
    await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(UPDATE, { input: { id: banner.id, expectedVersion: banner.version, name: "达旗" } }, dalateAdmin),
    );
    const created = await h.call(CREATE, { input: { parentId: idOf(SHULINZHAO), code: "150621100202", name: "二村" } }, dalateAdmin);
    expect(created.errors).toBeUndefined();
    const town = await unit(SHULINZHAO);
    const renamed = await h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "树林召" } }, dalateAdmin);
    expect(renamed.data!.updateOrgUnit.name).toBe("树林召");
  });

  it("does not see units outside their banner: NOT_FOUND, as for a unit that does not exist", async () => {
    const message = expectError(await h.call(UNIT, { id: idOf(XUEJIAWAN) }, dalateAdmin), "NOT_FOUND");
    expect(message).not.toContain("薛家湾");
    expectError(await h.call(UNIT_BY_CODE, { code: ZHUNGEER }, dalateAdmin), "NOT_FOUND");
  });
});

describe("unit clerks, inspectors and finance officers", () => {
  const clerk = as("UNIT_CLERK", SHULINZHAO);

  it("a clerk sets register counts and post flags in their own subtree", async () => {
    const town = await unit(SHULINZHAO);
    const set = await h.call(SET_REGISTER, { input: { id: town.id, expectedVersion: town.version, count: 1700, asOf: "2024-01-01" } }, clerk);
    expect(set.data!.setRegisterCount.registerCount).toBe(1700);
    const village = await unit("150621100201");
    const post = await h.call(UPDATE, { input: { id: village.id, expectedVersion: village.version, postEstablished: true } }, clerk);
    expect(post.data!.updateOrgUnit.statisticsPost.established).toBe(true);
  });

  it("a clerk may not create, rename or deactivate township-level units or banners", async () => {
    await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(CREATE, { input: { parentId: idOf(DALATE), code: "150621109000", name: "新镇" } }, clerk),
    );
    const town = await unit(SHULINZHAO);
    await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(DEACTIVATE, { input: { id: town.id, expectedVersion: town.version, reason: "x" } }, clerk),
    );
    await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "x" } }, clerk),
    );
  });

  it("a clerk may create and deactivate villages under their township", async () => {
    const created = await h.call(CREATE, { input: { parentId: idOf(SHULINZHAO), code: "150621100203", name: "三村" } }, clerk);
    expect(created.errors).toBeUndefined();
    const v = created.data!.createOrgUnit;
    const gone = await h.call(DEACTIVATE, { input: { id: v.id, expectedVersion: v.version, reason: "合并" } }, clerk);
    expect(gone.data!.deactivateOrgUnit.active).toBe(false);
  });

  it("a clerk may not set the register count of a unit outside their subtree", async () => {
    const other = await unit("150621101000");
    await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(SET_REGISTER, { input: { id: other.id, expectedVersion: other.version, count: 1, asOf: "2024-01-01" } }, clerk),
    );
  });

  it.each(["INSPECTOR", "FINANCE_OFFICER"] as const)("%s reads the city but changes nothing", async (role) => {
    const reader = as(role, "150600000000");
    const read = await h.call(UNIT_BY_CODE, { code: SHULINZHAO }, reader);
    expect(read.data!.orgUnitByCode.code).toBe(SHULINZHAO);
    const town = read.data!.orgUnitByCode;
    const message = await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(SET_REGISTER, { input: { id: town.id, expectedVersion: town.version, count: 5, asOf: "2024-01-01" } }, reader),
    );
    expect(message).toContain("read-only");
  });

  it("a district admin cannot reach into a banner either", async () => {
    const dongsheng = as("BANNER_ADMIN", DONGSHENG);
    const town = await unit(SHULINZHAO);
    await expectRefused(h.dataSource, "FORBIDDEN", () =>
      h.call(SET_REGISTER, { input: { id: town.id, expectedVersion: town.version, count: 5, asOf: "2024-01-01" } }, dongsheng),
    );
  });
});
