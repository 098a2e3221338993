import { ensureStandard } from "../src/domain/commands/define-standard";
import { SAMPLE_STANDARD } from "../src/domain/import/sample-data";
import { as, cityAdmin, DALATE, expectError, idOf, importOrdos, startHarness, ZHUNGEER, type Harness } from "./support/harness";
import { allMet, CREATE, DEACTIVATE, RECOGNIZE, RECORD, UNIT_BY_CODE, UPDATE } from "./support/operations";

const COVERAGE = `query ($bannerId: ID) { postCoverage(bannerId: $bannerId) {
  banner { code } established total rate byKind { kind established total rate } } }`;
const SUMMARY = `query ($year: Int) { standardizationSummary(year: $year) {
  banner { code } asOf townships assessed standardized completionRate recognized } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.services.uow.run((tx) => ensureStandard(tx, SAMPLE_STANDARD));
  // 达拉特旗: posts in three towns and one park, one of two villages; a third village deactivated.
  for (const code of ["150621100000", "150621101000", "150621102000", "150621400000"]) {
    const unit = (await h.call(UNIT_BY_CODE, { code }, cityAdmin)).data!.orgUnitByCode;
    await h.call(UPDATE, { input: { id: unit.id, expectedVersion: unit.version, postEstablished: true } }, cityAdmin);
  }
  const parentId = idOf("150621100000");
  await h.call(CREATE, { input: { parentId, code: "150621100201", name: "一村", postEstablished: true } }, cityAdmin);
  await h.call(CREATE, { input: { parentId, code: "150621100202", name: "二村" } }, cityAdmin);
  const gone = (await h.call(CREATE, { input: { parentId, code: "150621100203", name: "三村", postEstablished: true } }, cityAdmin)).data!
    .createOrgUnit;
  await h.call(DEACTIVATE, { input: { id: gone.id, expectedVersion: gone.version, reason: "合并" } }, cityAdmin);

  // R2 history in 达拉特旗.
  const record = (code: string, assessedOn: string, standardized: boolean) => {
    const items = allMet();
    if (!standardized) items[0] = { ...items[0], status: "NOT_MET" };
    return h.call(RECORD, { input: { orgUnitId: idOf(code), standardCode: SAMPLE_STANDARD.code, standardVersion: 1, assessedOn, items } }, cityAdmin);
  };
  await record("150621100000", "2022-06-01", true);
  await record("150621101000", "2022-06-01", false);
  await record("150621101000", "2023-03-01", true);
  const recognised = await record("150621102000", "2023-05-01", true);
  await h.call(RECOGNIZE, { input: { assessmentId: recognised.data!.recordStandardizationAssessment.id, batch: 6, year: 2023 } }, cityAdmin);
});
afterAll(() => h.stop());

const coverage = async (identity = cityAdmin, bannerId?: string) => {
  const result = await h.call(COVERAGE, { bannerId }, identity);
  expect(result.errors).toBeUndefined();
  return result.data!.postCoverage as { banner: { code: string }; established: number; total: number; rate: number; byKind: { kind: string; established: number; total: number }[] }[];
};

describe("R1: statistics-post coverage per banner", () => {
  it("R1: counts active township-level units, parks and villages of 达拉特旗 by kind", async () => {
    const rows = await coverage();
    expect(rows.map((r) => r.banner.code)).toHaveLength(9);
    const dalate = rows.find((r) => r.banner.code === DALATE)!;
    expect(dalate.byKind.map(({ kind, established, total }) => [kind, established, total])).toEqual([
      ["SUBDISTRICT", 0, 6],
      ["TOWN", 3, 8],
      ["SUMU", 0, 1],
      ["PARK", 1, 2],
      ["VILLAGE", 1, 2],
    ]);
    expect(dalate).toMatchObject({ established: 5, total: 19, rate: 0.2632 });
    const zhungeer = rows.find((r) => r.banner.code === ZHUNGEER)!;
    expect(zhungeer).toMatchObject({ established: 0, total: 15, rate: 0 });
  });

  it("R1: a banner admin sees only their banner; another banner's id is NOT_FOUND", async () => {
    const admin = as("BANNER_ADMIN", ZHUNGEER);
    expect((await coverage(admin)).map((r) => r.banner.code)).toEqual([ZHUNGEER]);
    expectError(await h.call(COVERAGE, { bannerId: idOf(DALATE) }, admin), "NOT_FOUND");
  });

  it("R1: a township clerk sees their banner counted over their own subtree only", async () => {
    const [row] = await coverage(as("UNIT_CLERK", "150621100000"));
    expect(row.banner.code).toBe(DALATE);
    expect(row).toMatchObject({ established: 2, total: 3 });
  });
});

describe("R2: standardization summary per banner", () => {
  const summary = async (year?: number) => {
    const result = await h.call(SUMMARY, { year }, cityAdmin);
    expect(result.errors).toBeUndefined();
    return result.data!.standardizationSummary as { banner: { code: string }; [k: string]: unknown }[];
  };

  it("R2: as of the end of 2022: two assessed, one standardized, none recognised", async () => {
    const dalate = (await summary(2022)).find((r) => r.banner.code === DALATE);
    expect(dalate).toEqual({
      banner: { code: DALATE },
      asOf: "2022-12-31",
      townships: 15,
      assessed: 2,
      standardized: 1,
      completionRate: 0.0667,
      recognized: 0,
    });
  });

  it("R2: as of 2023 and today the latest assessment counts: three standardized, one recognised", async () => {
    for (const year of [2023, undefined]) {
      const dalate = (await summary(year)).find((r) => r.banner.code === DALATE);
      expect(dalate).toMatchObject({ townships: 15, assessed: 3, standardized: 3, completionRate: 0.2, recognized: 1 });
    }
    const zhungeer = (await summary(2023)).find((r) => r.banner.code === ZHUNGEER);
    expect(zhungeer).toMatchObject({ townships: 14, assessed: 0, standardized: 0, completionRate: 0, recognized: 0 });
  });

  it("refuses an implausible year", async () => {
    expectError(await h.call(SUMMARY, { year: 1800 }, cityAdmin), "BAD_USER_INPUT");
  });
});
