import { fingerprint as fingerprintTables, unitState } from "@grassroots/testing";
import { SqlSeedReads } from "../src/db/repositories/seed.reads";
import { seedTraining } from "../src/domain/seed/seed";
import {
  as,
  cityAdmin,
  DALATE,
  dalateAdmin,
  fingerprint,
  idOf,
  ordosStates,
  SHULINZHAO,
  startHarness,
  type Harness,
} from "./support/harness";
import { ENROLL, ok, openSession } from "./support/operations";

const TOWNSHIPS = [
  "150602100000",
  "150621100000",
  "150621001000",
  "150622002000",
  "150603001000",
  "150627100000",
];

describe("seed: a year of training for the Ordos tree", () => {
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

  it("creates the city's and every banner's sessions from the projected staff; pre-post passes issue certificates", async () => {
    const report = await seedTraining(h.services, new SqlSeedReads(h.dataSource));
    expect(report).toMatchObject({ year: 2026, sessions: 2 + 3 * 9, alreadyThere: 0 });
    expect(report.results).toBeGreaterThan(0);
    const statuses = await h.dataSource.query(
      `SELECT status, count(*)::int AS n FROM training_session GROUP BY status ORDER BY status`,
    );
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
    const coverage = (
      await h.call(
        `{ trainingCoverage(year: 2026) { cityObligationMet banners { staff attended rate } } }`,
        {},
        cityAdmin,
      )
    ).data!.trainingCoverage;
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

describe("#10.12: the seed is safe to run again after users changed data", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.publishOrdos();
    await h.appoint(
      TOWNSHIPS.flatMap((unitCode, t) =>
        Array.from({ length: 4 }, (_, i) => ({
          unitCode,
          name: `样例${t}-${i}`,
          role: i === 0 ? ("FULL_TIME" as const) : ("PART_TIME" as const),
          status: i === 3 ? ("PENDING_TRAINING" as const) : ("ACTIVE" as const),
        })),
      ),
    );
  }, 120000);
  afterAll(() => h.stop());

  /** The seed's own rows (sessions it planned, their enrolments and certificates) and everything else, apart. */
  const SEEDED = `(SELECT id FROM training_session WHERE planned_by = 'seed')`;
  const seededRows = () =>
    fingerprintTables(h.dataSource, [
      `(SELECT * FROM training_session WHERE id IN ${SEEDED})`,
      `(SELECT * FROM training_enrollment WHERE session_id IN ${SEEDED})`,
      `(SELECT * FROM training_certificate WHERE session_id IN ${SEEDED})`,
    ]);
  const userRows = () =>
    fingerprintTables(h.dataSource, [
      `(SELECT * FROM training_session WHERE id NOT IN ${SEEDED})`,
      `(SELECT * FROM training_enrollment WHERE session_id NOT IN ${SEEDED} OR enrolled_by <> 'seed')`,
    ]);

  it("#10.12: seed, then a new township, a person appointed there and a user's session: a second seed succeeds, seeded rows unchanged, user rows untouched", async () => {
    const first = await seedTraining(h.services, new SqlSeedReads(h.dataSource));
    expect(first).toMatchObject({ sessions: 2 + 3 * 9, alreadyThere: 0 });

    // What users do afterwards: an import adds a township to 达拉特旗, personnel appoints two people there,
    // the banner plans its own session and enrols one of them, the city enrols the other into a seeded open session.
    const dalate = ordosStates().find((u) => u.code === DALATE)!;
    const township = unitState(dalate, "150621199000", "新设镇", "TOWN");
    await h.publishUnits([township]);
    const [pending, active] = await h.appoint([
      { unitCode: township.code, name: "新镇新人", status: "PENDING_TRAINING" },
      { unitCode: township.code, name: "新镇专职", role: "FULL_TIME" },
    ]);
    const own = await openSession(
      h,
      { title: "新设镇统计业务培训", startDate: "2026-07-01", endDate: "2026-07-02" },
      dalateAdmin,
    );
    await ok(
      h,
      ENROLL,
      { input: { sessionId: own.id, statisticianId: pending.statisticianId } },
      dalateAdmin,
    );
    const [census] = await h.dataSource.query(
      `SELECT id FROM training_session WHERE id IN ${SEEDED} AND status = 'OPEN' AND organizer_unit_id = $1`,
      [idOf(DALATE)],
    );
    await ok(
      h,
      ENROLL,
      { input: { sessionId: census.id, statisticianId: active.statisticianId } },
      cityAdmin,
    );

    const [seededBefore, userBefore, everythingBefore] = [
      await seededRows(),
      await userRows(),
      await fingerprint(h.dataSource),
    ];
    const again = await seedTraining(h.services, new SqlSeedReads(h.dataSource));
    expect(again).toMatchObject({
      sessions: 0,
      alreadyThere: 2 + 3 * 9,
      enrollments: 0,
      results: 0,
      certificates: 0,
    });
    expect(await seededRows()).toBe(seededBefore);
    expect(await userRows()).toBe(userBefore);
    expect(await fingerprint(h.dataSource)).toBe(everythingBefore); // and nothing published
    // The new people are in no seeded session except where the city put one of them.
    const seats = await h.dataSource.query(
      `SELECT session_id AS "sessionId", statistician_id AS "statisticianId", enrolled_by AS "enrolledBy" FROM training_enrollment
        WHERE statistician_id = ANY($1::uuid[]) ORDER BY enrolled_by`,
      [[pending.statisticianId, active.statisticianId]],
    );
    expect(seats).toEqual([
      { sessionId: own.id, statisticianId: pending.statisticianId, enrolledBy: dalateAdmin.userId },
      { sessionId: census.id, statisticianId: active.statisticianId, enrolledBy: cityAdmin.userId },
    ]);
  });
});

describe("seed: several cities in the projection", () => {
  // A second city (包头市) with one banner and one town, beside the Ordos tree.
  const baotou = unitState(null, "150200000000", "包头市", "CITY");
  const damao = unitState(baotou, "150223000000", "达尔罕茂明安联合旗", "BANNER");
  const bailingmiao = unitState(damao, "150223100000", "百灵庙镇", "TOWN");
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.publishOrdos();
    await h.publishUnits([baotou, damao, bailingmiao]);
    await h.appoint([
      { unitCode: SHULINZHAO, name: "鄂尔多斯专职", role: "FULL_TIME" },
      { unitCode: SHULINZHAO, name: "鄂尔多斯新人", role: "PART_TIME", status: "PENDING_TRAINING" },
      { unitCode: bailingmiao.code, name: "包头专职", role: "FULL_TIME" },
      { unitCode: bailingmiao.code, name: "包头新人", role: "PART_TIME", status: "PENDING_TRAINING" },
    ]);
  }, 120000);
  afterAll(() => h.stop());

  it("plans each city's sessions and enrols each city's staff only in sessions of its own city and banners", async () => {
    const report = await seedTraining(h.services, new SqlSeedReads(h.dataSource));
    expect(report).toMatchObject({ sessions: 2 * 2 + 3 * (9 + 1), alreadyThere: 0 });
    // Every enrolment lies inside its organizer's area (the commands refuse anything else).
    const outside = await h.dataSource.query(
      `SELECT e.id FROM training_enrollment e JOIN training_session s ON s.id = e.session_id
         JOIN org_unit o ON o.id = s.organizer_unit_id JOIN statistician_assignment a ON a.statistician_id = e.statistician_id
        WHERE a.org_unit_path NOT LIKE o.path || '%'`,
    );
    expect(outside).toEqual([]);
    // Who sits in the sessions of a kind, by organizer.
    const enrolledIn = (kind: string) =>
      h.dataSource.query(
        `SELECT o.code, st.name FROM training_session s JOIN org_unit o ON o.id = s.organizer_unit_id
           JOIN training_enrollment e ON e.session_id = s.id JOIN statistician st ON st.id = e.statistician_id
          WHERE s.kind = $1 ORDER BY o.code`,
        [kind],
      );
    expect(await enrolledIn("COMPREHENSIVE")).toEqual([
      { code: "150200000000", name: "包头专职" },
      { code: "150600000000", name: "鄂尔多斯专职" },
    ]);
    expect(await enrolledIn("PRE_POST")).toEqual([
      { code: "150223000000", name: "包头新人" },
      { code: "150621000000", name: "鄂尔多斯新人" },
    ]);
    const coverage = async (code: string) =>
      (
        await h.call(
          `{ trainingCoverage(year: 2026) { cityObligationMet banners { staff attended } } }`,
          {},
          as("CITY_ADMIN", code),
        )
      ).data!.trainingCoverage;
    expect((await coverage("150200000000")).cityObligationMet).toBe(true);
    expect((await coverage("150600000000")).cityObligationMet).toBe(true);
  });
});
