import type { Role } from "@grassroots/kit";

// The one written access policy of the suite (issue 14, "Access matrix"): for every operation a client
// can call through the gateway — every query field, every mutation, and every field one service adds to
// another service's entity (the references the gateway resolves across services) — which role may call
// it, and where. Taken from DESIGN.md ("Identity and access"), REQUIREMENTS.md ("Who uses it") and the
// services' access policies; the access matrix e2e test calls each operation as each role on units of
// the real Ordos tree and compares what comes back with this table.
//
// How to read a row: `CITY_ADMIN: IN_AREA` means a city administrator may do it for targets in their
// own unit and below; a role that is not named may not do it at all (FORBIDDEN, whatever the area).
// A caller without a token is always refused (UNAUTHENTICATED).

/** Where the target lies, seen from the caller's home unit. */
export const AREAS = ["own", "below", "sibling", "above"] as const;
export type Area = (typeof AREAS)[number];

/**
 * What the caller gets:
 * - "allowed": the data, no error;
 * - "FORBIDDEN": the role (or the caller's level) may not, worded by role, revealing nothing;
 * - "NOT_FOUND": worded exactly as for a target that does not exist;
 * - "hidden": no error, but nothing of the target comes back (an empty list, a null, a public view);
 * - "BAD_USER_INPUT": the access checks pass, but the target is of the wrong kind for the command
 *   (a township named where a banner is needed).
 *
 * For a mutation "allowed" means every access check passes: the call goes through, or stops only at
 * its input or its version (the matrix sends stale versions to commands on existing records).
 */
export type Outcome = "allowed" | "FORBIDDEN" | "NOT_FOUND" | "hidden" | "BAD_USER_INPUT";
export type Rule = Readonly<Record<Area, Outcome>>;

const rule = (own: Outcome, below: Outcome, sibling: Outcome, above: Outcome): Rule => ({
  own,
  below,
  sibling,
  above,
});

/** Own unit and everything below it; elsewhere NOT_FOUND. */
export const IN_AREA = rule("allowed", "allowed", "NOT_FOUND", "NOT_FOUND");
/** Own unit and below; elsewhere nothing comes back (scoped lists, references, public views). */
export const IN_AREA_ONLY = rule("allowed", "allowed", "hidden", "hidden");
/** Own unit, below, and the bureaus above (the city's and the banner's sessions or schemes); not a sibling. */
export const IN_AREA_OR_ABOVE = rule("allowed", "allowed", "NOT_FOUND", "allowed");
/** Like IN_AREA_OR_ABOVE, for references and lists: nothing of a sibling comes back. */
export const IN_AREA_OR_ABOVE_ONLY = rule("allowed", "allowed", "hidden", "allowed");
/** Only units strictly below the home unit; the home unit itself FORBIDDEN ("ask the level above"). */
export const BELOW_ONLY = rule("FORBIDDEN", "allowed", "NOT_FOUND", "NOT_FOUND");
/** Only the caller's own bureau (own unit's level); a unit below FORBIDDEN (its own bureau acts). */
export const OWN_BUREAU = rule("allowed", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND");
/** The caller's own bureau; below it FORBIDDEN, above it FORBIDDEN (they see it, another bureau acts). */
export const OWN_BUREAU_SEEN = rule("allowed", "FORBIDDEN", "NOT_FOUND", "FORBIDDEN");
/**
 * A banner's report: the caller's own banner and the banners below them; for a township clerk their
 * banner too, counted over the clerk's own area only; a sibling banner NOT_FOUND.
 */
export const BANNER_REPORT = rule("allowed", "allowed", "NOT_FOUND", "allowed");
/** Like BANNER_REPORT, a sibling banner's answer is empty (no error). */
export const BANNER_REPORT_ONLY = rule("allowed", "allowed", "hidden", "allowed");
/** A command of a banner's own bureau: a township below is the wrong kind of target (BAD_USER_INPUT). */
export const OWN_BANNER = rule("allowed", "BAD_USER_INPUT", "NOT_FOUND", "NOT_FOUND");
/** Everywhere (reference data, or the caller's whole area with no target named). */
export const ANYWHERE = rule("allowed", "allowed", "allowed", "allowed");

export type Service = "organization" | "personnel" | "training" | "finance" | "evaluation";
export type Kind = "query" | "mutation" | "reference";

/** What a call is pointed at: an org unit, or a record of a unit (kept by the matrix's seed). */
export type TargetKind =
  | "unit"
  | "statistician"
  | "assignment"
  | "filing"
  | "session"
  | "budgetLine"
  | "scheme"
  | "problem"
  | "finding"
  /** an R10 subsidy claim, by its banner */
  | "claim"
  /** an enrolment, by its session's organizer */
  | "enrollment"
  /** an assessment, by the owner of its scheme (the subjects chosen outside the callers' areas) */
  | "assessment"
  /** a banner (or the city) by id: the banner reports */
  | "banner"
  /** records the matrix's seed does not make (enrolments, rounds, claims, assessments, …): only a
   * role's refusal, which comes before any look-up, is checked for these */
  | "unseeded"
  | "none";

export interface PolicyRow {
  /** `query.orgUnit`, `mutation.createOrgUnit`, `OrgUnit.budgetExecution` */
  operation: string;
  service: Service;
  kind: Kind;
  /** What it is, in the users' words. */
  about: string;
  /** What the area is measured on. "none": no target (reference data, the caller's whole area). */
  target: TargetKind;
  /** Who may, and where. */
  roles: Partial<Record<Role, Rule>>;
  /** Where the documents and the code disagree (the documents win), or a defect is known. */
  note?: string;
}

export const ROLES: readonly Role[] = [
  "CITY_ADMIN",
  "BANNER_ADMIN",
  "UNIT_CLERK",
  "FINANCE_OFFICER",
  "INSPECTOR",
];

/** Every role, reading in its area (DESIGN: "a user acts only inside the subtree of that unit"). */
const EVERYONE = (r: Rule): Partial<Record<Role, Rule>> => Object.fromEntries(ROLES.map((role) => [role, r]));
const ADMINS_AND_CLERKS = (r: Rule) => ({ CITY_ADMIN: r, BANNER_ADMIN: r, UNIT_CLERK: r });
/** Finance's readers: everyone but township clerks (budgets are the bureaus' and finance's business). */
const BUDGET_READERS = (r: Rule) => ({ CITY_ADMIN: r, BANNER_ADMIN: r, FINANCE_OFFICER: r, INSPECTOR: r });

const q = (
  operation: string,
  service: Service,
  target: TargetKind,
  about: string,
  roles: Partial<Record<Role, Rule>>,
  note?: string,
): PolicyRow => ({ operation: `query.${operation}`, service, kind: "query", target, about, roles, note });
const m = (
  operation: string,
  service: Service,
  target: TargetKind,
  about: string,
  roles: Partial<Record<Role, Rule>>,
  note?: string,
): PolicyRow => ({
  operation: `mutation.${operation}`,
  service,
  kind: "mutation",
  target,
  about,
  roles,
  note,
});
const ref = (
  operation: string,
  service: Service,
  about: string,
  roles: Partial<Record<Role, Rule>>,
): PolicyRow => ({
  operation,
  service,
  kind: "reference",
  target: operation.startsWith("OrgUnit.") ? "unit" : "statistician",
  about,
  roles,
});

export const ACCESS_POLICY: readonly PolicyRow[] = [
  // ── organization (R1, R2): everyone reads their area; admins and clerks change it ──
  q("orgUnit", "organization", "unit", "a unit by id", EVERYONE(IN_AREA)),
  q("orgUnitByCode", "organization", "unit", "a unit by its 12-digit code", EVERYONE(IN_AREA)),
  q("orgUnits", "organization", "unit", "units under a unit", EVERYONE(IN_AREA_ONLY)),
  q("postCoverage", "organization", "banner", "R1 post coverage of a banner", EVERYONE(BANNER_REPORT_ONLY)),
  q(
    "standardizationSummary",
    "organization",
    "banner",
    "R2 progress of a banner",
    EVERYONE(BANNER_REPORT_ONLY),
  ),
  q(
    "standardizationStandards",
    "organization",
    "none",
    "the 八有八化 standards (reference data)",
    EVERYONE(ANYWHERE),
  ),
  m("importDivisions", "organization", "none", "import the division file", {
    CITY_ADMIN: ANYWHERE,
    BANNER_ADMIN: ANYWHERE,
  }),
  m("createOrgUnit", "organization", "unit", "create a unit under this one", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: IN_AREA,
    // a clerk creates villages under their township only; under a village it would not be one
    UNIT_CLERK: rule("allowed", "FORBIDDEN", "NOT_FOUND", "NOT_FOUND"),
  }),
  m("updateOrgUnit", "organization", "unit", "rename a unit, set its statistics post", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: IN_AREA,
    UNIT_CLERK: IN_AREA,
  }),
  m("moveOrgUnit", "organization", "unit", "move a unit", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: BELOW_ONLY,
    UNIT_CLERK: BELOW_ONLY,
  }),
  m("deactivateOrgUnit", "organization", "unit", "deactivate a unit", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: BELOW_ONLY,
    UNIT_CLERK: BELOW_ONLY,
  }),
  m("setRegisterCount", "organization", "unit", "record a unit's register count", ADMINS_AND_CLERKS(IN_AREA)),
  m("recordStandardizationAssessment", "organization", "unit", "R2 assessment of a unit", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: IN_AREA,
  }),
  m("recognizeStandardization", "organization", "unseeded", "R2 recognition (city decision)", {
    CITY_ADMIN: ANYWHERE,
  }),
  m("defineStandardizationStandard", "organization", "none", "define a 八有八化 standard", {
    CITY_ADMIN: ANYWHERE,
  }),
  m("republishOrganizationRuleStatuses", "organization", "none", "republish rule statuses", {
    CITY_ADMIN: ANYWHERE,
  }),

  // ── personnel (R3–R5, R7): everyone reads their area (personal data masked for some) ──
  q("statistician", "personnel", "statistician", "a person by id", EVERYONE(IN_AREA)),
  q("statisticians", "personnel", "unit", "people of a unit", EVERYONE(IN_AREA_ONLY)),
  q("filing", "personnel", "filing", "a filing by id", EVERYONE(IN_AREA)),
  q("filings", "personnel", "unit", "filings of a unit", EVERYONE(IN_AREA_ONLY)),
  q("overdueFilings", "personnel", "banner", "R5 overdue filings of a banner", EVERYONE(BANNER_REPORT_ONLY)),
  q("staffing", "personnel", "unit", "R3/R4 of a unit", EVERYONE(IN_AREA)),
  q("staffingGaps", "personnel", "banner", "R3/R4 gaps of a banner", EVERYONE(BANNER_REPORT)),
  m("registerStatistician", "personnel", "unit", "register a person at a unit", ADMINS_AND_CLERKS(IN_AREA)),
  m(
    "updateStatistician",
    "personnel",
    "statistician",
    "change a person's details",
    ADMINS_AND_CLERKS(IN_AREA),
  ),
  m(
    "appointStatistician",
    "personnel",
    "statistician",
    "appoint a person to a post",
    ADMINS_AND_CLERKS(IN_AREA),
  ),
  m("transferStatistician", "personnel", "assignment", "transfer a person", ADMINS_AND_CLERKS(IN_AREA)),
  m("changeAssignmentRole", "personnel", "assignment", "change a post's role", ADMINS_AND_CLERKS(IN_AREA)),
  m("endAssignment", "personnel", "assignment", "end a post", ADMINS_AND_CLERKS(IN_AREA)),
  m("forwardFiling", "personnel", "filing", "R5: the township forwards a village's filing", {
    // the village's township (a township's own filing has no FORWARD step: its input is refused)
    UNIT_CLERK: IN_AREA,
  }),
  m("fileFiling", "personnel", "filing", "R5: the banner bureau files a filing", {
    BANNER_ADMIN: IN_AREA,
  }),
  m("returnFiling", "personnel", "filing", "R5: the banner bureau returns a filing", {
    BANNER_ADMIN: IN_AREA,
  }),
  m("resubmitFiling", "personnel", "filing", "resubmit a returned filing", ADMINS_AND_CLERKS(IN_AREA)),
  m("republishPersonnelRuleStatuses", "personnel", "none", "republish rule statuses", {
    CITY_ADMIN: ANYWHERE,
  }),
  m("importStatisticianRoster", "personnel", "none", "import a roster", ADMINS_AND_CLERKS(ANYWHERE)),

  // ── training (R6, R7): sessions of the area and of the bureaus above are read; bureaus manage their own ──
  q("trainingSession", "training", "session", "a session by id", EVERYONE(IN_AREA_OR_ABOVE)),
  q("trainingSessions", "training", "unit", "sessions an organizer held", EVERYONE(IN_AREA_OR_ABOVE_ONLY)),
  q("trainingCertificate", "training", "unseeded", "a certificate by number", EVERYONE(IN_AREA)),
  q("trainingCoverage", "training", "banner", "R6 coverage of a banner", EVERYONE(BANNER_REPORT)),
  m("planTrainingSession", "training", "unit", "plan a session organised by this unit", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: OWN_BUREAU,
  }),
  ...(["openTrainingSession", "completeTrainingSession", "cancelTrainingSession"] as const).map((op) =>
    m(op, "training", "session", "a step of a session", {
      CITY_ADMIN: IN_AREA,
      BANNER_ADMIN: OWN_BUREAU_SEEN,
    }),
  ),
  m("enrollInTrainingSession", "training", "session", "enrol a person in a session", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: OWN_BUREAU_SEEN,
  }),
  m("withdrawTrainingEnrollment", "training", "enrollment", "withdraw an enrolment", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: OWN_BUREAU,
  }),
  m("recordTrainingResult", "training", "session", "record a person's result", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: OWN_BUREAU_SEEN,
  }),
  m("recordTrainingResults", "training", "session", "record a session's results", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: OWN_BUREAU_SEEN,
  }),
  m("issuePrePostCertificate", "training", "enrollment", "issue a pre-post certificate", {
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: OWN_BUREAU,
  }),
  m("republishTrainingRuleStatuses", "training", "none", "republish rule statuses", { CITY_ADMIN: ANYWHERE }),

  // ── finance (R8–R10): finance officers keep their own level's money; admins read; clerks record tasks ──
  q("budgetLine", "finance", "budgetLine", "a budget line by id", BUDGET_READERS(IN_AREA)),
  q("budgetLines", "finance", "unit", "budget lines a unit owns", BUDGET_READERS(IN_AREA_ONLY)),
  q(
    "budgetExecution",
    "finance",
    "none",
    "R8 execution table of the caller's area",
    BUDGET_READERS(ANYWHERE),
  ),
  q("awardProgrammes", "finance", "none", "R9 award programmes", BUDGET_READERS(ANYWHERE)),
  q("allocationRound", "finance", "unseeded", "R9 a round by id", BUDGET_READERS(IN_AREA)),
  q("subsidyClaims", "finance", "unit", "R10 a banner's claims (inside or above the banner)", {
    ...BUDGET_READERS(IN_AREA_OR_ABOVE_ONLY),
    UNIT_CLERK: IN_AREA_OR_ABOVE_ONLY,
  }),
  m("createBudgetLine", "finance", "unit", "create a line of the officer's own government", {
    FINANCE_OFFICER: OWN_BUREAU,
  }),
  m("reviseBudgetLine", "finance", "budgetLine", "revise a line", { FINANCE_OFFICER: OWN_BUREAU }),
  m("recordDisbursement", "finance", "budgetLine", "pay an instalment", { FINANCE_OFFICER: OWN_BUREAU }),
  m("reverseDisbursement", "finance", "budgetLine", "reverse a payment", { FINANCE_OFFICER: OWN_BUREAU }),
  m("closeFiscalYear", "finance", "unit", "close the year of the officer's own lines", {
    FINANCE_OFFICER: OWN_BUREAU,
  }),
  m("republishFinanceRuleStatuses", "finance", "none", "republish rule statuses", { CITY_ADMIN: ANYWHERE }),
  // REQUIREMENTS.md gives finance officers "budgets, allocations, payments within their level"; the
  // code leaves R9's programme and rounds (the allocation) to the city bureau and the payments to
  // finance officers. Reported to the lead (access14.defects); the table follows the code until decided.
  m("createAwardProgramme", "finance", "unit", "R9 the city's award programme", { CITY_ADMIN: IN_AREA }),
  m("setAllocationRule", "finance", "unseeded", "R9 a programme's rule", { CITY_ADMIN: IN_AREA }),
  m("openAllocationRound", "finance", "unseeded", "R9 open a round", { CITY_ADMIN: IN_AREA }),
  m("computeAllocationRound", "finance", "unseeded", "R9 compute a round", { CITY_ADMIN: IN_AREA }),
  m("approveAllocationRound", "finance", "unseeded", "R9 approve a round", { CITY_ADMIN: IN_AREA }),
  m("closeAllocationRound", "finance", "unseeded", "R9 close a round", { CITY_ADMIN: IN_AREA }),
  m("recordAwardPayment", "finance", "unseeded", "R9 pay a banner's award", { FINANCE_OFFICER: IN_AREA }),
  m("setSubsidyStandard", "finance", "unit", "R10 a banner's subsidy standard", { BANNER_ADMIN: OWN_BANNER }),
  m("recordSubsidyTask", "finance", "statistician", "R10 a village statistician's task", {
    UNIT_CLERK: IN_AREA,
  }),
  m("generateSubsidyClaims", "finance", "unit", "R10 a banner's claims of a period", {
    BANNER_ADMIN: OWN_BANNER,
  }),
  m("submitSubsidyClaim", "finance", "claim", "R10 submit a claim", {
    UNIT_CLERK: IN_AREA_OR_ABOVE,
    BANNER_ADMIN: IN_AREA_OR_ABOVE,
  }),
  m("approveSubsidyClaim", "finance", "claim", "R10 approve a claim", { BANNER_ADMIN: OWN_BUREAU }),
  m("returnSubsidyClaim", "finance", "claim", "R10 return a claim", { BANNER_ADMIN: OWN_BUREAU }),
  m("paySubsidyClaims", "finance", "claim", "R10 pay a banner's claims", { FINANCE_OFFICER: OWN_BUREAU }),

  // ── evaluation (R11–R13): everyone reads their area; bureaus run their own schemes and meetings ──
  q("complianceScorecard", "evaluation", "unit", "R13 a unit's compliance picture", EVERYONE(IN_AREA)),
  q("assessmentScheme", "evaluation", "scheme", "a scheme by id", EVERYONE(IN_AREA_OR_ABOVE)),
  q("assessmentSchemes", "evaluation", "unit", "an owner's schemes", EVERYONE(IN_AREA_OR_ABOVE_ONLY)),
  q("assessmentMetrics", "evaluation", "none", "the metric catalogue (reference data)", EVERYONE(ANYWHERE)),
  q("assessment", "evaluation", "assessment", "an assessment by id", EVERYONE(IN_AREA)),
  q(
    "assessmentRanking",
    "evaluation",
    "unit",
    "an owner's published ranking",
    EVERYONE(IN_AREA_OR_ABOVE_ONLY),
  ),
  q("meetingSummary", "evaluation", "unit", "R11 a holder's meetings of a year", EVERYONE(IN_AREA)),
  q("findings", "evaluation", "unit", "R13 findings of a unit's subtree", EVERYONE(IN_AREA)),
  m("defineAssessmentScheme", "evaluation", "unit", "define a scheme owned by this unit", {
    CITY_ADMIN: OWN_BUREAU_SEEN,
    BANNER_ADMIN: OWN_BUREAU_SEEN,
  }),
  m("reviseAssessmentScheme", "evaluation", "scheme", "revise a scheme", {
    CITY_ADMIN: OWN_BUREAU_SEEN,
    BANNER_ADMIN: OWN_BUREAU_SEEN,
  }),
  ...(
    [
      "openAssessments",
      "publishAssessmentResults",
      "scoreAssessment",
      "recordManualScore",
      "recordAssessmentAdjustment",
      "reviewAssessment",
      "correctAssessment",
    ] as const
  ).map((op) =>
    m(
      op,
      "evaluation",
      ["openAssessments", "publishAssessmentResults"].includes(op) ? "scheme" : "assessment",
      "a step of the scheme's bureau",
      {
        CITY_ADMIN: OWN_BUREAU_SEEN,
        BANNER_ADMIN: OWN_BUREAU_SEEN,
      },
    ),
  ),
  m("recordWorkMeeting", "evaluation", "unit", "R11 record the holder's meeting", {
    CITY_ADMIN: OWN_BUREAU_SEEN,
    BANNER_ADMIN: OWN_BUREAU_SEEN,
  }),
  m("changeProblemStatus", "evaluation", "problem", "R11 resolve a meeting's problem", {
    CITY_ADMIN: OWN_BUREAU,
    BANNER_ADMIN: OWN_BUREAU,
  }),
  m("carryOverProblem", "evaluation", "problem", "R11 carry a problem to a later meeting", {
    CITY_ADMIN: OWN_BUREAU,
    BANNER_ADMIN: OWN_BUREAU,
  }),
  m("recordInspection", "evaluation", "unit", "R13 record an inspection of a unit", {
    INSPECTOR: IN_AREA,
    CITY_ADMIN: IN_AREA,
    BANNER_ADMIN: IN_AREA,
  }),
  m("submitRectification", "evaluation", "finding", "R13 the responsible unit's rectification", {
    UNIT_CLERK: IN_AREA,
  }),
  m("decideRectification", "evaluation", "finding", "R13 the inspector accepts or rejects", {
    INSPECTOR: IN_AREA,
  }),
  m("republishEvaluationRuleStatuses", "evaluation", "none", "republish rule statuses", {
    CITY_ADMIN: ANYWHERE,
  }),
  m("setCommendationQuota", "evaluation", "unit", "R12 a banner's commendation quota", {
    CITY_ADMIN: IN_AREA,
  }),
  m("nominateForCommendation", "evaluation", "unit", "R12 the banner nominates", {
    BANNER_ADMIN: OWN_BUREAU_SEEN,
  }),
  m("decideCommendation", "evaluation", "unseeded", "R12 the city approves a nomination", {
    CITY_ADMIN: IN_AREA,
  }),
  m("publishCommendations", "evaluation", "none", "R12 the city publishes commendations", {
    CITY_ADMIN: ANYWHERE,
  }),

  // ── references: fields a service adds to another service's OrgUnit and Statistician ──
  // Reached from a unit or person the caller may see; outside the area the reference is a public view.
  ref("OrgUnit.scorecard", "evaluation", "R13 the unit's scorecard", EVERYONE(IN_AREA_ONLY)),
  ref("OrgUnit.assessments", "evaluation", "R12 the unit's assessments", EVERYONE(IN_AREA_ONLY)),
  ref("OrgUnit.assessmentMetrics", "evaluation", "R12 the unit's metric values", EVERYONE(IN_AREA_ONLY)),
  // evaluation: "a meeting is visible in its holder's area and below it (a township reads its banner's
  // meetings)", as sessions and schemes of the bureaus above are
  ref("OrgUnit.meetings", "evaluation", "R11 meetings the unit held", EVERYONE(IN_AREA_OR_ABOVE_ONLY)),
  ref("OrgUnit.inspections", "evaluation", "R13 inspections of the unit", EVERYONE(IN_AREA_ONLY)),
  ref("OrgUnit.commendations", "evaluation", "R12 the unit's commendations", EVERYONE(IN_AREA_ONLY)),
  ref("OrgUnit.budgetExecution", "finance", "R8 the unit's budget execution", BUDGET_READERS(IN_AREA_ONLY)),
  ref("OrgUnit.awardAllocations", "finance", "R9 the unit's awards", BUDGET_READERS(IN_AREA_ONLY)),
  ref("OrgUnit.subsidyStandard", "finance", "R10 the banner's standard", {
    ...BUDGET_READERS(IN_AREA_ONLY),
    UNIT_CLERK: IN_AREA_ONLY,
  }),
  ref("OrgUnit.statisticians", "personnel", "the unit's people", EVERYONE(IN_AREA_ONLY)),
  ref("OrgUnit.staffing", "personnel", "R3/R4 of the unit", EVERYONE(IN_AREA_ONLY)),
  ref("OrgUnit.trainingSessions", "training", "sessions the unit organised", EVERYONE(IN_AREA_OR_ABOVE_ONLY)),
  ref("OrgUnit.trainingCoverage", "training", "R6 of the unit", EVERYONE(IN_AREA_ONLY)),
  ref("Statistician.commendations", "evaluation", "R12 the person's commendations", EVERYONE(IN_AREA_ONLY)),
  ref("Statistician.subsidyTasks", "finance", "R10 the person's tasks", {
    ...BUDGET_READERS(IN_AREA_ONLY),
    UNIT_CLERK: IN_AREA_ONLY,
  }),
  ref("Statistician.subsidyClaims", "finance", "R10 the person's claims", {
    ...BUDGET_READERS(IN_AREA_ONLY),
    UNIT_CLERK: IN_AREA_ONLY,
  }),
  ref("Statistician.subsidyPayments", "finance", "R10 the person's payments", {
    ...BUDGET_READERS(IN_AREA_ONLY),
    UNIT_CLERK: IN_AREA_ONLY,
  }),
  ref("Statistician.trainingRecords", "training", "the person's enrolments", EVERYONE(IN_AREA_ONLY)),
  ref(
    "Statistician.prePostTraining",
    "training",
    "R7 the person's pre-post training",
    EVERYONE(IN_AREA_ONLY),
  ),
];

/** The row of an operation (`query.x`, `mutation.x`, `Type.field`). */
export const policyOf = (operation: string): PolicyRow | undefined =>
  ACCESS_POLICY.find((r) => r.operation === operation);

/** The expected outcome for a role in an area: a role the row does not name is FORBIDDEN everywhere. */
export const expectedOutcome = (row: PolicyRow, role: Role, area: Area): Outcome =>
  row.roles[role]?.[area] ?? "FORBIDDEN";
