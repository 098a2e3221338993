import { readFileSync } from "node:fs";
import { parseDivisionCsv } from "../src/domain/import/csv";
import { seed } from "../src/domain/seed/seed";
import { ORDOS_CSV, startHarness, type Harness } from "./support/harness";

// The whole seed (`pnpm seed`), moved here from import.test.ts: with the R2 assessments it needs more
// than the default minute on a busy machine.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const count = async (sql: string) => (await h.dataSource.query(sql))[0].n as number;

describe("seed", () => {
  it("adds about 1,000 units with sample villages, register counts, the sample standard and R2 assessments; a second run changes nothing", async () => {
    const rows = parseDivisionCsv(readFileSync(ORDOS_CSV, "utf8"));
    const first = await seed(h.services.uow, h.services.clock, rows);
    expect(first.divisions.rejected).toEqual([]);
    expect(first.standardLoaded).toBe(true);
    const total = await count(`SELECT count(*)::int AS n FROM org_unit`);
    expect(total).toBeGreaterThan(950);
    expect(total).toBeLessThan(1050);
    expect(
      await count(`SELECT count(*)::int AS n FROM org_unit WHERE is_sample AND name LIKE '样例%'`),
    ).toBeGreaterThan(850);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM org_unit WHERE kind IN ('SUBDISTRICT','TOWN','TOWNSHIP','SUMU') AND register_count >= 1500`,
      ),
    ).toBeGreaterThan(5);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM org_unit c JOIN org_unit p ON p.id = c.parent_id WHERE c.kind = 'COMMUNITY' AND c.is_sample AND p.kind = 'SUBDISTRICT'`,
      ),
    ).toBeGreaterThan(200);
    // R1: most real townships get a sample post, some not, so coverage is neither 0 nor 100%.
    const townships = await count(
      `SELECT count(*)::int AS n FROM org_unit WHERE kind IN ('SUBDISTRICT','TOWN','TOWNSHIP','SUMU')`,
    );
    const withPost = await count(
      `SELECT count(*)::int AS n FROM org_unit WHERE kind IN ('SUBDISTRICT','TOWN','TOWNSHIP','SUMU') AND post_established`,
    );
    expect(withPost / townships).toBeGreaterThan(0.75);
    expect(withPost).toBeLessThan(townships);

    const before = await h.fingerprint();
    // R2: sample assessments of last year and this year (seed-standardization.test.ts checks their mix)
    expect(first.standardization.assessments).toBe(
      await count(`SELECT count(*)::int AS n FROM standardization_assessment`),
    );
    expect(first.standardization.assessments).toBeGreaterThan(50);
    const second = await seed(h.services.uow, h.services.clock, rows);
    expect(second).toEqual({
      divisions: { created: 0, updated: 0, unchanged: expect.any(Number), rejected: [] },
      registerCountsSet: 0,
      standardLoaded: false,
      standardization: { assessments: 0, recognized: 0 },
    });
    expect(await h.fingerprint()).toBe(before);
  }, 240_000);
});
