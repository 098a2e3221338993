import { callSubgraph, type GraphQLResult } from "@grassroots/testing";
import { randomUUID } from "node:crypto";
import {
  as,
  cityAdmin,
  DALATE,
  DONGSHENG,
  expectError,
  idOf,
  importOrdos,
  startHarness,
  ZHUNGEER,
  type Harness,
} from "./support/harness";
import { CREATE, DEACTIVATE, MOVE, SET_REGISTER, UNIT, UNIT_BY_CODE, UPDATE } from "./support/operations";

const SHULINZHAO = "150621100000"; // 树林召镇 in 达拉特旗
const XUEJIAWAN = "150622100000"; // 薛家湾镇 in 准格尔旗
const dalateAdmin = as("BANNER_ADMIN", DALATE);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.call(
    CREATE,
    { input: { parentId: idOf(SHULINZHAO), code: "150621100201", name: "一村" } },
    cityAdmin,
  );
});
afterAll(() => h.stop());

const unit = async (code: string) => (await h.call(UNIT_BY_CODE, { code }, cityAdmin)).data!.orgUnitByCode;

/** The one refusal for a unit missing or outside the caller's area (kit's notFoundInArea). */
const notInArea = (id: string) => `Org unit ${id} does not exist in your area.`;

/**
 * Runs a call that must be NOT_FOUND with nothing written (expectRefused), and returns the refusal as
 * the client sees it (message and extensions) with the key the caller sent replaced by "<key>", so the
 * refusal for a unit elsewhere can be compared with the one for an id that names no unit.
 */
async function notFoundRefusal(key: string, call: () => Promise<GraphQLResult>) {
  let result: GraphQLResult | undefined;
  const message = await h.expectRefused("NOT_FOUND", async () => (result = await call()));
  const blind = (text: string) => text.split(key).join("<key>");
  return {
    message: blind(message),
    extensions: JSON.parse(blind(JSON.stringify(result!.errors![0].extensions))),
  };
}

describe("who may call at all", () => {
  it("refuses a request without the internal secret with 401", async () => {
    const result = await callSubgraph(h.url, `{ orgUnitByCode(code: "${DALATE}") { id } }`, {}, cityAdmin, {
      secret: null,
    });
    expect(result.status).toBe(401);
    expectError(result, "UNAUTHENTICATED");
  });

  it("refuses a query without an identity as UNAUTHENTICATED", async () => {
    const result = await h.call(`{ orgUnitByCode(code: "${DALATE}") { id } }`);
    expectError(result, "UNAUTHENTICATED");
  });

  it("refuses a mutation without an identity, writing nothing", async () => {
    await h.expectRefused("UNAUTHENTICATED", () =>
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
  it("#10.3: cannot create a unit in another banner (NOT_FOUND on parentId, worded as a missing parent, nothing written)", async () => {
    const message = await h.expectRefused("NOT_FOUND", () =>
      h.call(
        CREATE,
        { input: { parentId: idOf(XUEJIAWAN), code: "150622100201", name: "越权村" } },
        dalateAdmin,
      ),
    );
    expect(message).toBe(notInArea(idOf(XUEJIAWAN)));
  });

  it("#10.3: cannot change a unit in another banner (NOT_FOUND, worded as a missing unit, nothing written)", async () => {
    const town = await unit(XUEJIAWAN);
    const message = await h.expectRefused("NOT_FOUND", () =>
      h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "改名" } }, dalateAdmin),
    );
    expect(message).toBe(notInArea(town.id));
  });

  it("cannot rename their own banner, but may create and change units inside it", async () => {
    const banner = await unit(DALATE);
    await h.expectRefused("FORBIDDEN", () =>
      h.call(
        UPDATE,
        { input: { id: banner.id, expectedVersion: banner.version, name: "达旗" } },
        dalateAdmin,
      ),
    );
    const created = await h.call(
      CREATE,
      { input: { parentId: idOf(SHULINZHAO), code: "150621100202", name: "二村" } },
      dalateAdmin,
    );
    expect(created.errors).toBeUndefined();
    const town = await unit(SHULINZHAO);
    const renamed = await h.call(
      UPDATE,
      { input: { id: town.id, expectedVersion: town.version, name: "树林召" } },
      dalateAdmin,
    );
    expect(renamed.data!.updateOrgUnit.name).toBe("树林召");
  });

  it("#10.3: does not see units outside their banner: NOT_FOUND, in the same words as a unit that does not exist", async () => {
    const message = expectError(await h.call(UNIT, { id: idOf(XUEJIAWAN) }, dalateAdmin), "NOT_FOUND");
    expect(message).toBe(notInArea(idOf(XUEJIAWAN)));
    const missing = randomUUID();
    expect(expectError(await h.call(UNIT, { id: missing }, dalateAdmin), "NOT_FOUND")).toBe(
      notInArea(missing),
    );
    expect(expectError(await h.call(UNIT_BY_CODE, { code: ZHUNGEER }, dalateAdmin), "NOT_FOUND")).toBe(
      `Org unit with code ${ZHUNGEER} does not exist in your area.`,
    );
    expect(expectError(await h.call(UNIT_BY_CODE, { code: "150622999000" }, dalateAdmin), "NOT_FOUND")).toBe(
      "Org unit with code 150622999000 does not exist in your area.",
    );
  });
});

describe("unit clerks, inspectors and finance officers", () => {
  const clerk = as("UNIT_CLERK", SHULINZHAO);

  it("a clerk sets register counts and post flags in their own subtree", async () => {
    const town = await unit(SHULINZHAO);
    const set = await h.call(
      SET_REGISTER,
      { input: { id: town.id, expectedVersion: town.version, count: 1700, asOf: "2024-01-01" } },
      clerk,
    );
    expect(set.data!.setRegisterCount.registerCount).toBe(1700);
    const village = await unit("150621100201");
    const post = await h.call(
      UPDATE,
      { input: { id: village.id, expectedVersion: village.version, postEstablished: true } },
      clerk,
    );
    expect(post.data!.updateOrgUnit.statisticsPost.established).toBe(true);
  });

  it("a clerk may not create, rename or deactivate township-level units or banners", async () => {
    await h.expectRefused("FORBIDDEN", () =>
      h.call(CREATE, { input: { parentId: idOf(DALATE), code: "150621109000", name: "新镇" } }, clerk),
    );
    const town = await unit(SHULINZHAO);
    await h.expectRefused("FORBIDDEN", () =>
      h.call(DEACTIVATE, { input: { id: town.id, expectedVersion: town.version, reason: "x" } }, clerk),
    );
    await h.expectRefused("FORBIDDEN", () =>
      h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "x" } }, clerk),
    );
  });

  it("a clerk may create and deactivate villages under their township", async () => {
    const created = await h.call(
      CREATE,
      { input: { parentId: idOf(SHULINZHAO), code: "150621100203", name: "三村" } },
      clerk,
    );
    expect(created.errors).toBeUndefined();
    const v = created.data!.createOrgUnit;
    const gone = await h.call(
      DEACTIVATE,
      { input: { id: v.id, expectedVersion: v.version, reason: "合并" } },
      clerk,
    );
    expect(gone.data!.deactivateOrgUnit.active).toBe(false);
  });

  it("#10.3: a clerk may not set the register count of a unit outside their subtree (NOT_FOUND, as a missing unit)", async () => {
    const other = await unit("150621101000");
    const message = await h.expectRefused("NOT_FOUND", () =>
      h.call(
        SET_REGISTER,
        { input: { id: other.id, expectedVersion: other.version, count: 1, asOf: "2024-01-01" } },
        clerk,
      ),
    );
    expect(message).toBe(notInArea(other.id));
  });

  it.each(["INSPECTOR", "FINANCE_OFFICER"] as const)(
    "%s reads the city but changes nothing",
    async (role) => {
      const reader = as(role, "150600000000");
      const read = await h.call(UNIT_BY_CODE, { code: SHULINZHAO }, reader);
      expect(read.data!.orgUnitByCode.code).toBe(SHULINZHAO);
      const town = read.data!.orgUnitByCode;
      const message = await h.expectRefused("FORBIDDEN", () =>
        h.call(
          SET_REGISTER,
          { input: { id: town.id, expectedVersion: town.version, count: 5, asOf: "2024-01-01" } },
          reader,
        ),
      );
      expect(message).toContain("read-only");
    },
  );

  it("#10.3: a district admin cannot reach into a banner either (NOT_FOUND, as a missing unit)", async () => {
    const dongsheng = as("BANNER_ADMIN", DONGSHENG);
    const town = await unit(SHULINZHAO);
    const message = await h.expectRefused("NOT_FOUND", () =>
      h.call(
        SET_REGISTER,
        { input: { id: town.id, expectedVersion: town.version, count: 5, asOf: "2024-01-01" } },
        dongsheng,
      ),
    );
    expect(message).toBe(notInArea(town.id));
  });
});

describe("#10.3: one refusal policy: role (FORBIDDEN), then area (NOT_FOUND as a missing unit), then input", () => {
  const inspector = as("INSPECTOR", "150600000000");

  it("#10.3: a banner admin updating a unit of another banner gets exactly the refusal a non-existent id gets", async () => {
    const town = await unit(XUEJIAWAN);
    const update = (id: string) => () =>
      h.call(UPDATE, { input: { id, expectedVersion: town.version, name: "改名" } }, dalateAdmin);
    const elsewhere = await notFoundRefusal(town.id, update(town.id));
    const missing = randomUUID();
    expect(elsewhere).toEqual(await notFoundRefusal(missing, update(missing)));
    expect(elsewhere).toEqual({
      message: "Org unit <key> does not exist in your area.",
      extensions: { code: "NOT_FOUND", what: "Org unit", key: "<key>", field: "id" },
    });
  });

  it("#10.3: a banner admin setting the register count of another banner's unit gets exactly the refusal a non-existent id gets", async () => {
    const town = await unit(XUEJIAWAN);
    const set = (id: string) => () =>
      h.call(
        SET_REGISTER,
        { input: { id, expectedVersion: town.version, count: 1800, asOf: "2024-01-01" } },
        dalateAdmin,
      );
    const missing = randomUUID();
    expect(await notFoundRefusal(town.id, set(town.id))).toEqual(
      await notFoundRefusal(missing, set(missing)),
    );
    // The area comes before the input: a bad count and a future date change nothing about it.
    const bad = () =>
      h.call(
        SET_REGISTER,
        { input: { id: town.id, expectedVersion: town.version, count: -5, asOf: "2999-01-01" } },
        dalateAdmin,
      );
    expect((await notFoundRefusal(town.id, bad)).message).toBe("Org unit <key> does not exist in your area.");
  });

  it("#10.3: a banner admin creating under a unit of another banner gets exactly the refusal a non-existent parent gets", async () => {
    const create = (parentId: string) => () =>
      h.call(CREATE, { input: { parentId, code: "150622100205", name: "越权村" } }, dalateAdmin);
    const missing = randomUUID();
    const elsewhere = await notFoundRefusal(idOf(XUEJIAWAN), create(idOf(XUEJIAWAN)));
    expect(elsewhere).toEqual(await notFoundRefusal(missing, create(missing)));
    expect(elsewhere.extensions).toEqual({
      code: "NOT_FOUND",
      what: "Org unit",
      key: "<key>",
      field: "parentId",
    });
  });

  it("#10.3: createOrgUnit with a bad code under a parent in another banner is NOT_FOUND: the code is not even looked at", async () => {
    for (const code of [
      "15062210020",
      "not-a-code",
      "150621100201" /* taken, and outside the parent's range */,
    ]) {
      const message = await h.expectRefused("NOT_FOUND", () =>
        h.call(CREATE, { input: { parentId: idOf(XUEJIAWAN), code, name: "越权村" } }, dalateAdmin),
      );
      expect(message).toBe(notInArea(idOf(XUEJIAWAN)));
      expect(message).not.toContain(code);
      expect(message).not.toMatch(/准格尔|薛家湾|150622/);
    }
  });

  it("#10.3: an INSPECTOR calling createOrgUnit with a malformed code gets FORBIDDEN, not BAD_USER_INPUT", async () => {
    const message = await h.expectRefused("FORBIDDEN", () =>
      h.call(CREATE, { input: { parentId: idOf(SHULINZHAO), code: "15062110", name: "" } }, inspector),
    );
    expect(message).toBe("Your role (INSPECTOR) is read-only; you may not create units.");
    // The role comes before the area too: a parent that does not exist changes nothing.
    const missingParent = await h.expectRefused("FORBIDDEN", () =>
      h.call(CREATE, { input: { parentId: randomUUID(), code: "15062110", name: "" } }, inspector),
    );
    expect(missingParent).toBe(message);
  });

  it("#10.3: a read-only role is FORBIDDEN before a missing unit or bad input is looked at", async () => {
    const message = await h.expectRefused("FORBIDDEN", () =>
      h.call(
        SET_REGISTER,
        { input: { id: randomUUID(), expectedVersion: 1, count: -1, asOf: "2999-01-01" } },
        inspector,
      ),
    );
    expect(message).toContain("read-only");
  });

  it("#10.3: moving or deactivating another banner's unit, or moving under it, is NOT_FOUND as a missing unit", async () => {
    const theirs = await unit(XUEJIAWAN);
    const ours = await unit("150621100201");
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        h.call(
          DEACTIVATE,
          { input: { id: theirs.id, expectedVersion: theirs.version, reason: "" } },
          dalateAdmin,
        ),
      ),
    ).toBe(notInArea(theirs.id));
    expect(
      await h.expectRefused("NOT_FOUND", () =>
        h.call(
          MOVE,
          {
            input: {
              id: theirs.id,
              expectedVersion: theirs.version,
              newParentId: idOf(SHULINZHAO),
              newCode: "bad",
            },
          },
          dalateAdmin,
        ),
      ),
    ).toBe(notInArea(theirs.id));
    const intoTheirs = await notFoundRefusal(theirs.id, () =>
      h.call(
        MOVE,
        { input: { id: ours.id, expectedVersion: ours.version, newParentId: theirs.id, newCode: "bad" } },
        dalateAdmin,
      ),
    );
    expect(intoTheirs).toEqual({
      message: "Org unit <key> does not exist in your area.",
      extensions: { code: "NOT_FOUND", what: "Org unit", key: "<key>", field: "newParentId" },
    });
  });

  it("#10.3: a unit the caller sees but may not change is FORBIDDEN, before its input is looked at", async () => {
    const bannerClerk = as("UNIT_CLERK", DALATE);
    const town = await unit(SHULINZHAO);
    const message = await h.expectRefused("FORBIDDEN", () =>
      h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "  " } }, bannerClerk),
    );
    expect(message).toContain("only villages and communities");
    const townClerk = as("UNIT_CLERK", SHULINZHAO);
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        h.call(UPDATE, { input: { id: town.id, expectedVersion: town.version, name: "  " } }, townClerk),
      ),
    ).toContain("your home unit");
    const banner = await unit(DALATE);
    expect(
      await h.expectRefused("FORBIDDEN", () =>
        h.call(
          DEACTIVATE,
          { input: { id: banner.id, expectedVersion: banner.version, reason: "" } },
          dalateAdmin,
        ),
      ),
    ).toContain("your home unit");
  });
});
