import { SqlSeedReads } from "../src/db/repositories/seed.reads";
import { seedTraining } from "../src/domain/seed/seed";
import { cityAdmin, fingerprint, startHarness, type Harness } from "./support/harness";

const TOWNSHIPS = ["150602100000", "150621100000", "150621001000", "150622002000", "150603001000", "150627100000"];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  await h.appoint(
    TOWNSHIPS.flatMap((unitCode, t) =>
      Array.from({ length: 8 }, (_, i) => ({
        unitCode,
        name: `样例${t}-${i}`,
        role: i === 0 ? ("FULL_TIME" as const) : ("PART_TIME" as const),
        status: i === 7 ? ("PENDING_TRAINING" as const) : ("ACTIVE" as const),
      })),
    ),
  );
}, 120000);
afterAll(() => h.stop());

describe("seed: a year of training for the Ordos tree", () => {
  it("creates the city's and every banner's sessions from the projected staff; pre-post passes issue certificates", async () => {
    const report = await seedTraining(h.services, new SqlSeedReads(h.dataSource));
    expect(report).toMatchObject({ year: 2026, sessions: 2 + 3 * 9, alreadyThere: 0 });
    expect(report.results).toBeGreaterThan(0);
    const statuses = await h.dataSource.query(`SELECT status, count(*)::int AS n FROM training_session GROUP BY status ORDER BY status`);
    // 30 June: March, April and June sessions are completed; September's and December's stay open.
    expect(statuses).toEqual([
      { status: "COMPLETED", n: 1 + 2 * 9 },
      { status: "OPEN", n: 1 + 9 },
    ]);
    const [pending] = await h.dataSource.query(
      `SELECT count(*)::int AS enrolled, count(c.id)::int AS certified
         FROM training_enrollment e JOIN training_session s ON s.id = e.session_id AND s.kind = 'PRE_POST'
         LEFT JOIN training_certificate c ON c.enrollment_id = e.id`,
    );
    expect(pending.enrolled).toBe(TOWNSHIPS.length);
    expect(pending.certified).toBe(report.certificates);
    const coverage = (await h.call(`{ trainingCoverage(year: 2026) { cityObligationMet banners { staff attended rate } } }`, {}, cityAdmin)).data!
      .trainingCoverage;
    expect(coverage.cityObligationMet).toBe(true);
    const staffed = coverage.banners.filter((b: { staff: number }) => b.staff > 0);
    expect(staffed).toHaveLength(new Set(TOWNSHIPS.map((code) => code.slice(0, 6))).size); // two townships share 达拉特旗
    for (const b of staffed) expect(b.rate).toBeGreaterThan(0);
  });

  it("a second run changes nothing", async () => {
    const before = await fingerprint(h.dataSource);
    const report = await seedTraining(h.services, new SqlSeedReads(h.dataSource));
    expect(report).toMatchObject({ sessions: 0, alreadyThere: 2 + 3 * 9, results: 0 });
    expect(await fingerprint(h.dataSource)).toBe(before);
  });
});
