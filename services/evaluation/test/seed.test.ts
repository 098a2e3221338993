import { SqlSeedReads } from "../src/db/repositories/seed.reads";
import { seedEvaluation } from "../src/domain/seed/seed";
import {
  CITY,
  cityAdmin,
  DALATE,
  dalateAdmin,
  idOf,
  ordosStates,
  startHarness,
  TODAY,
  ZHUNGEER,
  type Harness,
} from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
}, 60000);
afterAll(() => h.stop());

const banners = () => ordosStates().filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT");

// finance's programme year the suite asks for (PROGRAMME_YEARS.last there)
const options = { assessmentYears: [2024] };

it("seed: last year's sample schemes (flagged), a meeting and an inspection per banner last year and this year, the city's published assessment of last year and 2024; again: nothing", async () => {
  const reads = new SqlSeedReads(h.dataSource);
  const first = await seedEvaluation(h.services, reads, options);
  expect(first).toEqual({
    year: 2025,
    thisYear: 2026,
    assessmentYears: [2024],
    schemes: 2 + banners().length,
    meetings: 2 * banners().length,
    inspections: 2 * banners().length,
    published: 2,
  });
  const before = await h.fingerprint();
  expect(await seedEvaluation(h.services, reads, options)).toEqual({
    year: 2025,
    thisYear: 2026,
    assessmentYears: [2024],
    schemes: 0,
    meetings: 0,
    inspections: 0,
    published: 0,
  });
  expect(await h.fingerprint()).toBe(before);

  for (const year of [2025, 2024]) {
    const ranking = await h.call(
      `query ($owner: ID!, $year: Int!) { assessmentRanking(ownerUnitId: $owner, year: $year) { scheme { name } results { rank unitCode score grade } } }`,
      { owner: idOf(CITY), year },
      cityAdmin,
    );
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data!.assessmentRanking.scheme.name).toMatch(new RegExp(`^示例：${year}`));
    expect(ranking.data!.assessmentRanking.results).toHaveLength(banners().length);
  }
  const schemes = await h.call(
    `query ($owner: ID!) { assessmentSchemes(ownerUnitId: $owner, year: 2025) { isSample subjectKinds } }`,
    { owner: idOf(DALATE) },
    dalateAdmin,
  );
  expect(schemes.data!.assessmentSchemes).toEqual([
    { isSample: true, subjectKinds: ["TOWN", "TOWNSHIP", "SUMU", "SUBDISTRICT"] },
  ]);
});

it("seed: stable per unit — a banner's meeting date and score come from its own code", async () => {
  const meetings: { d: string }[] = await h.dataSource.query(
    `SELECT meeting_date::text AS d FROM work_meeting WHERE holder_unit_id = $1 ORDER BY meeting_date`,
    [idOf(DALATE)],
  );
  const n = (k: number) => Number(DALATE.slice(2, 9)) % k;
  const day = `${String(3 + n(6)).padStart(2, "0")}-${String(10 + n(15)).padStart(2, "0")}`;
  expect(meetings.map((m) => m.d)).toEqual([`2025-${day}`, `2026-${day}`]);
  const scores: { score: number }[] = await h.dataSource.query(
    `SELECT s.score FROM assessment_score s JOIN assessment a ON a.id = s.assessment_id WHERE a.subject_unit_id = $1 AND s.indicator_code = 'M1'`,
    [idOf(DALATE)],
  );
  // the same manual score in each year's city assessment (2024 and 2025)
  expect(scores.map((s) => s.score)).toEqual([(60 + n(41)) * 100, (60 + n(41)) * 100]);
});

const SUMMARY = `query ($holder: ID!, $year: Int!) { meetingSummary(holderUnitId: $holder, year: $year) { meetingsStudied problemsRaised resolved overdue } }`;
const summary = async (code: string, year: number) =>
  (await h.call(SUMMARY, { holder: idOf(code), year }, cityAdmin)).data!.meetingSummary;

it("R11: this year's sample meetings — a banner with its problem overdue, one with it resolved; last year's followed up except where overdue", async () => {
  // 达拉特旗 lets its problem run over (its gap by code), 准格尔旗 resolves it
  expect(await summary(DALATE, 2026)).toEqual({
    meetingsStudied: 1,
    problemsRaised: 1,
    resolved: 0,
    overdue: 1,
  });
  expect(await summary(ZHUNGEER, 2026)).toEqual({
    meetingsStudied: 1,
    problemsRaised: 1,
    resolved: 1,
    overdue: 0,
  });
  const lastYear = await Promise.all(banners().map((b) => summary(b.code, 2025)));
  expect(lastYear.filter((s) => s.overdue === 1).length).toBe(4);
  expect(lastYear.filter((s) => s.resolved === 1).length).toBe(banners().length - 4);
  const [r11] = await h.dataSource.query(
    `SELECT count(*) FILTER (WHERE status = 'NOT_MET')::int AS not_met, count(*) FILTER (WHERE status = 'MET')::int AS met
       FROM rule_status_published WHERE rule = 'R11.meeting-problems' AND period = '2026'`,
  );
  expect(r11).toEqual({ not_met: 4, met: banners().length - 4 });
});

it("R13: this year's findings — overdue in some banners, rectified in others, open and not yet due in the rest", async () => {
  const rows: { overdue: boolean; status: string; n: number }[] = await h.dataSource.query(
    `SELECT f.deadline < $1::date AND f.status <> 'ACCEPTED' AS overdue, f.status, count(*)::int AS n
       FROM finding f JOIN inspection i ON i.id = f.inspection_id
      WHERE i.inspection_date >= '2026-01-01' GROUP BY 1, 2 ORDER BY 1, 2`,
    [TODAY],
  );
  expect(rows.find((r) => r.overdue)!.n).toBe(4);
  expect(rows.find((r) => r.status === "ACCEPTED")!.n).toBe(2);
  expect(rows.reduce((n, r) => n + r.n, 0)).toBe(banners().length);
});
