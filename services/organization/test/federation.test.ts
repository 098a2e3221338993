import { as, cityAdmin, DALATE, expectError, idOf, importOrdos, startHarness, type Harness } from "./support/harness";

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on OrgUnit { id code name kind } } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
});
afterAll(() => h.stop());

const codes = async (): Promise<string[]> =>
  (await h.dataSource.query(`SELECT code FROM org_unit ORDER BY code`)).map((r: { code: string }) => r.code);

describe("federation: OrgUnit references", () => {
  // Counted with a TypeORM logger on the data source (test/support/harness.ts: QueryCounter): TypeORM
  // calls logQuery for every statement it sends, so this counts everything the request ran, including
  // the lookup of the caller's scope.
  it.each([1, 10, 98])("resolves %i representations with ONE SQL query", async (n) => {
    const representations = (await codes()).slice(0, n).map((code) => ({ __typename: "OrgUnit", id: idOf(code) }));
    h.queries.queries = [];
    const result = await h.call(ENTITIES, { representations }, cityAdmin);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toHaveLength(n);
    expect(result.data!._entities.every((e: { id: string } | null) => e !== null)).toBe(true);
    expect(h.queries.queries).toHaveLength(1);
  });

  it("keeps the caller's scope: units outside it resolve to null, in order", async () => {
    const ids = [idOf("150621100000"), idOf("150622100000"), "not-a-uuid", idOf(DALATE)];
    const result = await h.call(ENTITIES, { representations: ids.map((id) => ({ __typename: "OrgUnit", id })) }, as("BANNER_ADMIN", DALATE));
    expect(result.data!._entities.map((e: { code: string } | null) => e?.code ?? null)).toEqual(["150621100000", null, null, DALATE]);
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
