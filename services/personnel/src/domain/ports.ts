import type { EventContract, EventData, RuleStatusLedger } from "@grassroots/events/contracts";
import type { IdempotencyStore } from "@grassroots/kit/idempotency";
import type { OrgUnitProjectionWriter } from "@grassroots/org-projection";
import type { Clock, Page } from "@grassroots/kit/validation";
import type { StaffCounts, StaffingThresholds } from "../rules/staffing-requirement";
import type { AssignmentPatch, AssignmentStatus, NewAssignment, PostAssignment } from "./assignment";
import type { Filing, FilingPatch, FilingStatus, FilingStep, NewFiling } from "./filing";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { NewStatistician, PrePostCertificate, Statistician, StatisticianPatch } from "./statistician";
import type { RequirementResult } from "../rules/staffing-requirement";
import type { RuleSubjectStore } from "./rule-status/ports";
import type { RosterImportReport } from "./import/roster-plan";

/**
 * What the domain needs from storage, implemented in src/db. "Scope" is the path prefix of the
 * caller's subtree: reads only ever return rows whose unit lies under it.
 */
export type Scope = string;

/**
 * The local projection of organization's units (@grassroots/org-projection: written only by
 * organization's events through `apply`, newer versions only), with the reads commands need.
 */
export interface ProjectedUnitStore extends OrgUnitProjectionWriter {
  get(id: string): Promise<OrgUnitProjection | undefined>;
  getMany(ids: readonly string[]): Promise<OrgUnitProjection[]>;
  /** The units of these division codes, in ONE statement (the roster import). */
  byCodes(codes: readonly string[]): Promise<OrgUnitProjection[]>;
}

export interface StatisticianStore {
  get(id: string): Promise<Statistician | undefined>;
  lock(id: string): Promise<Statistician | undefined>;
  idNumberHolder(idNumber: string): Promise<Statistician | undefined>;
  /** The people holding these ID numbers, each with whether `scope` sees them, in ONE statement. */
  byIdNumbers(
    idNumbers: readonly string[],
    scope: Scope,
  ): Promise<{ statistician: Statistician; visible: boolean }[]>;
  insert(statistician: NewStatistician): Promise<Statistician>;
  update(id: string, patch: StatisticianPatch): Promise<Statistician>;
  /** Is the person visible from `scope` (registered there, or holding or having held a post there)? */
  visibleFrom(id: string, scope: Scope): Promise<boolean>;
  /** Every person's id, in id order (the republish of every state). */
  allIds(): Promise<string[]>;
}

export interface AssignmentStore {
  get(id: string): Promise<PostAssignment | undefined>;
  lock(id: string): Promise<PostAssignment | undefined>;
  insert(assignment: NewAssignment): Promise<PostAssignment>;
  update(id: string, patch: AssignmentPatch): Promise<PostAssignment>;
  /** Assignments of the person at the unit whose period overlaps [start, end] (end null = open). */
  overlapping(
    statisticianId: string,
    orgUnitId: string,
    start: string,
    end: string | null,
  ): Promise<PostAssignment[]>;
  /** The person's PENDING_TRAINING assignments, locked. */
  lockPending(statisticianId: string): Promise<PostAssignment[]>;
  /** Every post (any status) of these people, in ONE statement. */
  ofPeople(statisticianIds: readonly string[]): Promise<PostAssignment[]>;
  counts(orgUnitIds: readonly string[]): Promise<Map<string, StaffCounts>>;
}

export interface FilingStore {
  get(id: string): Promise<Filing | undefined>;
  lock(id: string): Promise<Filing | undefined>;
  insert(filing: NewFiling): Promise<Filing>;
  /** Moves the filing to `status` with the step's columns; bumps the version. */
  update(id: string, patch: FilingPatch): Promise<Filing>;
  addStep(step: FilingStep): Promise<void>;
}

export interface CertificateStore {
  /** Records the certificate; false when it was already held (same certificate id). */
  record(certificate: PrePostCertificate, isSample: boolean): Promise<boolean>;
  /** The person's earliest pre-post certificate, if any. */
  firstOf(statisticianId: string): Promise<PrePostCertificate | undefined>;
}

export interface RecordedCompliance {
  compliant: boolean;
}

/** The last staffing compliance published for each unit, so a flip is noticed and announced once. */
export interface StaffingStatusStore {
  recorded(orgUnitIds: readonly string[]): Promise<Map<string, RecordedCompliance>>;
  /** Records each unit's new compliance (one unit at most once). */
  recordAll(changes: readonly StaffingRecord[]): Promise<void>;
}

export interface StaffingRecord {
  orgUnitId: string;
  compliant: boolean;
  gaps: RequirementResult[];
}

/** Reports of roster imports sent with a client requestId (a retry returns the first one). */
export interface RosterImportStore {
  record(report: RosterImportReport, importedBy: string): Promise<string>;
  get(id: string): Promise<RosterImportReport | undefined>;
}

export interface Transaction {
  units: ProjectedUnitStore;
  statisticians: StatisticianStore;
  assignments: AssignmentStore;
  filings: FilingStore;
  certificates: CertificateStore;
  staffing: StaffingStatusStore;
  /** Rule statuses (R3, R4, R5, R7) through the events package's ledger, and the subjects they are computed for. */
  ruleStatus: RuleStatusLedger;
  ruleSubjects: RuleSubjectStore;
  idempotency: IdempotencyStore;
  rosterImports: RosterImportStore;
  /**
   * Writes the event to the outbox in this transaction (validated against the contract there); the
   * Kafka key is the data field the contract names.
   */
  publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void>;
}

/** Runs work in one database transaction: all its changes and events commit together, or none. */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

export interface PageRequest {
  first: number;
  /** Exclusive: the id of the last row already seen (the sort key is looked up from it). */
  afterId?: string;
}

export interface StatisticianFilter {
  nameContains?: string;
  /** Only people registered at or holding a post (any status) under this path. */
  underPath?: string;
  includeSample?: boolean;
}

export interface FilingFilter {
  statuses?: FilingStatus[];
  bannerId?: string;
  underPath?: string;
  statisticianId?: string;
  /** Only filings not FILED whose due date (submittedOn + dueDays) is before `today`. */
  overdue?: { dueDays: number; today: string };
}

/** One page of a unit's statisticians: each with the assignment that puts them there. */
export interface UnitStatisticianRow {
  orgUnitId: string;
  assignment: PostAssignment;
  statistician: Statistician;
}

export interface UnitStatisticianPages {
  rows: UnitStatisticianRow[];
  /** Per unit: how many match in all (for totalCount). */
  totals: Map<string, number>;
}

export interface PersonRecords {
  statisticianId: string;
  assignments: PostAssignment[];
  certificate: PrePostCertificate | null;
}

export interface UnitWithCounts {
  unit: OrgUnitProjection;
  counts: StaffCounts;
}

/** Reads outside transactions, always scoped to the caller's subtree (each method ONE statement). */
export interface OrgUnitReads {
  units(ids: readonly string[], scope: Scope): Promise<OrgUnitProjection[]>;
  /** Units among `ids` visible to the user whose home unit is `homeUnitId`, in ONE query. */
  unitsVisibleToHome(ids: readonly string[], homeUnitId: string): Promise<OrgUnitProjection[]>;
  /** Every unit of the projection (for the seed). */
  projectedUnits(): Promise<OrgUnitProjection[]>;
}

export interface StatisticianReads {
  statisticians(ids: readonly string[], scope: Scope): Promise<Statistician[]>;
  /**
   * Federation references: every person of these ids that exists, each with whether the area of the
   * user at this home unit holds them (looked up inside the same single statement).
   */
  statisticianReferences(
    ids: readonly string[],
    homeUnitId: string,
  ): Promise<{ statistician: Statistician; inArea: boolean }[]>;
  searchStatisticians(
    filter: StatisticianFilter,
    scope: Scope,
    page: PageRequest,
  ): Promise<Page<Statistician>>;
  /**
   * Each person's posts (any status) at units in scope, latest start first, and their first pre-post
   * certificate, read in ONE statement so the two always agree (an ACTIVE post never shows beside
   * "not certified" because training's event committed between two reads).
   */
  recordsOf(statisticianIds: readonly string[], scope: Scope): Promise<PersonRecords[]>;
}

export interface AssignmentReads {
  assignments(ids: readonly string[], scope: Scope): Promise<PostAssignment[]>;
  /** One page per unit of statisticians whose assignment there has one of `statuses`, in ONE query. */
  unitStatisticians(
    orgUnitIds: readonly string[],
    statuses: readonly AssignmentStatus[],
    scope: Scope,
    page: PageRequest,
  ): Promise<UnitStatisticianPages>;
}

export interface FilingReads {
  filings(ids: readonly string[], scope: Scope): Promise<Filing[]>;
  searchFilings(filter: FilingFilter, scope: Scope, page: PageRequest): Promise<Page<Filing>>;
  filingSteps(filingIds: readonly string[]): Promise<FilingStep[]>;
}

export interface StaffingReads {
  /** Units with their staff counts (units outside scope left out), in ONE query. */
  unitsWithCounts(ids: readonly string[], scope: Scope): Promise<UnitWithCounts[]>;
  /**
   * The banner (county-level unit) and every active unit under it in scope that a staffing rule covers,
   * with staff counts, in code order, in ONE query. `banner` is undefined when no such banner exists.
   */
  bannerUnits(
    bannerId: string,
    scope: Scope,
    kinds: readonly string[],
  ): Promise<{ banner: OrgUnitProjection | undefined; units: UnitWithCounts[] }>;
}

export type { Clock, FilingPatch, IdempotencyStore, Page };

export interface PersonnelSettings {
  thresholds: StaffingThresholds;
  /** R5: days from submission by which a filing must be filed (FILING_DUE_DAYS). */
  filingDueDays: number;
  /** R7: days a post may wait PENDING_TRAINING after its start date before it is too long. */
  pendingTrainingMaxDays: number;
  /** How often the time-driven rule check (R5, R7) runs. */
  ruleStatusCheckEveryMs: number;
}

/** Everything the GraphQL layer, event handlers and tools call into, built once in main.ts (or a test). */
export interface PersonnelServices {
  uow: UnitOfWork;
  units: OrgUnitReads;
  statisticians: StatisticianReads;
  assignments: AssignmentReads;
  filings: FilingReads;
  staffing: StaffingReads;
  clock: Clock;
  settings: PersonnelSettings;
}
