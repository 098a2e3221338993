/** GraphQL operations of the R12 tests. */

const SCHEME_FIELDS = `id schemeId version name year subjectKinds cutOffDate isSample owner { id }
  indicators { code weight kind maxScore metric scoring { function lower upper bands { from to percent } perOccurrence floor } }
  adjustments { code kind cap } grades { grade minScore }`;

export const DEFINE_SCHEME = `mutation ($input: DefineAssessmentSchemeInput!) { defineAssessmentScheme(input: $input) { ${SCHEME_FIELDS} } }`;
export const REVISE_SCHEME = `mutation ($input: ReviseAssessmentSchemeInput!) { reviseAssessmentScheme(input: $input) { ${SCHEME_FIELDS} } }`;
export const OPEN = `mutation ($id: ID!) { openAssessments(schemeVersionId: $id) { id status version subject { id } } }`;

const ASSESSMENT_FIELDS = `id status version revision superseded supersedesId correctionReason total subject { id }
  scores { indicatorCode kind points score metricValue figures { met notMet unknown notApplicable } evidence comment }
  adjustments { itemCode points reason }`;

export const SCORE = `mutation ($input: AssessmentStepInput!) { scoreAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const MANUAL = `mutation ($input: ManualScoreInput!) { recordManualScore(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const ADJUST = `mutation ($input: AssessmentAdjustmentInput!) { recordAssessmentAdjustment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const REVIEW = `mutation ($input: AssessmentStepInput!) { reviewAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;
export const CORRECT = `mutation ($input: CorrectAssessmentInput!) { correctAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`;

const RANKING_FIELDS = `id revision supersedesId reason scheme { id name version }
  results { rank unitCode unitName score grade assessmentId unit { id } }`;
export const PUBLISH = `mutation ($input: PublishAssessmentResultsInput!) { publishAssessmentResults(input: $input) { ${RANKING_FIELDS} } }`;
export const RANKING = `query ($owner: ID!, $year: Int!) { assessmentRanking(ownerUnitId: $owner, year: $year) { ${RANKING_FIELDS} } }`;
export const ASSESSMENT = `query ($id: ID!) { assessment(id: $id) { ${ASSESSMENT_FIELDS} scheme { id } } }`;

/** The city's scheme for banners and districts: 33.3 + 33.3 + 33.4. */
/** Loosely typed: tests change indicators into the bad inputs they send. */
export interface SchemeInputFixture {
  indicators: Record<string, unknown>[];
  [field: string]: unknown;
}

export const citySchemeInput = (
  ownerUnitId: string,
  over: Record<string, unknown> = {},
): SchemeInputFixture => ({
  ownerUnitId,
  name: "2026年度旗区统计基层基础工作考核",
  year: 2026,
  subjectKinds: ["BANNER", "DISTRICT"],
  cutOffDate: "2026-06-15",
  indicators: [
    {
      code: "A1",
      name: "统计人员配备达标率",
      weight: "33.3",
      kind: "AUTO",
      metric: "staffing-compliance",
      scoring: { function: "LINEAR", lower: "0", upper: "100" },
    },
    {
      code: "A2",
      name: "超期未培训岗位",
      weight: "33.3",
      kind: "AUTO",
      metric: "posts-pending-training",
      scoring: { function: "DEDUCTION", perOccurrence: "5", floor: "10" },
    },
    {
      code: "M1",
      name: "统计基础台账",
      weight: "33.4",
      kind: "MANUAL",
      maxScore: "10",
      guide: "台账齐全得满分",
      evidenceRequired: true,
    },
  ],
  adjustments: [
    { code: "B1", name: "创新工作加分", kind: "BONUS", cap: "2" },
    { code: "D1", name: "统计违法扣分", kind: "DEDUCTION", cap: "3" },
  ],
  grades: [
    { grade: "优秀", minScore: "90" },
    { grade: "良好", minScore: "75" },
    { grade: "合格", minScore: "60" },
    { grade: "不合格", minScore: "0" },
  ],
  ...over,
});
