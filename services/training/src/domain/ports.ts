import type { IdempotencyStore } from "@grassroots/kit/idempotency";
import type { RuleStatusSettings, RuleSubjectStore } from "./rule-status/ports";
import type { OrgUnitProjectionWriter } from "@grassroots/org-projection";
import type { Clock, Page } from "@grassroots/kit/validation";
import type { EventContract, EventData, RuleStatusLedger } from "@grassroots/events/contracts";
import type { PassRule } from "../rules/r7-pre-post-training";
import type { BannerStaffCount, YearWindow } from "../rules/r6-yearly-training";
import type { AssignmentState, OrgUnitRef, Post, StatisticianRef, StatisticianState } from "./directory";
import type {
  Certificate,
  Enrollment,
  EnrollmentPatch,
  NewCertificate,
  NewEnrollment,
  NewSession,
  SessionPatch,
  SessionStatus,
  TrainingKind,
  TrainingSession,
} from "./training";

/**
 * What the domain needs from storage. Implemented in src/db with TypeORM; the domain never sees it.
 */

export interface SessionStore {
  get(id: string): Promise<TrainingSession | undefined>;
  /** Reads and locks the row until the transaction ends (SELECT … FOR UPDATE): serialises enrolments. */
  lock(id: string): Promise<TrainingSession | undefined>;
  insert(session: NewSession): Promise<TrainingSession>;
  /** Applies the patch, bumps the version and updated_at; returns the new state. */
  update(id: string, patch: SessionPatch): Promise<TrainingSession>;
  countEnrolled(sessionId: string): Promise<number>;
}

export interface EnrollmentStore {
  get(id: string): Promise<Enrollment | undefined>;
  lock(id: string): Promise<Enrollment | undefined>;
  /** The enrolments of these people in the session, locked. */
  lockOf(sessionId: string, statisticianIds: readonly string[]): Promise<Enrollment[]>;
  insert(enrollment: NewEnrollment): Promise<Enrollment>;
  update(id: string, patch: EnrollmentPatch): Promise<Enrollment>;
}

export interface CertificateStore {
  ofEnrollments(enrollmentIds: readonly string[]): Promise<Certificate[]>;
  /** The next number of the organizer's year: increments (or creates) the counter row, which stays locked. */
  nextSeq(organizerUnitId: string, year: number): Promise<number>;
  insert(certificate: NewCertificate): Promise<Certificate>;
}

/**
 * The org projection: commands read a unit; organization's events write it (`apply`, the shared
 * projection's handlers from @grassroots/org-projection: a newer version only).
 */
export interface OrgUnitStore extends OrgUnitProjectionWriter {
  get(id: string): Promise<OrgUnitRef | undefined>;
}

/** The projection of personnel's people and posts: commands read it, the reactions to personnel's events write it. */
export interface StatisticianStore {
  named(ids: readonly string[]): Promise<StatisticianRef[]>;
  /** Current posts (assignments not ended) of these people, with their units' current paths. */
  posts(statisticianIds: readonly string[]): Promise<Post[]>;
  /** Keep a newer state only (by version), so redelivered, resent or late events change nothing. */
  apply(statistician: StatisticianState): Promise<void>;
  applyAssignment(assignment: AssignmentState): Promise<void>;
}

export interface Transaction {
  sessions: SessionStore;
  enrollments: EnrollmentStore;
  certificates: CertificateStore;
  units: OrgUnitStore;
  statisticians: StatisticianStore;
  /** Client request ids of mutations a client may retry (the kit's idempotency_key table). */
  idempotency: IdempotencyStore;
  /** R6 reads over this transaction, the rule-status ledger, and R6's subjects (issue 12). */
  coverage: CoverageReads;
  ruleStatus: RuleStatusLedger;
  ruleSubjects: RuleSubjectStore;
  /** Writes the event to the outbox in this transaction, keyed by the data field the contract names (`contract.key`). */
  publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void>;
}

/** Runs work in one database transaction: all its changes and events commit together, or none. */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/**
 * The caller's scope: the path prefix of their home unit's subtree (`readScope(ctx)`, looked up once
 * per request), for lists and lookups to filter on. References are the exception: they resolve in one
 * statement, computing the caller's area from their home unit id inside it.
 */
export type Scope = string;

export interface SessionFilter {
  year?: number;
  kinds?: TrainingKind[];
  statuses?: SessionStatus[];
  organizerUnitId?: string;
}

/** Where a page of sessions starts: after this (start date, id), latest start first. */
export interface SessionKey {
  startDate: string;
  id: string;
}

export interface PageRequest {
  first: number;
  /** The last session of the previous page (the opaque cursor's content); none for the first page. */
  after?: SessionKey;
}

/** One page of a list (the kit's shape, as every service's keyset reads return it). */
export type { Page };

/** A row and whether the caller sees it whole (else a reference gets its public view: src/domain/public-view.ts). */
export interface InView<T> {
  entity: T;
  inYourArea: boolean;
}

export interface SessionReads {
  /** Sessions the caller may see: organised inside their subtree, or by a bureau above them (the city's, their banner's). */
  inScope(ids: readonly string[], scope: Scope): Promise<TrainingSession[]>;
  /** Sessions by id, each with whether the caller sees it whole (the same condition): for references. */
  referenced(ids: readonly string[], homeUnitId: string): Promise<InView<TrainingSession>[]>;
  /**
   * One page of visible sessions per organizer in `organizerIds` (or one page over all organizers
   * when null), latest start first, whatever the number of organizers.
   */
  pages(
    organizerIds: readonly string[] | null,
    filter: SessionFilter,
    scope: Scope,
    page: PageRequest,
  ): Promise<Map<string, Page<TrainingSession>>>;
  enrolledCounts(sessionIds: readonly string[]): Promise<{ sessionId: string; enrolled: number }[]>;
}

export interface EnrollmentReads {
  /** Enrolments in these sessions the caller may see: all for the organizer's side, their own people's otherwise. */
  ofSessions(sessionIds: readonly string[], scope: Scope): Promise<Enrollment[]>;
  ofStatisticians(statisticianIds: readonly string[]): Promise<Enrollment[]>;
  /** Enrolments by id, each with whether the caller sees it whole (the organizer's side, or the person's area). */
  referenced(ids: readonly string[], homeUnitId: string): Promise<InView<Enrollment>[]>;
}

export interface CertificateReads {
  ofEnrollments(enrollmentIds: readonly string[]): Promise<Certificate[]>;
  ofStatisticians(statisticianIds: readonly string[]): Promise<Certificate[]>;
  /** Certificates by number the caller sees whole (trainingCertificate). */
  byNumbers(numbers: readonly string[], scope: Scope): Promise<Certificate[]>;
  /** Certificates by id, each with whether the caller sees it whole: for references. */
  referenced(ids: readonly string[], homeUnitId: string): Promise<InView<Certificate>[]>;
}

/** Whether other services' entities reached as references lie in the caller's area (one statement per batch). */
export interface AreaReads {
  /** The statisticians among `ids` who hold or held a post inside the caller's subtree. */
  statisticians(ids: readonly string[], homeUnitId: string): Promise<string[]>;
  units(ids: readonly string[], homeUnitId: string): Promise<OrgUnitRef[]>;
}

/** A subtree R6 is counted in, and the banner asked for (all of them when absent). */
export interface BannerScope {
  path: string;
  bannerId?: string;
}

/** A banner counted inside a subtree: the whole banner, or the part of it below a unit. */
export interface BannerInSubtree {
  bannerId: string;
  withinPath: string;
}

/** R6 reads, each ONE statement for any number of scopes, cities or pairs (OrgUnit.trainingCoverage batches them). */
export interface CoverageReads {
  /**
   * Per scope, in order: the county-level units inside its path, or the one containing it when the
   * path lies below county level; only `bannerId` when given.
   */
  bannersFor(scopes: readonly BannerScope[]): Promise<OrgUnitRef[][]>;
  /** The cities' COMPLETED COMPREHENSIVE sessions for BANNER_STAFF in the window (R6 obligation). */
  cityObligationSessions(cityIds: readonly string[], window: YearWindow): Promise<TrainingSession[]>;
  /** R6 counts, one per pair and in order: staff in force on the as-of date inside the banner and the subtree, and who of them attended. */
  bannerCounts(pairs: readonly BannerInSubtree[], window: YearWindow): Promise<BannerStaffCount[]>;
}

/** Everything the GraphQL layer and the tools call into, built once in main.ts (or a test). */
export interface TrainingServices {
  uow: UnitOfWork;
  sessions: SessionReads;
  enrollments: EnrollmentReads;
  certificates: CertificateReads;
  areas: AreaReads;
  coverage: CoverageReads;
  clock: Clock;
  passRule: PassRule;
  ruleStatus: RuleStatusSettings;
}

/** A person's current post, as the seed picks participants (from the projections). */
export interface StaffMember {
  statisticianId: string;
  /** The root of the post's path: the city whose bureau may enrol the person. */
  cityId: string;
  bannerId: string;
  unitKind: string;
  role: string;
  status: string;
}

/** What the seed reads: how full the projections are, the bureaus, the staff, its own sessions. */
export interface SeedReads {
  projectionCounts(): Promise<{ units: number; statisticians: number; assignments: number }>;
  /** The active city and county-level units (the bureaus that organise training), city first. */
  bureaus(): Promise<OrgUnitRef[]>;
  /** One row per person with a current post (their earliest), ordered by person. */
  staff(): Promise<StaffMember[]>;
  existingSessions(ids: readonly string[]): Promise<string[]>;
}
