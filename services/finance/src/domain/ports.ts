import type { EventContract, EventData, RuleId, RuleStatusData } from "@grassroots/events/contracts";
import type { IdempotencyStore } from "@grassroots/kit/idempotency";
import type { Clock } from "@grassroots/kit/validation";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { OrgUnitProjectionWriter } from "@grassroots/org-projection";
import type { R8Line, R8Payment } from "../rules/r8-funds-on-time-in-full";
import type { Actor } from "./access-policy";
import type {
  AllocationRound,
  AwardProgramme,
  ResultSet,
  RoundAllocation,
  RoundStep,
  RuleData,
  RuleVersion,
} from "./award";
import type { BudgetLine, BudgetLineRevision, Disbursement, Instalment } from "./budget";
import type { PostState } from "./posts";
import type { PaymentBatch, SubsidyClaim, SubsidyStandard, TaskRecord } from "./subsidy";

/** What the domain needs from storage. Implemented in src/db with TypeORM; the domain never sees it. */

export type OrgUnitRef = OrgUnitProjection;

export interface OrgUnitStore extends OrgUnitProjectionWriter {
  get(id: string): Promise<OrgUnitRef | undefined>;
  /** The active banners and districts under a city: who an award programme allocates to. */
  countyUnitsOf(cityUnitId: string): Promise<OrgUnitRef[]>;
}

/** Personnel's posts as finance learns them (R10: who may be paid for a task in a unit on a date). */
export interface PostStore {
  /** Keeps a newer state only (by version): redelivered or late events change nothing. */
  apply(post: PostState): Promise<void>;
}

export type NewBudgetLine = Omit<
  BudgetLine,
  "currentRevision" | "version" | "createdAt" | "updatedAt" | "terms" | "instalments"
>;
export type NewTerms = Omit<BudgetLineRevision, "lineId" | "revision" | "revisesRevision" | "revisedAt">;
export type NewDisbursement = Omit<Disbursement, "recordedAt">;

export interface BudgetStore {
  get(id: string): Promise<BudgetLine | undefined>;
  /** Reads and locks the line (SELECT … FOR UPDATE): serialises its payments and revisions. */
  lock(id: string): Promise<BudgetLine | undefined>;
  insert(line: NewBudgetLine, terms: NewTerms, instalments: Instalment[]): Promise<BudgetLine>;
  /** Adds the next revision with its schedule and makes it current (the earlier ones stay as they are). */
  revise(id: string, terms: NewTerms, instalments: Instalment[]): Promise<BudgetLine>;
  disbursementsOf(lineId: string): Promise<Disbursement[]>;
  getDisbursement(id: string): Promise<Disbursement | undefined>;
  insertDisbursement(disbursement: NewDisbursement): Promise<Disbursement>;
  isClosed(ownerUnitId: string, year: number): Promise<boolean>;
  close(ownerUnitId: string, year: number, actor: Actor): Promise<void>;
}

/** The lines and payments R8 is judged on, per subject (one statement each, whatever the number of subjects). */
export interface R8Reads {
  /** Per subject in order: the year's lines it owns or benefits from, with their current schedules. */
  linesOf(subjectIds: readonly string[], year: number): Promise<R8Line[][]>;
  /** Payments of these lines that were not reversed. */
  paymentsOf(lineIds: readonly string[]): Promise<R8Payment[]>;
  /** Every (subject, year) that has a line: what the periodic check and a republish go over. */
  subjects(): Promise<{ subjectUnitId: string; year: number }[]>;
}

/** The events package's rule-status ledger over the transaction: a result goes out only when it differs from the last. */
export interface RuleStatusLedger {
  publishIfChanged(result: Omit<RuleStatusData, "republished">): Promise<boolean>;
  /** Every stored current result of these rules again, `republished: true`; returns the count. */
  republish(rules?: readonly RuleId[]): Promise<number>;
}

export type NewProgramme = Omit<AwardProgramme, "ruleVersion" | "version" | "createdAt" | "updatedAt">;
export type RoundPatch = Partial<
  Pick<
    AllocationRound,
    | "status"
    | "ruleVersion"
    | "resultSetId"
    | "computation"
    | "remainderFen"
    | "computedBy"
    | "computedByName"
    | "computedAt"
    | "approvedBy"
    | "approvedByName"
    | "approvedAt"
    | "flag"
  >
>;

/** A payment of a round to a banner, with its disbursement as recorded on the programme's line. */
export interface RoundPayment {
  disbursementId: string;
  roundId: string;
  unitId: string;
  lineId: string;
  instalmentSeq: number;
  amountFen: bigint;
  paidOn: string;
  /** The instalment's due date in the line's current schedule (null if the schedule has no such instalment). */
  dueDate: string | null;
  reversed: boolean;
}

export interface AwardStore {
  insertProgramme(programme: NewProgramme, rule: RuleData): Promise<AwardProgramme>;
  getProgramme(id: string): Promise<AwardProgramme | undefined>;
  lockProgramme(id: string): Promise<AwardProgramme | undefined>;
  /** Stores the next version of the rule and makes it the programme's current one. */
  addRuleVersion(
    programmeId: string,
    rule: RuleData,
    isSample: boolean,
    actor: Actor,
  ): Promise<AwardProgramme>;
  ruleVersion(programmeId: string, version: number): Promise<RuleVersion | undefined>;
  insertRound(
    round: Pick<AllocationRound, "id" | "programmeId" | "fiscalYear" | "lineId">,
  ): Promise<AllocationRound>;
  getRound(id: string): Promise<AllocationRound | undefined>;
  roundOf(programmeId: string, fiscalYear: number): Promise<AllocationRound | undefined>;
  lockRound(id: string): Promise<AllocationRound | undefined>;
  /** The rounds of a city's programmes for a year, locked (a correction of the results reaches them). */
  lockRoundsOf(cityUnitId: string, year: number): Promise<AllocationRound[]>;
  updateRound(id: string, patch: RoundPatch): Promise<AllocationRound>;
  addAllocations(allocations: RoundAllocation[]): Promise<void>;
  allocationsOf(roundId: string, computation: number): Promise<RoundAllocation[]>;
  addStep(roundId: string, step: string, actor: Actor, note: string | null): Promise<void>;
  addPayment(payment: {
    disbursementId: string;
    roundId: string;
    computation: number;
    unitId: string;
  }): Promise<void>;
  paymentsOf(roundId: string): Promise<RoundPayment[]>;
  /** Keeps a result set as received (a redelivery changes nothing). */
  saveResultSet(set: ResultSet): Promise<void>;
  /** The latest revision of a city's assessment of its banners for a year. */
  latestResultSet(ownerUnitId: string, year: number): Promise<ResultSet | undefined>;
  getResultSet(id: string): Promise<ResultSet | undefined>;
}

export type NewStandard = Omit<SubsidyStandard, "createdAt">;
export type NewTask = Omit<TaskRecord, "recordedAt" | "claimId">;
export type NewClaim = Pick<
  SubsidyClaim,
  "id" | "statisticianId" | "bannerUnitId" | "period" | "computedFen"
>;
export type ClaimPatch = Partial<
  Omit<
    SubsidyClaim,
    "id" | "statisticianId" | "bannerUnitId" | "period" | "version" | "createdAt" | "updatedAt"
  >
>;

export interface SubsidyStore {
  /** Serialises a banner's standard versions and claim generation. */
  lockBanner(bannerUnitId: string): Promise<void>;
  standardsOf(bannerUnitId: string): Promise<SubsidyStandard[]>;
  insertStandard(standard: NewStandard): Promise<void>;
  /** Closes a superseded version's range (the day before its successor starts). */
  endStandard(id: string, effectiveTo: string): Promise<void>;
  /** Whether the person held a post in that unit on that date (personnel's assignments). */
  holdsPost(statisticianId: string, unitId: string, date: string): Promise<boolean>;
  insertTask(task: NewTask): Promise<TaskRecord>;
  getTask(id: string): Promise<TaskRecord | undefined>;
  /** A banner's tasks of a period not yet in a claim past DRAFT/RETURNED. */
  claimableTasks(bannerUnitId: string, period: string): Promise<TaskRecord[]>;
  claimOf(statisticianId: string, bannerUnitId: string, period: string): Promise<SubsidyClaim | undefined>;
  getClaim(id: string): Promise<SubsidyClaim | undefined>;
  lockClaims(ids: readonly string[]): Promise<SubsidyClaim[]>;
  insertClaim(claim: NewClaim): Promise<SubsidyClaim>;
  updateClaim(id: string, patch: ClaimPatch): Promise<SubsidyClaim>;
  /** A claim's computation (a new set of lines each time) and its tasks tied to it. */
  addClaimLines(
    claimId: string,
    lines: readonly { taskId: string; standardId: string; rateFen: bigint; amountFen: bigint }[],
  ): Promise<void>;
  insertBatch(batch: Omit<PaymentBatch, "createdAt">): Promise<PaymentBatch>;
  getBatch(id: string): Promise<PaymentBatch | undefined>;
}

export interface Transaction {
  units: OrgUnitStore;
  posts: PostStore;
  budgets: BudgetStore;
  awards: AwardStore;
  subsidies: SubsidyStore;
  r8: R8Reads;
  ruleStatus: RuleStatusLedger;
  /** Client request ids of mutations a client may retry (the kit's idempotency_key table). */
  idempotency: IdempotencyStore;
  /** Writes the event to the outbox in this transaction, keyed by the field the contract names. */
  publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void>;
}

export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

/** The caller's read scope: the path prefix of their home unit's subtree (`readScope(ctx)`). */
export type Scope = string;

export interface BudgetLineFilter {
  year: number;
  ownerUnitId?: string;
  purpose?: string;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface BudgetReads {
  /** Lines the caller may see (owner or beneficiary inside their subtree), by id. */
  byIds(ids: readonly string[], scope: Scope): Promise<BudgetLine[]>;
  /** A page of visible lines of a year, by id (keyset). */
  page(filter: BudgetLineFilter, scope: Scope, first: number, after?: string): Promise<Page<BudgetLine>>;
  revisionsOf(lineIds: readonly string[]): Promise<BudgetLineRevision[]>;
  disbursementsOf(lineIds: readonly string[]): Promise<Disbursement[]>;
  /** The county-level units (banners, districts) inside the scope, and the city when the scope holds it. */
  subjectsIn(scope: Scope): Promise<OrgUnitRef[]>;
  /** Units among ids inside the caller's area, computed from their home unit in the statement (references). */
  unitsInArea(ids: readonly string[], homeUnitId: string): Promise<OrgUnitRef[]>;
}

/** A banner's allocation in a round of a year, with what was paid (OrgUnit.awardAllocations). */
export interface UnitAllocation {
  unitId: string;
  roundId: string;
  programmeId: string;
  fiscalYear: number;
  status: AllocationRound["status"];
  score: string;
  grade: string | null;
  amountFen: bigint;
  paidFen: bigint;
}

export interface AwardReads {
  /** Programmes of cities inside the caller's scope. */
  programmes(scope: Scope): Promise<AwardProgramme[]>;
  programmesByIds(ids: readonly string[]): Promise<AwardProgramme[]>;
  /** The current rule version of each programme. */
  currentRules(programmeIds: readonly string[]): Promise<RuleVersion[]>;
  roundsByIds(ids: readonly string[], scope: Scope): Promise<AllocationRound[]>;
  roundsOfProgrammes(programmeIds: readonly string[]): Promise<AllocationRound[]>;
  allocationsOfRounds(roundIds: readonly string[]): Promise<RoundAllocation[]>;
  stepsOfRounds(roundIds: readonly string[]): Promise<RoundStep[]>;
  paymentsOfRounds(roundIds: readonly string[]): Promise<RoundPayment[]>;
  allocationsOfUnits(unitIds: readonly string[], year: number): Promise<UnitAllocation[]>;
}

/** A subsidy payment to a person: their claim in a payment batch. */
export interface StatisticianPayment {
  statisticianId: string;
  claimId: string;
  batchId: string;
  period: string;
  amountFen: bigint;
  voucherNumber: string;
  paidOn: string;
}

export interface SubsidyReads {
  standardsOfBanners(bannerIds: readonly string[]): Promise<SubsidyStandard[]>;
  tasksOfStatisticians(ids: readonly string[]): Promise<TaskRecord[]>;
  claimsOfStatisticians(ids: readonly string[]): Promise<SubsidyClaim[]>;
  /** A banner's claims of a period, for a caller inside (or above) the banner. */
  claimsOfBanner(bannerUnitId: string, period: string, scope: Scope): Promise<SubsidyClaim[]>;
  paymentsOfStatisticians(ids: readonly string[]): Promise<StatisticianPayment[]>;
  /** The people among ids who hold or held a post inside the caller's area (references; one statement). */
  statisticiansInArea(ids: readonly string[], homeUnitId: string): Promise<string[]>;
}

/** Everything the GraphQL layer and the tools call into. */
export interface FinanceServices {
  uow: UnitOfWork;
  budgets: BudgetReads;
  awards: AwardReads;
  subsidies: SubsidyReads;
  r8: R8Reads;
  clock: Clock;
}
