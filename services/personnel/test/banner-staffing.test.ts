import { OrgUnitCreated } from "@grassroots/events";
import { unitState, type OrgUnitStateFixture } from "@grassroots/testing";
import {
  as,
  cityAdmin,
  DALATE,
  dalateAdmin,
  expectError,
  idOf,
  JIGESITAI,
  SHULINZHAO,
  SHULINZHAO_VILLAGE_1,
  startHarness,
  XUEJIAWAN,
  ZHUNGEER,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";
import { ENTITIES } from "./support/operations";

let h: Harness;
let tree: OrgUnitStateFixture[];
beforeAll(async () => {
  h = await startHarness();
  tree = await h.publishTree();
  // Some units of 达拉特旗 staffed: 树林召镇 (a trained full-timer) and one of its villages (a liaison).
  const fullTimer = await h.register(SHULINZHAO);
  await h.certify(fullTimer);
  await h.appoint(fullTimer, SHULINZHAO, "FULL_TIME", "IN_ESTABLISHMENT");
  const liaison = await h.register(SHULINZHAO_VILLAGE_1);
  await h.certify(liaison);
  await h.appoint(liaison, SHULINZHAO_VILLAGE_1, "LIAISON", "PUBLIC_WELFARE_POST");
});
afterAll(() => h.stop());

const GAPS = `query ($banner: ID!, $all: Boolean) { staffingGaps(bannerId: $banner, includeCompliant: $all) {
  banner { id } unitsEvaluated compliantUnits
  units { orgUnit { id } unitCode unitName registerCount staffing { compliant gaps { rule code required actual reason } } } } }`;

const STAFFED = ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU", "PARK", "COMMUNITY", "VILLAGE", "GACHA"];
const staffedIn = (bannerCode: string) =>
  tree.filter((u) => u.path.includes(`/${idOf(bannerCode)}/`) && STAFFED.includes(u.kind));

describe("staffing gaps of a banner", () => {
  it("lists every unit of the banner with a gap, in code order (each township before its villages), with reasons", async () => {
    const res = await h.call(GAPS, { banner: idOf(DALATE) }, dalateAdmin);
    expect(res.errors).toBeUndefined();
    const report = res.data!.staffingGaps;
    const expected = staffedIn(DALATE);
    expect(report).toMatchObject({
      banner: { id: idOf(DALATE) },
      unitsEvaluated: expected.length,
      compliantUnits: 2,
    });
    const codes = report.units.map((u: { unitCode: string }) => u.unitCode);
    expect(codes).toEqual([...codes].sort());
    expect(codes).toHaveLength(expected.length - 2);
    expect(codes).not.toContain(SHULINZHAO);
    expect(codes).not.toContain(SHULINZHAO_VILLAGE_1);
    for (const u of report.units) {
      expect(u.staffing.compliant).toBe(false);
      expect(u.staffing.gaps.length).toBeGreaterThan(0);
      expect(u.staffing.gaps.every((g: { reason: string }) => g.reason.length > 20)).toBe(true);
    }
  });

  it("includeCompliant lists every unit", async () => {
    const report = (await h.call(GAPS, { banner: idOf(DALATE), all: true }, cityAdmin)).data!.staffingGaps;
    expect(report.units).toHaveLength(report.unitsEvaluated);
    expect(
      report.units
        .filter((u: { staffing: { compliant: boolean } }) => u.staffing.compliant)
        .map((u: { unitCode: string }) => u.unitCode),
    ).toEqual([SHULINZHAO, SHULINZHAO_VILLAGE_1]);
  });

  it("a township clerk sees their part of their banner only; another banner's bureau gets NOT_FOUND", async () => {
    const report = (await h.call(GAPS, { banner: idOf(DALATE), all: true }, as("UNIT_CLERK", SHULINZHAO)))
      .data!.staffingGaps;
    expect(report.units.every((u: { unitCode: string }) => u.unitCode.startsWith("150621100"))).toBe(true);
    expect(report.unitsEvaluated).toBe(tree.filter((u) => u.code.startsWith("150621100")).length);
    expectError(await h.call(GAPS, { banner: idOf(DALATE) }, zhungeerAdmin), "NOT_FOUND");
    expectError(await h.call(GAPS, { banner: idOf(SHULINZHAO) }, cityAdmin), "NOT_FOUND");
  });

  it("takes a fixed number of SQL queries whatever the banner's size (2: the caller's area, then one query)", async () => {
    const count = async (banner: string) => {
      h.queries.queries = [];
      const res = await h.call(GAPS, { banner: idOf(banner), all: true }, cityAdmin);
      expect(res.errors).toBeUndefined();
      return { sql: h.queries.queries.length, units: res.data!.staffingGaps.unitsEvaluated as number };
    };
    const small = await count(ZHUNGEER);
    const before = await count(DALATE);
    // Forty more villages in 达拉特旗, from organization's events.
    const township = tree.find((u) => u.code === "150621102000")!;
    let last = "";
    for (let n = 1; n <= 40; n++) {
      last = await h.publish(
        OrgUnitCreated,
        unitState(township, `150621102${String(200 + n).padStart(3, "0")}`, `新增村${n}`, "VILLAGE"),
        `v${n}`,
      );
    }
    await h.handled(last);
    const after = await count(DALATE);
    expect(after.units).toBe(before.units + 40);
    expect(small.units).not.toBe(before.units);
    expect([small.sql, before.sql, after.sql]).toEqual([2, 2, 2]);
  });
});

describe("federation: OrgUnit and Statistician references", () => {
  const refs = (codes: string[]) => codes.map((code) => ({ __typename: "OrgUnit", id: idOf(code) }));

  it.each([1, 10, 60])(
    "resolves %i OrgUnit references with their staffing and statisticians in a fixed number of SQL queries",
    async (n) => {
      const rows: { code: string }[] = await h.dataSource.query(
        `SELECT code FROM org_unit WHERE path LIKE $1 AND depth >= 2 ORDER BY code LIMIT $2`,
        [`%/${idOf(DALATE)}/%`, n],
      );
      const codes = rows.map((r) => r.code);
      expect(codes).toHaveLength(n);
      h.queries.queries = [];
      const res = await h.call(ENTITIES, { representations: refs(codes) }, cityAdmin);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toHaveLength(n);
      expect(res.data!._entities.every((e: { staffing: unknown }) => e.staffing !== null)).toBe(true);
      // references (1, the caller's area inside it) + the caller's area for the fields (1) + staffing (1) + statisticians (1)
      expect(h.queries.queries).toHaveLength(4);
    },
  );

  it("#10.1: resolves bare references in ONE query, in order; a unit outside the caller's area resolves too (its key)", async () => {
    h.queries.queries = [];
    const bare = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on OrgUnit { id } } }`;
    const res = await h.call(
      bare,
      {
        representations: [...refs([SHULINZHAO, "150622100000", DALATE]), { __typename: "OrgUnit", id: "x" }],
      },
      dalateAdmin,
    );
    expect(res.errors).toBeUndefined();
    expect(h.queries.queries).toHaveLength(1);
    expect(res.data!._entities).toEqual([
      { id: idOf(SHULINZHAO) },
      { id: idOf("150622100000") },
      { id: idOf(DALATE) },
      null, // not a key any unit can have
    ]);
  });

  it("#10.1: a unit outside the caller's area reached by reference yields its key with statisticians and staffing null, not an error or a wiped answer", async () => {
    h.queries.queries = [];
    const res = await h.call(ENTITIES, { representations: refs([SHULINZHAO, XUEJIAWAN]) }, dalateAdmin);
    expect(res.errors).toBeUndefined();
    const [mine, theirs] = res.data!._entities;
    expect(mine).toMatchObject({ id: idOf(SHULINZHAO), staffing: { compliant: expect.any(Boolean) } });
    expect(mine.statisticians.totalCount).toBeGreaterThan(0);
    expect(theirs).toEqual({ id: idOf(XUEJIAWAN), staffing: null, statisticians: null });
    // The same statements as for units all in the area.
    expect(h.queries.queries).toHaveLength(4);
    // And the other way round: 准格尔旗's bureau sees 树林召镇's key, nothing of its staff.
    const other = await h.call(ENTITIES, { representations: refs([SHULINZHAO]) }, zhungeerAdmin);
    expect(other.errors).toBeUndefined();
    expect(other.data!._entities).toEqual([{ id: idOf(SHULINZHAO), staffing: null, statisticians: null }]);
  });

  it("the statisticians of a unit come with their post; Statistician references are scoped too", async () => {
    const res = await h.call(ENTITIES, { representations: refs([SHULINZHAO]) }, dalateAdmin);
    const unit = res.data!._entities[0];
    expect(unit.statisticians.totalCount).toBe(1);
    expect(unit.statisticians.edges[0].assignment).toEqual({ role: "FULL_TIME", status: "ACTIVE" });
    const personId = unit.statisticians.edges[0].node.id;
    const people = await h.call(
      ENTITIES,
      { representations: [{ __typename: "Statistician", id: personId }] },
      zhungeerAdmin,
    );
    // #10.1: another banner reaches the person by reference: their public view, never their ID number.
    expect(people.errors).toBeUndefined();
    expect(people.data!._entities).toEqual([{ id: personId, name: expect.any(String), idNumber: null }]);
    h.queries.queries = [];
    const mine = await h.call(
      ENTITIES,
      {
        representations: [
          { __typename: "Statistician", id: personId },
          { __typename: "Statistician", id: "x" },
        ],
      },
      dalateAdmin,
    );
    expect(mine.data!._entities[0]).toMatchObject({ id: personId });
    expect(mine.data!._entities[1]).toBeNull();
    expect(h.queries.queries).toHaveLength(1);
  });

  it("#10.1: _entities for a statistician of another banner returns their public view (id, name, inYourArea false, personal data null); one of the banner full data", async () => {
    const FULL = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Statistician {
      id name inYourArea idNumber phone birthDate gender ethnicity education title notes isSample version createdAt updatedAt
      personalDataMasked registeredAt { id } prePostGate { certified } assignments { id } } } }`;
    const theirs = await h.register(XUEJIAWAN, {
      name: "外旗统计员",
      phone: "13900001111",
      ethnicity: "蒙古族",
    });
    await h.appoint(theirs, XUEJIAWAN, "PART_TIME", "CONTRACT");
    const ours = await h.register(SHULINZHAO, { name: "本旗统计员", phone: "13900002222" });
    h.queries.queries = [];
    const res = await h.call(
      FULL,
      {
        r: [
          { __typename: "Statistician", id: theirs },
          { __typename: "Statistician", id: ours },
        ],
      },
      dalateAdmin,
    );
    expect(res.errors).toBeUndefined();
    // The references (one statement for both), the caller's area, the records of the one in the area.
    expect(h.queries.queries).toHaveLength(3);
    const [publicView, full] = res.data!._entities;
    expect(publicView).toEqual({
      id: theirs,
      name: "外旗统计员",
      inYourArea: false,
      idNumber: null,
      phone: null,
      birthDate: null,
      gender: null,
      ethnicity: null,
      education: null,
      title: null,
      notes: null,
      isSample: null,
      version: null,
      createdAt: null,
      updatedAt: null,
      personalDataMasked: true,
      registeredAt: null,
      prePostGate: null,
      assignments: [],
    });
    expect(full).toMatchObject({
      id: ours,
      name: "本旗统计员",
      inYourArea: true,
      idNumber: expect.stringMatching(/^\d{17}[\dX]$/),
      phone: "13900002222",
      birthDate: expect.any(String),
      gender: "MALE",
      isSample: false,
      version: 1,
      personalDataMasked: false,
      registeredAt: { id: idOf(SHULINZHAO) },
      prePostGate: { certified: false },
      assignments: [],
    });
    // The person's own banner sees them in full.
    const own = await h.call(FULL, { r: [{ __typename: "Statistician", id: theirs }] }, zhungeerAdmin);
    expect(own.data!._entities[0]).toMatchObject({
      inYourArea: true,
      phone: "13900001111",
      ethnicity: "蒙古族",
      registeredAt: { id: idOf(XUEJIAWAN) },
    });
    expect(own.data!._entities[0].assignments).toHaveLength(1);
  });

  it("pages through a unit's statisticians with first/after, by start date, each edge with its post", async () => {
    for (const day of ["2026-02-03", "2026-02-01", "2026-02-02"]) {
      const person = await h.register(JIGESITAI);
      await h.certify(person);
      await h.appoint(person, JIGESITAI, "PART_TIME", "CONTRACT", day);
    }
    const page = `query ($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on OrgUnit {
      statisticians(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } assignment { startDate } } } } } }`;
    const first = (await h.call(page, { r: refs([JIGESITAI]) }, dalateAdmin)).data!._entities[0]
      .statisticians;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.edges.map((e: { assignment: { startDate: string } }) => e.assignment.startDate)).toEqual([
      "2026-02-01",
      "2026-02-02",
    ]);
    const rest = (await h.call(page, { r: refs([JIGESITAI]), after: first.pageInfo.endCursor }, dalateAdmin))
      .data!._entities[0].statisticians;
    expect(rest).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    expect(rest.edges.map((e: { assignment: { startDate: string } }) => e.assignment.startDate)).toEqual([
      "2026-02-03",
    ]);
    expectError(
      await h.call(page, { r: refs([JIGESITAI]), after: "not-a-cursor" }, dalateAdmin),
      "BAD_USER_INPUT",
    );
  });

  it("pages through the people in the caller's area by name", async () => {
    const list = `query ($after: String) { statisticians(first: 2, after: $after, filter: { orgUnitId: "${idOf(JIGESITAI)}" }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } }`;
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { name: string } }[];
      } = (await h.call(list, { after }, dalateAdmin)).data!.statisticians;
      expect(page.totalCount).toBe(3);
      names.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toHaveLength(3);
    expect(names).toEqual([...names].sort());
  });

  it("refuses references without an identity", async () => {
    expectError(await h.call(ENTITIES, { representations: refs([SHULINZHAO]) }), "UNAUTHENTICATED");
  });
});
