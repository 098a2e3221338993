import { ensureStandard } from "../src/domain/seed/ensure-standard";
import { SAMPLE_STANDARD } from "../src/domain/seed/sample-data";
import {
  as,
  cityAdmin,
  DALATE,
  expectError,
  idOf,
  importOrdos,
  startHarness,
  ZHUNGEER,
  type Harness,
} from "./support/harness";
import { allMet, CREATE, DEACTIVATE, RECOGNIZE, RECORD, UNIT_BY_CODE, UPDATE } from "./support/operations";

const COVERAGE = `query ($bannerId: ID) { postCoverage(bannerId: $bannerId) {
  banner { code } established total rate byKind { kind established total rate } } }`;
const SUMMARY = `query ($year: Int) { standardizationSummary(year: $year) {
  banner { code } asOf townships assessed standardized completionRate recognized itemsMet itemsAssessed itemShare } }`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.services.uow.run((tx) => ensureStandard(tx, SAMPLE_STANDARD));
  // 达拉特旗: posts in three towns and one park, one of two villages; a third village deactivated.
  for (const code of ["150621100000", "150621101000", "150621102000", "150621400000"]) {
    const unit = (await h.call(UNIT_BY_CODE, { code }, cityAdmin)).data!.orgUnitByCode;
    await h.call(
      UPDATE,
      { input: { id: unit.id, expectedVersion: unit.version, postEstablished: true } },
      cityAdmin,
    );
  }
  const parentId = idOf("150621100000");
  await h.call(
    CREATE,
    { input: { parentId, code: "150621100201", name: "一村", postEstablished: true } },
    cityAdmin,
  );
  await h.call(CREATE, { input: { parentId, code: "150621100202", name: "二村" } }, cityAdmin);
  const gone = (
    await h.call(
      CREATE,
      { input: { parentId, code: "150621100203", name: "三村", postEstablished: true } },
      cityAdmin,
    )
  ).data!.createOrgUnit;
  await h.call(
    DEACTIVATE,
    { input: { id: gone.id, expectedVersion: gone.version, reason: "合并" } },
    cityAdmin,
  );

  // R2 history in 达拉特旗.
  const record = (code: string, assessedOn: string, standardized: boolean) => {
    const items = allMet();
    if (!standardized) items[0] = { ...items[0], status: "NOT_MET" };
    return h.call(
      RECORD,
      {
        input: {
          orgUnitId: idOf(code),
          standardCode: SAMPLE_STANDARD.code,
          standardVersion: 1,
          assessedOn,
          items,
        },
      },
      cityAdmin,
    );
  };
  await record("150621100000", "2022-06-01", true);
  await record("150621101000", "2022-06-01", false);
  await record("150621101000", "2023-03-01", true);
  const recognised = await record("150621102000", "2023-05-01", true);
  await h.call(
    RECOGNIZE,
    { input: { assessmentId: recognised.data!.recordStandardizationAssessment.id, batch: 6, year: 2023 } },
    cityAdmin,
  );
});
afterAll(() => h.stop());

const coverage = async (identity = cityAdmin, bannerId?: string) => {
  const result = await h.call(COVERAGE, { bannerId }, identity);
  expect(result.errors).toBeUndefined();
  return result.data!.postCoverage as {
    banner: { code: string };
    established: number;
    total: number;
    rate: number;
    byKind: { kind: string; established: number; total: number }[];
  }[];
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
      // 150621100000 16 of 16, 150621101000 15 of 16 in 2022 (re-assessed since: the 2022 one counts here).
      itemsMet: 31,
      itemsAssessed: 32,
      itemShare: 0.9688,
    });
  });

  it("R2: as of 2023 and today the latest assessment counts: three standardized, one recognised", async () => {
    for (const year of [2023, undefined]) {
      const dalate = (await summary(year)).find((r) => r.banner.code === DALATE);
      expect(dalate).toMatchObject({
        townships: 15,
        assessed: 3,
        standardized: 3,
        completionRate: 0.2,
        recognized: 1,
      });
    }
    const zhungeer = (await summary(2023)).find((r) => r.banner.code === ZHUNGEER);
    expect(zhungeer).toMatchObject({
      townships: 14,
      assessed: 0,
      standardized: 0,
      completionRate: 0,
      recognized: 0,
    });
  });

  it("refuses an implausible year", async () => {
    expectError(await h.call(SUMMARY, { year: 1800 }, cityAdmin), "BAD_USER_INPUT");
  });
});

describe("#10.8 R2: item-level progress beside the standardized count", () => {
  const RECORD_SHARE = `mutation ($input: RecordStandardizationAssessmentInput!) {
    recordStandardizationAssessment(input: $input) { result itemsMet itemsTotal itemShare } }`;
  const TOWNSHIP = `query ($code: String!) { orgUnitByCode(code: $code) { standardization { itemsMet itemsTotal itemShare } } }`;
  const XUEJIAWAN = "150622100000"; // 薛家湾镇, the first township of 准格尔旗 to be assessed

  /** Items met and rated over the latest assessment of each township of a banner, straight from the tables. */
  const itemsInDatabase = async (bannerCode: string) => {
    const [row] = await h.dataSource.query(
      `SELECT coalesce(sum(items_met), 0)::int AS met, coalesce(sum(items_total), 0)::int AS total
         FROM (SELECT DISTINCT ON (a.org_unit_id) a.items_met, a.items_total
                 FROM standardization_assessment a JOIN org_unit u ON u.id = a.org_unit_id
                WHERE u.code LIKE $1 AND u.active
                ORDER BY a.org_unit_id, a.assessed_on DESC, a.created_at DESC) latest`,
      [`${bannerCode.slice(0, 6)}%`],
    );
    return row as { met: number; total: number };
  };

  const today = async (year?: number) => {
    const result = await h.call(SUMMARY, { year }, cityAdmin);
    expect(result.errors).toBeUndefined();
    return result.data!.standardizationSummary as { banner: { code: string }; [k: string]: unknown }[];
  };

  it("#10.8 R2: a township with 15 of 16 items met: its assessment shows share 0.9375; its banner standardized 0 and item share 15/16, as the tables say", async () => {
    const items = allMet();
    items[5] = { ...items[5], status: "NOT_MET" };
    const recorded = await h.call(
      RECORD_SHARE,
      {
        input: {
          orgUnitId: idOf(XUEJIAWAN),
          standardCode: SAMPLE_STANDARD.code,
          standardVersion: 1,
          assessedOn: "2025-03-01",
          items,
        },
      },
      cityAdmin,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordStandardizationAssessment).toEqual({
      result: "NOT_STANDARDIZED",
      itemsMet: 15,
      itemsTotal: 16,
      itemShare: 0.9375,
    });
    const township = await h.call(TOWNSHIP, { code: XUEJIAWAN }, cityAdmin);
    expect(township.data!.orgUnitByCode.standardization).toEqual({
      itemsMet: 15,
      itemsTotal: 16,
      itemShare: 0.9375,
    });

    const zhungeer = (await today()).find((r) => r.banner.code === ZHUNGEER);
    expect(zhungeer).toMatchObject({
      townships: 14,
      assessed: 1,
      standardized: 0,
      completionRate: 0,
      itemsMet: 15,
      itemsAssessed: 16,
      itemShare: 0.9375,
    });
    expect(await itemsInDatabase(ZHUNGEER)).toEqual({ met: 15, total: 16 });
    // Before that assessment's year the banner had nothing assessed: no share rather than 0.
    const in2023 = (await today(2023)).find((r) => r.banner.code === ZHUNGEER);
    expect(in2023).toMatchObject({
      assessed: 0,
      standardized: 0,
      itemsMet: 0,
      itemsAssessed: 0,
      itemShare: null,
    });
  });

  it("#10.8 R2: a banner's share counts only each township's latest assessment (达拉特旗: 48 of 48 today, its 15-of-16 of 2022 superseded)", async () => {
    const dalate = (await today()).find((r) => r.banner.code === DALATE);
    expect(dalate).toMatchObject({
      assessed: 3,
      standardized: 3,
      itemsMet: 48,
      itemsAssessed: 48,
      itemShare: 1,
    });
    expect(await itemsInDatabase(DALATE)).toEqual({ met: 48, total: 48 });
    const all = await h.dataSource.query(
      `SELECT sum(items_met)::int AS met FROM standardization_assessment a JOIN org_unit u ON u.id = a.org_unit_id WHERE u.code LIKE '150621%'`,
    );
    expect(all[0].met).toBe(63); // 16 + 15 + 16 + 16 across all four: the superseded one is not counted
  });

  it("#10.8 R2: a banner with no township assessed shows 0 items and no share", async () => {
    const others = (await today()).filter((r) => r.banner.code !== DALATE && r.banner.code !== ZHUNGEER);
    expect(others.length).toBe(7);
    for (const banner of others)
      expect(banner).toMatchObject({ assessed: 0, itemsMet: 0, itemsAssessed: 0, itemShare: null });
  });
});
