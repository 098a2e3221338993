import { readFileSync } from "node:fs";
import { parseDivisionCsv } from "../src/domain/import/csv";
import { inferKind } from "../src/domain/division-code";
import { ensureStandard } from "../src/domain/seed/ensure-standard";
import { SAMPLE_STANDARD } from "../src/domain/seed/sample-data";
import { recognitionBatch, seedStandardization } from "../src/domain/seed/seed-standardization";
import { isAssessable } from "../src/rules/r2-standardization";
import { cityAdmin, importOrdos, ORDOS_CSV, startHarness, type Harness } from "./support/harness";

let h: Harness;
const townshipCodes = parseDivisionCsv(readFileSync(ORDOS_CSV, "utf8"))
  .filter((r) => isAssessable(r.kind ?? inferKind(r.code, r.name)))
  .map((r) => r.code);

beforeAll(async () => {
  h = await startHarness();
  await importOrdos(h.services);
  await h.services.uow.run((tx) => ensureStandard(tx, SAMPLE_STANDARD));
}, 60000);
afterAll(() => h.stop());

const rows = <T>(sql: string) => h.dataSource.query(sql) as Promise<T[]>;

const SUMMARY = `query ($year: Int) { standardizationSummary(year: $year) { townships assessed standardized recognized } }`;
const totals = async (year: number) => {
  const banners = (await h.call(SUMMARY, { year }, cityAdmin)).data!.standardizationSummary as Record<
    string,
    number
  >[];
  const sum = (k: string) => banners.reduce((n, r) => n + r[k], 0);
  return {
    townships: sum("townships"),
    assessed: sum("assessed"),
    standardized: sum("standardized"),
    recognized: sum("recognized"),
  };
};

describe("seed: R2 sample assessments", () => {
  it("R2: last year and this year a share of townships assessed under the sample standard, some standardized (last year's recognised), some short on items; again: nothing", async () => {
    const thisYear = Number(h.services.clock.today().slice(0, 4));
    const first = await seedStandardization(h.services.uow, h.services.clock, townshipCodes, "seed");
    const results = await rows<{
      year: string;
      result: string;
      n: number;
      batch: number | null;
      recognized: number;
    }>(
      `SELECT substr(assessed_on::text, 1, 4) AS year, result, count(*)::int AS n,
              max(recognition_batch) AS batch, count(recognition_batch)::int AS recognized
         FROM standardization_assessment GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const of = (year: number, result: string) =>
      results.find((r) => r.year === String(year) && r.result === result);
    for (const year of [thisYear - 1, thisYear]) {
      expect(of(year, "STANDARDIZED")!.n).toBeGreaterThan(10);
      expect(of(year, "NOT_STANDARDIZED")!.n).toBeGreaterThan(10);
    }
    // last year's standardized ones are recognised in that year's batch; this year's not yet
    expect(of(thisYear - 1, "STANDARDIZED")).toMatchObject({ batch: recognitionBatch(thisYear - 1) });
    expect(of(thisYear - 1, "STANDARDIZED")!.recognized).toBe(of(thisYear - 1, "STANDARDIZED")!.n);
    expect(of(thisYear, "STANDARDIZED")!.recognized).toBe(0);
    expect(first.assessments).toBe(results.reduce((n, r) => n + r.n, 0));
    expect(first.recognized).toBe(of(thisYear - 1, "STANDARDIZED")!.n);
    // the ones short on items miss 1–4 of the 16, never all
    const [short] = await rows<{ min: number; max: number }>(
      `SELECT min(items_met)::int AS min, max(items_met)::int AS max FROM standardization_assessment WHERE result = 'NOT_STANDARDIZED'`,
    );
    expect(short).toEqual({ min: expect.any(Number), max: 15 });
    expect(short.min).toBeGreaterThanOrEqual(12);

    // the API's summary shows progress: more assessed and standardized this year, not every township
    const last = await totals(thisYear - 1);
    const now = await totals(thisYear);
    expect(now.assessed).toBeGreaterThan(last.assessed);
    expect(now.standardized).toBeGreaterThan(last.standardized);
    expect(now.assessed).toBeLessThan(now.townships);
    expect(now.recognized).toBe(first.recognized);

    const before = await h.fingerprint();
    expect(await seedStandardization(h.services.uow, h.services.clock, townshipCodes, "seed")).toEqual({
      assessments: 0,
      recognized: 0,
    });
    expect(await h.fingerprint()).toBe(before);
  });
});
