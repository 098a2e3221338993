import type { EventContract, EventData, RuleStatusData } from "@grassroots/events/contracts";
import type { IdempotencyStore } from "@grassroots/kit/idempotency";
import type { Clock } from "@grassroots/kit/validation";
import type { OrgUnitProjectionWriter } from "@grassroots/org-projection";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { RuleWeights } from "../rules/r13-scorecard";
import type { RuleStatusApplied, RuleStatusRow } from "./rule-status";
import type { FindingCounts } from "./scorecard";

/**
 * What the domain needs from storage. Implemented in src/db with TypeORM; the domain never sees it.
 */

/** The org projection: commands read a unit; organization's events write it (newer versions only). */
export interface OrgUnitStore extends OrgUnitProjectionWriter {
  get(id: string): Promise<OrgUnitProjection | undefined>;
}

/** The projection of every rule status event (rule, subject, period → the latest result by asOf). */
export interface RuleStatusStore {
  apply(data: RuleStatusData): Promise<RuleStatusApplied>;
}

export interface Transaction {
  units: OrgUnitStore;
  ruleStatuses: RuleStatusStore;
  /** Client request ids of mutations a client may retry (the kit's idempotency_key table). */
  idempotency: IdempotencyStore;
  /** Writes the event to the outbox in this transaction, keyed by the data field the contract names. */
  publish<C extends EventContract>(contract: C, data: EventData<C>): Promise<void>;
}

/** Runs work in one database transaction: all its changes and events commit together, or none. */
export interface UnitOfWork {
  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

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

/** Everything the GraphQL layer and the tools call into, built once in wire.ts (or a test). */
export interface EvaluationServices {
  uow: UnitOfWork;
  scorecards: ScorecardReads;
  clock: Clock;
  weights: RuleWeights;
}
