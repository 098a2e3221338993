import type { EventContract, EventData, RuleStatusLedger } from "@grassroots/events/contracts";
import type { IdempotencyStore } from "@grassroots/kit/idempotency";
import type { Clock } from "@grassroots/kit/validation";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { OrgUnitProjectionWriter } from "@grassroots/org-projection";
import type { R8Line, R8Payment } from "../rules/r8-funds-on-time-in-full";
import type { Actor } from "./access-policy";
import type { BudgetLine, BudgetLineRevision, Disbursement, Instalment } from "./budget";
import type { PostState } from "./posts";
import type { AwardReads, AwardStore } from "./award-ports";
import type { SubsidyReads, SubsidyStore } from "./subsidy-ports";

export * from "./award-ports";
export * from "./subsidy-ports";

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

/** Everything the GraphQL layer and the tools call into. */
export interface FinanceServices {
  uow: UnitOfWork;
  budgets: BudgetReads;
  awards: AwardReads;
  subsidies: SubsidyReads;
  r8: R8Reads;
  clock: Clock;
}
