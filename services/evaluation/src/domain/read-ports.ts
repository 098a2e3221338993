import type { Page } from "@grassroots/kit/validation";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { StatusCounts } from "../rules/r12-metrics";
import type { MeetingYearCounts } from "../rules/r11-meeting-problems";
import type {
  Assessment,
  AssessmentAdjustment,
  AssessmentResult,
  IndicatorScore,
  ResultSet,
} from "./assessment";
import type { Commendation } from "./commendation";
import type { Problem, WorkMeeting } from "./meeting";
import type { RuleStatusRow } from "./rule-status";
import type { AssessmentScheme } from "./scheme";
import type { FindingCounts } from "./scorecard";
import type { Finding, Inspection, Rectification } from "./supervision";

/** What the GraphQL layer and the tools read (outside a command's transaction). */

/** The caller's scope: the path prefix of their home unit's subtree (`readScope(ctx)`). */
export type Scope = string;

/** Units and their rule statuses, each read ONE statement whatever the number of units. */
export interface ScorecardReads {
  /** Units by id that lie in the scope (the others are absent). */
  units(ids: readonly string[], scope: Scope): Promise<OrgUnitProjection[]>;
  /** The active units of a subtree (the root included) that lie in the scope. */
  subtree(rootPath: string, scope: Scope): Promise<OrgUnitProjection[]>;
  /** The rule statuses of these units for a year (standing rules and that year's). */
  statuses(unitIds: readonly string[], year: number): Promise<RuleStatusRow[]>;
  /** Open and overdue findings per unit on the business date (units without any are absent). */
  findings(unitIds: readonly string[], today: string): Promise<Map<string, FindingCounts>>;
}

/** R12 reads, each ONE statement for any number of keys; lists and lookups take the caller's scope. */
export interface AssessmentReads {
  /** Scheme versions the caller may see: owned in their area or above them. */
  schemes(ids: readonly string[], scope: Scope): Promise<AssessmentScheme[]>;
  /** An owner's scheme versions (of a year), newest year first, latest version first. */
  schemesOf(ownerUnitId: string, year: number | undefined, scope: Scope): Promise<AssessmentScheme[]>;
  /** Assessments the caller may see: all of an owner in their area, and those of subjects in their area. */
  assessments(ids: readonly string[], scope: Scope): Promise<Assessment[]>;
  ofSubjects(unitIds: readonly string[], scope: Scope): Promise<Assessment[]>;
  ofSchemes(schemeVersionIds: readonly string[], scope: Scope): Promise<Assessment[]>;
  scores(assessmentIds: readonly string[]): Promise<IndicatorScore[]>;
  adjustments(assessmentIds: readonly string[]): Promise<AssessmentAdjustment[]>;
  /** The latest result set published by an owner's schemes of a year (the ranking). */
  latestResultSet(ownerUnitId: string, year: number, scope: Scope): Promise<ResultSet | undefined>;
  results(resultSetIds: readonly string[]): Promise<AssessmentResult[]>;
  /** R12 metrics' status counts per subject (as RuleStatusStore.countsAt, outside a transaction). */
  metricCounts(
    subjects: readonly { id: string; path: string }[],
    year: number,
    cutOffDate: string,
  ): Promise<Map<string, Map<string, StatusCounts>>>;
  /** Public identity of units, whatever the caller's area (a ranking names every subject). */
  unitNames(ids: readonly string[]): Promise<OrgUnitProjection[]>;
}

/** R11 reads (meetings visible in the holder's area and below it), one statement per batch. */
export interface MeetingReads {
  ofHolders(holderIds: readonly string[], year: number | undefined, scope: Scope): Promise<WorkMeeting[]>;
  /** The meetings' problems the caller may see (all of them in the holder's area; below it, their own). */
  problemsOf(meetingIds: readonly string[], scope: Scope): Promise<Problem[]>;
  yearCounts(holderUnitId: string, year: number, today: string): Promise<MeetingYearCounts>;
}

/** R13 reads (an inspection visible in the inspected unit's area and to its findings' units), one statement per batch. */
export interface SupervisionReads {
  inspections(ids: readonly string[], scope: Scope): Promise<Inspection[]>;
  ofUnits(unitIds: readonly string[], scope: Scope): Promise<Inspection[]>;
  findingsOf(inspectionIds: readonly string[]): Promise<Finding[]>;
  rectificationsOf(findingIds: readonly string[]): Promise<Rectification[]>;
  /** One page of the findings whose responsible unit lies in a subtree and the scope, soonest deadline first (keyset). */
  findingsPage(
    rootPath: string,
    scope: Scope,
    openOnly: boolean,
    page: { first: number; after?: { deadline: string; id: string } },
  ): Promise<Page<Finding>>;
}

/** Commendations of units (as nominees) or people; published ones are public. */
export interface CommendationReads {
  ofUnits(unitIds: readonly string[], scope: Scope): Promise<Commendation[]>;
  ofStatisticians(ids: readonly string[], scope: Scope): Promise<Commendation[]>;
}

/** What the seed reads: the projected units and what it made before (to skip it). */
export interface SeedReads {
  projectedUnits(): Promise<number>;
  /** Active units, by code. */
  activeUnits(): Promise<OrgUnitProjection[]>;
  /** The owner's sample scheme of the year (its latest version). */
  sampleScheme(ownerUnitId: string, year: number): Promise<AssessmentScheme | undefined>;
  meetingExists(holderUnitId: string, minutesRef: string): Promise<boolean>;
  /** Whether the unit had an inspection by this inspector in the year. */
  inspectionExists(inspectedUnitId: string, inspector: string, year: number): Promise<boolean>;
  resultPublished(schemeVersionId: string): Promise<boolean>;
}
