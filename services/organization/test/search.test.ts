import { as, cityAdmin, DALATE, expectError, idOf, startHarness, type Harness } from "./support/harness";
import { seed } from "../src/domain/seed/seed";
import { parseDivisionCsv } from "../src/domain/import/csv";
import { readFileSync } from "node:fs";
import { ORDOS_CSV } from "./support/harness";

const SEARCH = `query ($filter: OrgUnitFilter, $first: Int, $after: String) {
  orgUnits(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code name kind } }
  } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await seed(h.services.uow, h.services.clock, parseDivisionCsv(readFileSync(ORDOS_CSV, "utf8")));
});
afterAll(() => h.stop());

const search = (variables: Record<string, unknown>, identity = cityAdmin) =>
  h.call(SEARCH, variables, identity);

describe("R1: finding units in your area", () => {
  it("pages through a banner's subtree by code without gaps or repeats", async () => {
    const banner = as("BANNER_ADMIN", DALATE);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const result = await search({ first: 40, after }, banner);
      expect(result.errors).toBeUndefined();
      const page = result.data!.orgUnits;
      total = page.totalCount;
      seen.push(...page.edges.map((e: { node: { code: string } }) => e.node.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
    expect(seen.every((c) => c.startsWith("150621"))).toBe(true);
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM org_unit WHERE code LIKE '150621%' AND active`,
    );
    expect(total).toBe(n);
  });

  it("filters by name, code prefix, kinds and subtree, always inside the caller's area", async () => {
    const sumu = await search({ filter: { kinds: ["SUMU"] }, first: 50 });
    expect(sumu.data!.orgUnits.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(
      expect.arrayContaining(["展旦召苏木", "布尔陶亥苏木", "苏米图苏木"]),
    );
    expect(sumu.data!.orgUnits.totalCount).toBe(6);

    const byName = await search({ filter: { nameContains: "街道", codePrefix: "150603" } });
    expect(byName.data!.orgUnits.totalCount).toBe(4);

    const under = await search({
      filter: { underId: idOf("150621100000"), kinds: ["VILLAGE", "COMMUNITY"] },
    });
    expect(under.data!.orgUnits.totalCount).toBeGreaterThanOrEqual(11);
    expect(
      under.data!.orgUnits.edges.every((e: { node: { code: string } }) =>
        e.node.code.startsWith("150621100"),
      ),
    ).toBe(true);

    const outside = await search({ filter: { underId: idOf("150622100000") } }, as("BANNER_ADMIN", DALATE));
    expectError(outside, "NOT_FOUND");

    const wildcard = await search({ filter: { nameContains: "%" } });
    expect(wildcard.data!.orgUnits.totalCount).toBe(0);
  });

  it("refuses a bad page size, code prefix or cursor", async () => {
    expectError(await search({ first: 0 }), "BAD_USER_INPUT");
    expectError(await search({ first: 500 }), "BAD_USER_INPUT");
    expectError(await search({ filter: { codePrefix: "15a" } }), "BAD_USER_INPUT");
    expectError(await search({ after: "bm90LWEtY3Vyc29y" }), "BAD_USER_INPUT");
  });

  it("pages a unit's children and lists its ancestors down from the caller's area", async () => {
    const query = `query ($id: ID!, $after: String) { orgUnit(id: $id) {
      ancestors { code } parent { code }
      children(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } } }`;
    const town = idOf("150621100000");
    const first = await h.call(query, { id: town }, cityAdmin);
    expect(first.data!.orgUnit.ancestors.map((a: { code: string }) => a.code)).toEqual([
      "150600000000",
      DALATE,
    ]);
    expect(first.data!.orgUnit.children.edges).toHaveLength(5);
    const second = await h.call(
      query,
      { id: town, after: first.data!.orgUnit.children.pageInfo.endCursor },
      cityAdmin,
    );
    expect(
      second.data!.orgUnit.children.edges[0].node.code > first.data!.orgUnit.children.edges[4].node.code,
    ).toBe(true);

    const asClerk = await h.call(query, { id: town }, as("UNIT_CLERK", "150621100000"));
    expect(asClerk.data!.orgUnit.ancestors).toEqual([]);
    expect(asClerk.data!.orgUnit.parent).toBeNull();
  });
});

describe("nested lists (banners → townships) are batched", () => {
  const TREE = `query ($banners: Int!, $townships: Int!) {
    orgUnitByCode(code: "150600000000") {
      children(first: $banners) { edges { node { code children(first: $townships) {
        totalCount pageInfo { hasNextPage } edges { node { code } } } } } } } }`;

  const statementsFor = async (banners: number, townships: number) => {
    h.queries.queries = [];
    const result = await h.call(TREE, { banners, townships }, cityAdmin);
    expect(result.errors).toBeUndefined();
    return { statements: h.queries.queries.length, data: result.data! };
  };

  it("the same number of SQL statements for 2 banners of 3 townships as for 9 banners of 20", async () => {
    const small = await statementsFor(2, 3);
    const large = await statementsFor(9, 20);
    expect(large.statements).toBe(small.statements);
    expect(large.data.orgUnitByCode.children.edges).toHaveLength(9);
  });

  it("each nested page matches the unbatched search: order, total, hasNextPage", async () => {
    const { data } = await statementsFor(9, 3);
    for (const { node: banner } of data.orgUnitByCode.children.edges) {
      const direct = await h.call(
        `query ($id: ID!) { orgUnits(filter: { underId: $id, kinds: [SUBDISTRICT, TOWN, TOWNSHIP, SUMU, PARK] }, first: 3) { totalCount pageInfo { hasNextPage } edges { node { code } } } }`,
        { id: idOf(banner.code) },
        cityAdmin,
      );
      expect(banner.children).toEqual(direct.data!.orgUnits);
    }
  });
});
