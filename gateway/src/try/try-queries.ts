import { orgUnitIdForCode } from "@grassroots/kit";

// One query per requirement area, printed by suite-up.sh for a newcomer to paste (with the token of
// the role named). Checked against the composed supergraph and its cost limit by a test, so they
// cannot drift from the schema. The year and month go in variables, so each document's text (and its
// hash on the trusted-documents list) stays the same from one month to the next.

const CITY = "150600000000"; // 鄂尔多斯市
const DALATE = "150621000000"; // 达拉特旗
const SHULINZHAO = "150621100000"; // 树林召镇

export interface TryQuery {
  area: string;
  role: "CITY_ADMIN" | "BANNER_ADMIN";
  /** A named operation; its text is on the trusted-documents list. */
  query: string;
  variables?: Record<string, string | number>;
}

export function tryQueries(today = new Date()): TryQuery[] {
  const year = today.getUTCFullYear();
  const month = `${year}-${String(today.getUTCMonth() + 1).padStart(2, "0")}`;
  const city = orgUnitIdForCode(CITY);
  const dalate = orgUnitIdForCode(DALATE);
  return [
    {
      area: "R1 statistics posts per banner",
      role: "CITY_ADMIN",
      query: `query TryPostCoverage { postCoverage { banner { name } established total rate } }`,
    },
    {
      area: "R2 八有八化 standardization per banner",
      role: "CITY_ADMIN",
      variables: { year },
      query: `query TryStandardization($year: Int!) { standardizationSummary(year: $year) { banner { name } townships assessed standardized recognized completionRate itemShare } }`,
    },
    {
      area: "R3/R4 staffing gaps of a banner's units",
      role: "BANNER_ADMIN",
      query: `query TryStaffingGaps { staffingGaps(bannerId: "${dalate}") { unitsEvaluated compliantUnits units { unitName registerCount staffing { compliant gaps { code required actual reason } } } } }`,
    },
    {
      area: "R5 staff changes filed late",
      role: "BANNER_ADMIN",
      query: `query TryOverdueFilings { overdueFilings(bannerId: "${dalate}", first: 10) { edges { node { change status submittedOn dueOn orgUnit { name } } } } }`,
    },
    {
      area: "R6 the city's yearly training and each banner's coverage",
      role: "CITY_ADMIN",
      variables: { year },
      query: `query TryTrainingCoverage($year: Int!) { trainingCoverage(year: $year) { cityObligationMet banners { banner { name } staff attended rate ownSessionsCompleted } } }`,
    },
    {
      area: "R7 a township's statisticians, pending pre-post training included",
      role: "BANNER_ADMIN",
      query: `query TryTownshipStatisticians { orgUnitByCode(code: "${SHULINZHAO}") { name statisticians(includePending: true, first: 10) { edges { node { name } assignment { role status } } } } }`,
    },
    {
      area: "R8 budget execution of the city and every banner",
      role: "CITY_ADMIN",
      variables: { year },
      query: `query TryBudgetExecution($year: Int!) { budgetExecution(year: $year) { unitId status budgeted dueToDate paid paidOnTime executionRate reason } }`,
    },
    {
      area: "R9 the 以奖代补 programme and its round of the last year, approved by a second person",
      role: "CITY_ADMIN",
      query: `query TryAwardProgrammes { awardProgrammes { name firstYear lastYear annualAmount isSample rounds { fiscalYear status computedBy approvedBy remainder allocations { unitName grade amount paid } } } }`,
    },
    {
      area: "R9 the round's audit: allocated in full, paid in full (one banner still to be paid), on schedule",
      role: "CITY_ADMIN",
      query: `query TryAwardAudit { awardProgrammes { rounds { fiscalYear audit { checks { name passed detail } } } } }`,
    },
    {
      area: "R10 village statisticians' subsidy claims this month, most paid in a batch",
      role: "BANNER_ADMIN",
      variables: { period: month },
      query: `query TrySubsidyClaims($period: String!) { subsidyClaims(bannerUnitId: "${dalate}", period: $period) { period status computed approved approvedByName batchId } }`,
    },
    {
      area: "R11 leadership meetings and their problems this year",
      role: "BANNER_ADMIN",
      variables: { year },
      query: `query TryMeetingSummary($year: Int!) { meetingSummary(holderUnitId: "${dalate}", year: $year) { meetingsStudied problemsRaised resolved overdue } }`,
    },
    {
      area: "R12 the city's ranking of the banners last year",
      role: "CITY_ADMIN",
      variables: { year: year - 1 },
      query: `query TryAssessmentRanking($year: Int!) { assessmentRanking(ownerUnitId: "${city}", year: $year) { scheme { name version } revision results { rank unitName score grade } } }`,
    },
    {
      area: "R13 a banner's compliance picture, worst first",
      role: "BANNER_ADMIN",
      variables: { year },
      query: `query TryComplianceScorecard($year: Int!) { complianceScorecard(unitId: "${dalate}", year: $year) { unit { unitName score } units { unitName score openFindings overdueFindings rules { rule status reason } } } }`,
    },
  ];
}
