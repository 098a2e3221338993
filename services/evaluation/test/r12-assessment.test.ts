import { AssessmentResultsPublished, AssessmentSchemeVersioned } from "@grassroots/events";
import {
  ADJUST,
  ASSESSMENT,
  citySchemeInput,
  CORRECT,
  DEFINE_SCHEME,
  MANUAL,
  OPEN,
  PUBLISH,
  RANKING,
  REVIEW,
  REVISE_SCHEME,
  SCORE,
} from "./support/r12-operations";
import {
  as,
  CITY,
  cityAdmin,
  DALATE,
  dalateAdmin,
  GONGYE,
  idOf,
  ordosStates,
  outboxTypes,
  SHULINZHAO,
  startHarness,
  YINGZE,
  ZHUNGEER,
  zhungeerAdmin,
  type Harness,
} from "./support/harness";

let h: Harness;
let scheme: { id: string; schemeId: string; version: number };
const assessments = new Map<string, { id: string; version: number }>();

beforeAll(async () => {
  h = await startHarness();
  await h.publishOrdos();
  const before = "2026-06-01T02:00:00.000Z";
  await h.publishRuleStatus({
    rule: "R3.township-staffing",
    subjectUnitId: idOf(SHULINZHAO),
    status: "NOT_MET",
    figures: { required: 2, actual: 1 },
    reason: "has 1",
    asOf: before,
  });
  await h.publishRuleStatus({
    rule: "R3.township-staffing",
    subjectUnitId: idOf(GONGYE),
    status: "MET",
    figures: { required: 1, actual: 1 },
    reason: "has 1",
    asOf: before,
  });
  await h.publishRuleStatus({
    rule: "R7.pending-training",
    subjectUnitId: idOf(GONGYE),
    status: "NOT_MET",
    figures: { pending: 1 },
    reason: "1 post pending too long",
    asOf: before,
  });
  // after the cut-off (2026-06-15): the frozen scores never see it, the live metrics do
  await h.publishRuleStatus({
    rule: "R3.township-staffing",
    subjectUnitId: idOf(SHULINZHAO),
    status: "MET",
    figures: { required: 2, actual: 2 },
    reason: "has 2",
    asOf: "2026-06-20T02:00:00.000Z",
  });
  await h.publishRuleStatus({
    rule: "R3.township-staffing",
    subjectUnitId: idOf(YINGZE),
    status: "NOT_MET",
    figures: { required: 1, actual: 0 },
    reason: "has 0",
    asOf: before,
  });
});
afterAll(() => h.stop());

const countyUnits = () => ordosStates().filter((u) => u.kind === "BANNER" || u.kind === "DISTRICT");
const weights = (...w: string[]) => {
  const input = citySchemeInput(idOf(CITY));
  input.indicators = input.indicators.map((ind, i) => ({ ...ind, weight: w[i] }));
  return input;
};

it("R12: a city scheme whose weights are 33.3 + 33.3 + 33.4 is accepted as version 1, and versioned as an event", async () => {
  const res = await h.call(DEFINE_SCHEME, { input: citySchemeInput(idOf(CITY)) }, cityAdmin);
  expect(res.errors).toBeUndefined();
  scheme = res.data!.defineAssessmentScheme;
  expect(res.data!.defineAssessmentScheme).toMatchObject({
    version: 1,
    subjectKinds: ["BANNER", "DISTRICT"],
    indicators: [
      {
        code: "A1",
        weight: "33.30",
        kind: "AUTO",
        metric: "staffing-compliance",
        scoring: { function: "LINEAR", lower: "0.00", upper: "100.00" },
      },
      {
        code: "A2",
        weight: "33.30",
        scoring: { function: "DEDUCTION", perOccurrence: "5.00", floor: "10.00" },
      },
      { code: "M1", weight: "33.40", kind: "MANUAL", maxScore: "10.00", scoring: null },
    ],
    grades: [{ grade: "优秀", minScore: "90.00" }, { grade: "良好" }, { grade: "合格" }, { grade: "不合格" }],
  });
  expect(await outboxTypes(h.dataSource)).toContain(AssessmentSchemeVersioned.type);
});

it("R12: weights adding up to 99.5 are refused, nothing written or published", async () => {
  const message = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(DEFINE_SCHEME, { input: weights("33.3", "33.3", "32.9") }, cityAdmin),
  );
  expect(message).toBe("The indicators' weights must add up to exactly 100; they add up to 99.50.");
});

it("R12: a weight with more than two decimals is refused (no floats anywhere)", async () => {
  await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(DEFINE_SCHEME, { input: weights("33.333", "33.333", "33.334") }, cityAdmin),
  );
});

it("R12: an AUTO indicator naming an unknown metric is refused", async () => {
  const input = citySchemeInput(idOf(CITY));
  input.indicators[0] = { ...input.indicators[0], metric: "happiness" };
  const message = await h.expectRefused("BAD_USER_INPUT", () => h.call(DEFINE_SCHEME, { input }, cityAdmin));
  expect(message).toBe('indicators[0].metric "happiness" is not in the metric catalogue.');
});

it("R12: STEP bands with a gap, or overlapping, are refused", async () => {
  const step = (bands: { from: string; to: string; percent: string }[]) => {
    const input = citySchemeInput(idOf(CITY));
    input.indicators[0] = { ...input.indicators[0], scoring: { function: "STEP", bands } as never };
    return input;
  };
  const gap = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(
      DEFINE_SCHEME,
      {
        input: step([
          { from: "0", to: "60", percent: "0" },
          { from: "70", to: "100", percent: "100" },
        ]),
      },
      cityAdmin,
    ),
  );
  expect(gap).toMatch(/leave a gap/);
  const overlap = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(
      DEFINE_SCHEME,
      {
        input: step([
          { from: "0", to: "60", percent: "0" },
          { from: "50", to: "100", percent: "100" },
        ]),
      },
      cityAdmin,
    ),
  );
  expect(overlap).toMatch(/overlap/);
  const ok = await h.call(
    DEFINE_SCHEME,
    {
      input: {
        ...step([
          { from: "0", to: "60", percent: "0" },
          { from: "60", to: "100", percent: "100" },
        ]),
        name: "分档示例",
      },
    },
    cityAdmin,
  );
  expect(ok.errors).toBeUndefined();
});

it("R12: only the owner's bureau defines a scheme: a banner admin and the city's, a clerk, another banner", async () => {
  expect(
    await h.expectRefused("FORBIDDEN", () =>
      h.call(DEFINE_SCHEME, { input: citySchemeInput(idOf(CITY)) }, dalateAdmin),
    ),
  ).toMatch(/Only the bureau of/);
  await h.expectRefused("FORBIDDEN", () =>
    h.call(DEFINE_SCHEME, { input: citySchemeInput(idOf(DALATE)) }, as("UNIT_CLERK", DALATE)),
  );
  const input = { ...citySchemeInput(idOf(DALATE)), subjectKinds: ["TOWN", "SUBDISTRICT"] };
  expect(await h.expectRefused("NOT_FOUND", () => h.call(DEFINE_SCHEME, { input }, zhungeerAdmin))).toBe(
    `Org unit ${idOf(DALATE)} does not exist in your area.`,
  );
});

it("R12: opening assessments opens one DRAFT per banner and district, and again only the missing ones", async () => {
  const res = await h.call(OPEN, { id: scheme.id }, cityAdmin);
  expect(res.errors).toBeUndefined();
  expect(res.data!.openAssessments).toHaveLength(countyUnits().length);
  for (const a of res.data!.openAssessments) assessments.set(a.subject.id, { id: a.id, version: a.version });
  expect((await h.call(OPEN, { id: scheme.id }, cityAdmin)).data!.openAssessments).toEqual([]);
});

const step = async (query: string, code: string, extra: Record<string, unknown> = {}, who = cityAdmin) => {
  const a = assessments.get(idOf(code))!;
  const res = await h.call(
    query,
    { input: { assessmentId: a.id, expectedVersion: a.version, ...extra } },
    who,
  );
  expect(res.errors).toBeUndefined();
  const out = Object.values(res.data!)[0] as { id: string; version: number };
  assessments.set(idOf(code), { id: out.id, version: out.version });
  return out as unknown as Record<string, never>;
};

it("R12: scoring freezes the AUTO indicators from the metrics at the cut-off date, shown with their figures", async () => {
  const scored = await step(SCORE, DALATE);
  expect(scored).toMatchObject({
    status: "SCORED",
    scores: expect.arrayContaining([
      {
        indicatorCode: "A1",
        kind: "AUTO",
        points: "16.65",
        score: null,
        metricValue: "50.00",
        figures: { met: 1, notMet: 1, unknown: 0, notApplicable: 0 },
        evidence: null,
        comment: "staffing-compliance at 2026-06-15",
      },
      expect.objectContaining({ indicatorCode: "A2", points: "28.30", metricValue: "1.00" }),
    ]),
  });
  for (const u of countyUnits().filter((u) => u.code !== DALATE)) await step(SCORE, u.code);
});

it("R12: a manual score above its maximum is refused", async () => {
  const a = assessments.get(idOf(DALATE))!;
  const message = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(
      MANUAL,
      {
        input: {
          assessmentId: a.id,
          expectedVersion: a.version,
          indicatorCode: "M1",
          score: "10.5",
          evidence: "台账照片",
        },
      },
      cityAdmin,
    ),
  );
  expect(message).toBe("score 10.5 is above M1's maximum 10.00.");
});

it("R12: a stale version is refused with CONFLICT after the input checks", async () => {
  const a = assessments.get(idOf(DALATE))!;
  await h.expectRefused("CONFLICT", () =>
    h.call(
      MANUAL,
      {
        input: {
          assessmentId: a.id,
          expectedVersion: a.version - 1,
          indicatorCode: "M1",
          score: "9",
          evidence: "台账照片",
        },
      },
      cityAdmin,
    ),
  );
});

it("R12: publishing with unscored indicators is refused, naming them", async () => {
  for (const u of countyUnits()) {
    if (u.code === ZHUNGEER) continue; // 准格尔旗's M1 not scored yet
    await step(MANUAL, u.code, {
      indicatorCode: "M1",
      score: u.code === DALATE ? "9" : "8",
      evidence: "台账照片",
      comment: "抽查",
    });
  }
  const message = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(PUBLISH, { input: { schemeVersionId: scheme.id } }, cityAdmin),
  );
  expect(message).toBe(`Indicators not scored yet (subject:indicator): ${idOf(ZHUNGEER)}:M1.`);
});

it("R12: bonus and deduction items count up to their caps", async () => {
  await step(ADJUST, DALATE, { itemCode: "B1", points: "1.5", reason: "数据质量创新" });
  await step(ADJUST, DALATE, { itemCode: "B1", points: "1.5", reason: "联网直报示范" });
  const adjusted = await step(ADJUST, DALATE, { itemCode: "D1", points: "1", reason: "迟报一次" });
  // 16.65 + 28.30 + 30.06 + min(3, 2) − 1
  expect(adjusted).toMatchObject({ total: "76.01" });
});

it("R12: publishing ranks (equal scores share a rank), grades by the bands and publishes the results event", async () => {
  await step(MANUAL, ZHUNGEER, { indicatorCode: "M1", score: "10", evidence: "台账照片" });
  for (const u of countyUnits()) await step(REVIEW, u.code);
  const res = await h.call(PUBLISH, { input: { schemeVersionId: scheme.id } }, cityAdmin);
  expect(res.errors).toBeUndefined();
  const set = res.data!.publishAssessmentResults;
  expect(set).toMatchObject({ revision: 1, supersedesId: null, reason: null });
  expect(set.results.slice(0, 3)).toMatchObject([
    { rank: 1, unitCode: DALATE, score: "76.01", grade: "良好" },
    { rank: 2, unitCode: ZHUNGEER, score: "66.70", grade: "合格" },
    { rank: 3, score: "60.02", grade: "合格" },
  ]);
  expect(set.results.slice(2).every((r: { rank: number }) => r.rank === 3)).toBe(true);
  const [event] = await h.dataSource.query(`SELECT data FROM outbox WHERE type = $1`, [
    AssessmentResultsPublished.type,
  ]);
  expect(event.data).toMatchObject({
    schemeId: scheme.schemeId,
    schemeVersion: 1,
    subjectKind: "BANNER",
    year: 2026,
    revision: 1,
    supersedes: null,
  });
  expect(event.data.results[0]).toMatchObject({
    unitId: idOf(DALATE),
    score: "76.01",
    rank: 1,
    grade: "良好",
  });
  expect(AssessmentResultsPublished.schema.safeParse(event.data).success).toBe(true);
});

it("R12: editing a published assessment is refused", async () => {
  const a = assessments.get(idOf(DALATE))!;
  const message = await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(
      MANUAL,
      {
        input: {
          assessmentId: a.id,
          expectedVersion: a.version,
          indicatorCode: "M1",
          score: "10",
          evidence: "x",
        },
      },
      cityAdmin,
    ),
  );
  expect(message).toMatch(/is PUBLISHED and cannot be edited/);
});

it("R12: the city's banner ranking through a query, for a banner admin too", async () => {
  const res = await h.call(RANKING, { owner: idOf(CITY), year: 2026 }, dalateAdmin);
  expect(res.errors).toBeUndefined();
  expect(res.data!.assessmentRanking.results).toHaveLength(countyUnits().length);
  expect(res.data!.assessmentRanking.results[0]).toMatchObject({
    rank: 1,
    unitName: "达拉特旗",
    score: "76.01",
  });
});

it("R12: a correction is a new revision with a reason; publishing again supersedes the earlier result set", async () => {
  const first = (await h.call(RANKING, { owner: idOf(CITY), year: 2026 }, cityAdmin)).data!.assessmentRanking;
  const old = assessments.get(idOf(ZHUNGEER))!;
  // publishing moved it to PUBLISHED (its version with it)
  const published = (await h.call(ASSESSMENT, { id: old.id }, cityAdmin)).data!.assessment;
  assessments.set(idOf(ZHUNGEER), { id: old.id, version: published.version });
  const corrected = await step(CORRECT, ZHUNGEER, { reason: "复核发现台账缺失" });
  expect(corrected).toMatchObject({
    revision: 2,
    status: "SCORED",
    correctionReason: "复核发现台账缺失",
    total: "66.70",
  });
  expect((await h.call(ASSESSMENT, { id: old.id }, cityAdmin)).data!.assessment).toMatchObject({
    superseded: true,
    status: "PUBLISHED",
  });
  await step(MANUAL, ZHUNGEER, { indicatorCode: "M1", score: "5", evidence: "复核记录" });
  await step(REVIEW, ZHUNGEER);
  await h.expectRefused("BAD_USER_INPUT", () =>
    h.call(PUBLISH, { input: { schemeVersionId: scheme.id } }, cityAdmin),
  );
  const res = await h.call(
    PUBLISH,
    { input: { schemeVersionId: scheme.id, reason: "准格尔旗台账复核" } },
    cityAdmin,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data!.publishAssessmentResults).toMatchObject({
    revision: 2,
    supersedesId: first.id,
    reason: "准格尔旗台账复核",
  });
  const zhungeer = res.data!.publishAssessmentResults.results.find(
    (r: { unitCode: string }) => r.unitCode === ZHUNGEER,
  );
  expect(zhungeer).toMatchObject({ score: "50.00", rank: 9, grade: "不合格" });
  const events = await h.dataSource.query(`SELECT data FROM outbox WHERE type = $1 ORDER BY seq`, [
    AssessmentResultsPublished.type,
  ]);
  expect(
    events.map((e: { data: { revision: number; supersedes: string | null } }) => [
      e.data.revision,
      e.data.supersedes,
    ]),
  ).toEqual([
    [1, null],
    [2, first.id],
  ]);
});

it("R12: an AUTO indicator's metric follows its source live (the frozen score does not)", async () => {
  const METRICS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on OrgUnit { assessmentMetrics(year: 2026) { metric value figures { met notMet } } } } }`;
  const live = await h.call(METRICS, { reps: [{ __typename: "OrgUnit", id: idOf(DALATE) }] }, dalateAdmin);
  const staffing = live.data!._entities[0].assessmentMetrics.find(
    (m: { metric: string }) => m.metric === "staffing-compliance",
  );
  expect(staffing).toEqual({
    metric: "staffing-compliance",
    value: "100.00",
    figures: { met: 2, notMet: 0 },
  });
  const frozen = (await h.call(ASSESSMENT, { id: assessments.get(idOf(DALATE))!.id }, dalateAdmin)).data!
    .assessment;
  expect(frozen.scores.find((s: { indicatorCode: string }) => s.indicatorCode === "A1").metricValue).toBe(
    "50.00",
  );
});

it("R12: a scheme in use is not edited: a revision is its next version; a stale one is CONFLICT", async () => {
  const input = {
    ...citySchemeInput(idOf(CITY)),
    ownerUnitId: undefined,
    schemeId: scheme.schemeId,
    expectedVersion: 1,
    name: "2026年度考核（修订）",
  };
  delete input.ownerUnitId;
  const res = await h.call(REVISE_SCHEME, { input }, cityAdmin);
  expect(res.errors).toBeUndefined();
  expect(res.data!.reviseAssessmentScheme).toMatchObject({
    schemeId: scheme.schemeId,
    version: 2,
    name: "2026年度考核（修订）",
  });
  await h.expectRefused("CONFLICT", () => h.call(REVISE_SCHEME, { input }, cityAdmin));
  const v1 = await h.dataSource.query(`SELECT name FROM assessment_scheme WHERE id = $1`, [scheme.id]);
  expect(v1).toEqual([{ name: "2026年度旗区统计基层基础工作考核" }]);
});
