import { OrgUnitKinds } from "@grassroots/events/contracts";
import {
  bannerIdOf,
  depthOfPath,
  describeUnit,
  holdsPosts,
  isVillageLevel,
  KINDS_BY_LEVEL,
  levelOfKind,
  ORG_UNIT_KINDS,
  ORG_UNIT_KINDS_SQL,
  ORG_UNIT_LEVELS,
  orgUnitViewOf,
  POST_KINDS,
  TOWNSHIP_KINDS,
} from "../src";

describe("#9 the org units every consuming service shares", () => {
  it("the migration's kinds are the contract's (a new kind needs a new migration step)", () => {
    expect(ORG_UNIT_KINDS).toEqual(OrgUnitKinds);
    expect(ORG_UNIT_KINDS_SQL).toBe(OrgUnitKinds.map((k) => `'${k}'`).join(","));
  });

  it("groups the kinds: every kind has one level; township level (R3) is without parks; posts", () => {
    for (const kind of ORG_UNIT_KINDS) {
      expect(ORG_UNIT_LEVELS.filter((level) => KINDS_BY_LEVEL[level].includes(kind))).toHaveLength(1);
    }
    expect(levelOfKind("PARK")).toBe("TOWNSHIP");
    expect(levelOfKind("BANNER")).toBe("COUNTY");
    expect(TOWNSHIP_KINDS).toEqual(["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"]);
    // Posts are held everywhere below county level.
    expect(POST_KINDS).toEqual(ORG_UNIT_KINDS.filter((k) => !["CITY", "DISTRICT", "BANNER"].includes(k)));
    expect(isVillageLevel("GACHA")).toBe(true);
    expect(holdsPosts("BANNER")).toBe(false);
  });

  it("reads paths, names units, and turns an event's state into a projection row", () => {
    expect(depthOfPath("c/")).toBe(0);
    expect(depthOfPath("c/b/t/v/")).toBe(3);
    expect(bannerIdOf("c/b/t/")).toBe("b");
    expect(describeUnit({ name: "树林召镇", code: "150621100000" })).toBe("树林召镇 (150621100000)");
    const state = {
      id: "00000000-0000-4000-8000-000000000003",
      code: "150621100000",
      name: "树林召镇",
      kind: "TOWN" as const,
      parentId: "00000000-0000-4000-8000-000000000002",
      path: "c/b/t/",
      postEstablished: true,
      registerCount: 1500,
      registerAsOf: "2026-01-01",
      active: true,
      isSample: false,
      version: 4,
    };
    expect(orgUnitViewOf(state)).toEqual({
      id: state.id,
      code: state.code,
      name: state.name,
      kind: "TOWN",
      parentId: state.parentId,
      path: "c/b/t/",
      depth: 2,
      registerCount: 1500,
      active: true,
      version: 4,
    });
  });
});
