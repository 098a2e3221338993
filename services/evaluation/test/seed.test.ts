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
  type Harness,
} from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
}, 60000);
afterAll(() => h.stop());

const banners = () => ordosStates().filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT");

it("seed: last year's sample schemes (flagged), a meeting and an inspection per banner, the city's published assessment; again: nothing", async () => {
  const reads = new SqlSeedReads(h.dataSource);
  const first = await seedEvaluation(h.services, reads);
  expect(first).toEqual({
    year: 2025,
    schemes: 1 + banners().length,
    meetings: banners().length,
    inspections: banners().length,
    published: 1,
  });
  const before = await h.fingerprint();
  expect(await seedEvaluation(h.services, reads)).toEqual({
    year: 2025,
    schemes: 0,
    meetings: 0,
    inspections: 0,
    published: 0,
  });
  expect(await h.fingerprint()).toBe(before);

  const ranking = await h.call(
    `query ($owner: ID!) { assessmentRanking(ownerUnitId: $owner, year: 2025) { scheme { name } results { rank unitCode score grade } } }`,
    { owner: idOf(CITY) },
    cityAdmin,
  );
  expect(ranking.errors).toBeUndefined();
  expect(ranking.data!.assessmentRanking.scheme.name).toMatch(/^示例：/);
  expect(ranking.data!.assessmentRanking.results).toHaveLength(banners().length);
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
  const [meeting] = await h.dataSource.query(
    `SELECT meeting_date::text AS d FROM work_meeting WHERE holder_unit_id = $1`,
    [idOf(DALATE)],
  );
  const n = (k: number) => Number(DALATE.slice(2, 9)) % k;
  expect(meeting.d).toBe(`2025-${String(3 + n(6)).padStart(2, "0")}-${String(10 + n(15)).padStart(2, "0")}`);
  const [score] = await h.dataSource.query(
    `SELECT s.score FROM assessment_score s JOIN assessment a ON a.id = s.assessment_id WHERE a.subject_unit_id = $1 AND s.indicator_code = 'M1'`,
    [idOf(DALATE)],
  );
  expect(score.score).toBe((60 + n(41)) * 100);
});
