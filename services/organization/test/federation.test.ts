import {
  as,
  cityAdmin,
  CITY,
  DALATE,
  expectError,
  idOf,
  importOrdos,
  startHarness,
  ZHUNGEER,
  type Harness,
} from "./support/harness";
import { SET_REGISTER, UNIT_BY_CODE, UPDATE } from "./support/operations";

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on OrgUnit { id code name kind } } }`;

const dalateAdmin = as("BANNER_ADMIN", DALATE);
const SHULINZHAO = "150621100000"; // 树林召镇 in 达拉特旗
const XUEJIAWAN = "150622100000"; // 薛家湾镇 in 准格尔旗

/** Every field of OrgUnit a reference can ask for, the public identity and the work data. */
const ENTITIES_IN_AREA = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on OrgUnit {
    id code name kind depth parentId active inYourArea version isSample createdAt updatedAt
    registerCount registerAsOf deactivatedAt deactivationReason deactivatedBy deactivatedByName
    statisticsPost { required established establishedOn }
    parent { code } ancestors { code } children { totalCount edges { node { code } } }
    registerHistory { count asOf } standardization { result }
  } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  // Work data on a unit of each banner, so withholding it is visible.
  for (const code of [SHULINZHAO, XUEJIAWAN]) {
    const town = (await h.call(UNIT_BY_CODE, { code }, cityAdmin)).data!.orgUnitByCode;
    const set = await h.call(
      SET_REGISTER,
      { input: { id: town.id, expectedVersion: town.version, count: 1600, asOf: "2024-06-30" } },
      cityAdmin,
    );
    const posted = await h.call(
      UPDATE,
      {
        input: {
          id: town.id,
          expectedVersion: set.data!.setRegisterCount.version,
          postEstablished: true,
          postEstablishedOn: "2022-08-01",
        },
      },
      cityAdmin,
    );
    expect(posted.errors).toBeUndefined();
  }
});
afterAll(() => h.stop());

const codes = async (): Promise<string[]> =>
  (await h.dataSource.query(`SELECT code FROM org_unit ORDER BY code`)).map((r: { code: string }) => r.code);

describe("federation: OrgUnit references", () => {
  // Counted with a TypeORM logger on the data source (test/support/harness.ts: QueryCounter): TypeORM
  // calls logQuery for every statement it sends, so this counts everything the request ran, including
  // the lookup of the caller's scope.
  it.each([1, 10, 98])("resolves %i representations with ONE SQL query", async (n) => {
    const representations = (await codes())
      .slice(0, n)
      .map((code) => ({ __typename: "OrgUnit", id: idOf(code) }));
    h.queries.queries = [];
    const result = await h.call(ENTITIES, { representations }, cityAdmin);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(n);
    expect(result.data!._entities.every((e: { id: string } | null) => e !== null)).toBe(true);
    expect(h.queries.queries).toHaveLength(1);
  });

  it("#10.1: every existing unit resolves, in order; only an id that is no unit resolves to null", async () => {
    const ids = [
      idOf("150621100000"),
      idOf("150622100000"),
      "not-a-uuid",
      idOf("150699999999"),
      idOf(DALATE),
    ];
    const result = await h.call(
      ENTITIES_IN_AREA,
      { representations: ids.map((id) => ({ __typename: "OrgUnit", id })) },
      dalateAdmin,
    );
    expect(result.errors).toBeUndefined();
    expect(
      result.data!._entities.map(
        (e: { code: string; inYourArea: boolean } | null) => e && [e.code, e.inYourArea],
      ),
    ).toEqual([["150621100000", true], ["150622100000", false], null, null, [DALATE, true]]);
  });

  it("refuses references without an identity", async () => {
    const result = await h.call(ENTITIES, { representations: [{ __typename: "OrgUnit", id: idOf(DALATE) }] });
    expect(result.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("serves its SDL to composition through _service", async () => {
    const result = await h.call(`{ _service { sdl } }`);
    expect(result.data!._service.sdl).toContain('@key(fields: "id")');
  });

  it("denies a root query without identity even next to _service", async () => {
    expectError(await h.call(`{ standardizationStandards { code } }`), "UNAUTHENTICATED");
  });
});

describe("#10.1: a reference outside the caller's area resolves to the unit's public view", () => {
  const entities = (codes: string[]) =>
    h.call(
      ENTITIES_IN_AREA,
      { representations: codes.map((code) => ({ __typename: "OrgUnit", id: idOf(code) })) },
      dalateAdmin,
    );

  it("#10.1: the city and another banner's township show code and name, inYourArea false, work data withheld, in ONE query", async () => {
    h.queries.queries = [];
    const result = await entities([CITY, XUEJIAWAN]);
    expect(result.errors).toBeUndefined();
    expect(h.queries.queries).toHaveLength(1);
    const [city, xuejiawan] = result.data!._entities;
    const withheld = {
      inYourArea: false,
      registerCount: null,
      registerAsOf: null,
      deactivatedAt: null,
      deactivationReason: null,
      deactivatedBy: null,
      deactivatedByName: null,
      statisticsPost: null,
      parent: null,
      ancestors: [],
      children: { totalCount: 0, edges: [] },
      registerHistory: [],
      standardization: null,
    };
    expect(city).toEqual({
      ...withheld,
      id: idOf(CITY),
      code: CITY,
      name: "鄂尔多斯市",
      kind: "CITY",
      depth: 0,
      parentId: null,
      active: true,
      version: expect.any(Number),
      isSample: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(xuejiawan).toEqual({
      ...withheld,
      id: idOf(XUEJIAWAN),
      code: XUEJIAWAN,
      name: "薛家湾镇",
      kind: "TOWN",
      depth: 2,
      parentId: idOf(ZHUNGEER),
      active: true,
      version: expect.any(Number),
      isSample: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it("#10.1: a unit in the banner resolves with inYourArea true and all its data", async () => {
    const result = await entities([SHULINZHAO, DALATE]);
    expect(result.errors).toBeUndefined();
    const [town, banner] = result.data!._entities;
    expect(town).toMatchObject({
      code: SHULINZHAO,
      name: "树林召镇",
      inYourArea: true,
      registerCount: 1600,
      registerAsOf: "2024-06-30",
      statisticsPost: { required: true, established: true, establishedOn: "2022-08-01" },
      parent: { code: DALATE },
      ancestors: [{ code: DALATE }],
      registerHistory: [{ count: 1600, asOf: "2024-06-30" }],
    });
    expect(banner).toMatchObject({ code: DALATE, inYourArea: true, parent: null, ancestors: [] });
    expect(banner.children.totalCount).toBeGreaterThan(10);
    expect(banner.children.edges.map((e: { node: { code: string } }) => e.node.code)).toContain(SHULINZHAO);
  });

  it("#10.1: direct lookups stay scoped: the same units are NOT_FOUND, absent from lists, and no parent", async () => {
    expectError(
      await h.call(`query ($id: ID!) { orgUnit(id: $id) { code } }`, { id: idOf(XUEJIAWAN) }, dalateAdmin),
      "NOT_FOUND",
    );
    expectError(await h.call(UNIT_BY_CODE, { code: CITY }, dalateAdmin), "NOT_FOUND");
    const list = await h.call(
      `{ orgUnits(filter: { codePrefix: "150622" }) { totalCount } }`,
      {},
      dalateAdmin,
    );
    expect(list.data!.orgUnits.totalCount).toBe(0);
    const banner = await h.call(
      `{ orgUnitByCode(code: "${DALATE}") { inYourArea parent { code } } }`,
      {},
      dalateAdmin,
    );
    expect(banner.data!.orgUnitByCode).toEqual({ inYourArea: true, parent: null });
  });
});
