import type {
  EventContract,
  EventData,
  RuleStatusData,
  RuleStatusLedger,
} from "@grassroots/events/contracts";
import type { IdempotencyStore } from "@grassroots/kit/idempotency";
import type { Clock } from "@grassroots/kit/validation";
import type { OrgUnitProjectionWriter } from "@grassroots/org-projection";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { RuleWeights } from "../rules/r13-scorecard";
import type { StatusCounts } from "../rules/r12-metrics";
import type {
  Assessment,
  AssessmentAdjustment,
  AssessmentPatch,
  AssessmentResult,
  IndicatorScore,
  NewAssessment,
  ResultSet,
} from "./assessment";
import type { MeetingYearCounts } from "../rules/r11-meeting-problems";
import type { NewMeeting, NewProblem, Problem, ProblemPatch, WorkMeeting } from "./meeting";
import type { RuleStatusApplied } from "./rule-status";
import type {
  Finding,
  FindingPatch,
  Inspection,
  NewFinding,
  NewInspection,
  NewRectification,
  Rectification,
} from "./supervision";
import type {
  Commendation,
  CommendationKind,
  CommendationPatch,
  CommendationQuota,
  NewCommendation,
} from "./commendation";
import type { AssessmentScheme } from "./scheme";

/**
 * What the domain needs from storage. Implemented in src/db with TypeORM; the domain never sees it.
 */

/** The org projection: commands read a unit; organization's events write it (newer versions only). */
export interface OrgUnitStore extends OrgUnitProjectionWriter {
  get(id: string): Promise<OrgUnitProjection | undefined>;
  many(ids: readonly string[]): Promise<OrgUnitProjection[]>;
  /** The active units of these kinds below a unit (not itself), by code: a scheme's subjects. */
  below(path: string, kinds: readonly string[]): Promise<OrgUnitProjection[]>;
}

/** A unit's current published assessment of a year (not superseded), with its total: a unit nomination's basis. */
export interface PublishedAssessmentRef {
  assessmentId: string;
  subjectUnitId: string;
  year: number;
}

/** The projection of every rule status event (rule, subject, period → the latest result by asOf). */
export interface RuleStatusStore {
  /** Keeps the newer result, and every result received in the history (for metrics at a cut-off). */
  apply(data: RuleStatusData): Promise<RuleStatusApplied>;
  /** `apply` for a consumer batch's events, in their order: the same rows, a few statements a round. */
  applyAll(events: readonly RuleStatusData[]): Promise<void>;
  /**
   * R12 metrics: per subject, the status counts per rule of its subtree's results as they stood at the
   * end of the cut-off date (standing rules and the year's). One statement for any number of subjects.
   */
  countsAt(
    subjects: readonly { id: string; path: string }[],
    year: number,
    cutOffDate: string,
  ): Promise<Map<string, Map<string, StatusCounts>>>;
}

export interface SchemeStore {
  get(id: string): Promise<AssessmentScheme | undefined>;
  /** The latest version of a scheme, locked (a revision and an opening serialise on it). */
  lockLatest(schemeId: string): Promise<AssessmentScheme | undefined>;
  insert(scheme: Omit<AssessmentScheme, "createdAt">): Promise<AssessmentScheme>;
  /** Whether any assessment was opened under this version (then it is in use). */
  inUse(schemeVersionId: string): Promise<boolean>;
}

export interface AssessmentStore {
  lock(id: string): Promise<Assessment | undefined>;
  insert(assessment: NewAssessment): Promise<Assessment>;
  update(id: string, patch: AssessmentPatch): Promise<Assessment>;
  /** The current (not superseded) latest revisions of a scheme version, locked. */
  lockCurrent(schemeVersionId: string): Promise<Assessment[]>;
  scores(assessmentIds: readonly string[]): Promise<IndicatorScore[]>;
  /** Writes (or replaces) an indicator's score. */
  putScore(score: Omit<IndicatorScore, "scoredAt">): Promise<void>;
  adjustments(assessmentIds: readonly string[]): Promise<AssessmentAdjustment[]>;
  insertAdjustment(adjustment: Omit<AssessmentAdjustment, "recordedAt">): Promise<void>;
  latestResultSet(schemeVersionId: string): Promise<ResultSet | undefined>;
  /** The unit's published, not superseded assessment of a year under any scheme, if any. */
  publishedOf(subjectUnitId: string, year: number): Promise<PublishedAssessmentRef | undefined>;
  insertResultSet(set: ResultSet, results: readonly AssessmentResult[]): Promise<void>;
}

export interface MeetingStore {
  insert(meeting: NewMeeting): Promise<WorkMeeting>;
  get(id: string): Promise<WorkMeeting | undefined>;
  insertProblem(problem: NewProblem): Promise<Problem>;
  lockProblem(id: string): Promise<Problem | undefined>;
  updateProblem(id: string, patch: ProblemPatch): Promise<Problem>;
  /** R11's counts of a holder's year on the business date. */
  yearCounts(holderUnitId: string, year: number, today: string): Promise<MeetingYearCounts>;
  /** Open problems past their due date not yet flagged, locked (the periodic check flags them). */
  lockNewlyOverdue(today: string, limit: number): Promise<Problem[]>;
}

export interface SupervisionStore {
  insertInspection(inspection: NewInspection): Promise<Inspection>;
  getInspection(id: string): Promise<Inspection | undefined>;
  insertFinding(finding: NewFinding): Promise<Finding>;
  lockFinding(id: string): Promise<Finding | undefined>;
  updateFinding(id: string, patch: FindingPatch): Promise<Finding>;
  /** The rectification awaiting a decision, if any. */
  pendingRectification(findingId: string): Promise<Rectification | undefined>;
  insertRectification(rectification: NewRectification): Promise<Rectification>;
  decideRectification(
    id: string,
    decision: Pick<Rectification, "decision" | "rejectionReason" | "decidedBy" | "decidedByName">,
  ): Promise<Rectification>;
  /** Open findings past their deadline not yet flagged, or past the escalation day not yet escalated, locked. */
  lockDueForFlags(today: string, escalateOnOrBefore: string, limit: number): Promise<Finding[]>;
  /** R13's counts for a responsible unit on the business date. */
  unitCounts(
    unitId: string,
    today: string,
  ): Promise<{ open: number; overdue: number; escalated: number; accepted: number }>;
}

/** A post a person holds (personnel's assignment), as the projection keeps it. */
export interface PostRef {
  assignmentId: string;
  statisticianId: string;
  orgUnitId: string;
  orgUnitPath: string;
  status: "PENDING_TRAINING" | "ACTIVE" | "ENDED";
  startDate: string;
  endDate: string | null;
}

/** The projection of personnel's people and posts: events write it (newer versions only). */
export interface StatisticianStore {
  apply(s: { statisticianId: string; name: string; version: number }): Promise<void>;
  applyAssignment(a: PostRef & { version: number }): Promise<void>;
  /** The person's ACTIVE posts in force on the date. */
  activePosts(statisticianId: string, date: string): Promise<PostRef[]>;
  /** People with an ACTIVE post in force on the date inside a subtree. */
  staffCount(path: string, date: string): Promise<number>;
}

export interface CommendationStore {
  quota(year: number, bannerUnitId: string, kind: CommendationKind): Promise<CommendationQuota | undefined>;
  /** Sets the quota (a number or a share), bumping its version; locks it. */
  putQuota(
    quota: Omit<CommendationQuota, "version">,
    actor: { id: string; name: string },
  ): Promise<CommendationQuota>;
  /** Locks the quota row so nominations of one banner, year and kind serialise. */
  lockQuota(
    year: number,
    bannerUnitId: string,
    kind: CommendationKind,
  ): Promise<CommendationQuota | undefined>;
  /** Nominations not rejected of a banner, year and kind. */
  countNominated(year: number, bannerUnitId: string, kind: CommendationKind): Promise<number>;
  /** A nomination not rejected of this person or unit in the year and kind. */
  existing(year: number, kind: CommendationKind, nomineeKey: string): Promise<Commendation | undefined>;
  insert(c: NewCommendation): Promise<Commendation>;
  lock(id: string): Promise<Commendation | undefined>;
  update(id: string, patch: CommendationPatch): Promise<Commendation>;
  /** APPROVED commendations of a year in the subtree, locked. */
  lockApproved(year: number, path: string): Promise<Commendation[]>;
}

export interface Transaction {
  units: OrgUnitStore;
  ruleStatuses: RuleStatusStore;
  schemes: SchemeStore;
  assessments: AssessmentStore;
  meetings: MeetingStore;
  supervision: SupervisionStore;
  statisticians: StatisticianStore;
  commendations: CommendationStore;
  ruleStatus: RuleStatusLedger;
  /** Client request ids of mutations a client may retry (the kit's idempotency_key table). */
  idempotency: IdempotencyStore;
  /** Writes the event to the outbox in this transaction, keyed by the data field the contract names. */
  publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void>;
}

/** Runs work in one database transaction: all its changes and events commit together, or none. */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

import type {
  AssessmentReads,
  CommendationReads,
  MeetingReads,
  ScorecardReads,
  SupervisionReads,
} from "./read-ports";

export type * from "./read-ports";

/** Everything the GraphQL layer and the tools call into, built once in wire.ts (or a test). */
export interface EvaluationServices {
  uow: UnitOfWork;
  scorecards: ScorecardReads;
  assessments: AssessmentReads;
  meetings: MeetingReads;
  supervision: SupervisionReads;
  commendations: CommendationReads;
  clock: Clock;
  weights: RuleWeights;
  /** R13: days past its deadline after which an unrectified finding is escalated. */
  escalateAfterDays: number;
}
