import type { RuleId } from "@grassroots/events/contracts";
import type { RuleStatusResult } from "../../rules/r6-rule-status";
import type { OrgUnitRef } from "../directory";

/** The rule-status ledger (the events package's `rule_status_published`) in this transaction. */
export interface RuleStatusLedger {
  /** Publishes the result only when it differs from the last one published; returns whether it did. */
  publishIfChanged(result: RuleStatusResult): Promise<boolean>;
  /** The same for many (a check of every subject), reading their last results in one statement; returns how many it published. */
  publishAllIfChanged(results: readonly RuleStatusResult[]): Promise<number>;
  /** Publishes every stored current result of these rules again (`republished: true`); returns the count. */
  republish(rules?: readonly RuleId[]): Promise<number>;
}

/** The subjects of R6 inside a transaction. */
export interface RuleSubjectStore {
  /** Every active projected city (the subject of the city obligation, the root of its banners). */
  cities(): Promise<OrgUnitRef[]>;
  /** The year of the earliest COMPLETED session, if any (how far back the backfill goes). */
  firstCompletedYear(): Promise<number | undefined>;
}

/** R6's rule-status settings. */
export interface RuleStatusSettings {
  /** A banner's coverage is MET from this share of its staff trained in the year (percent, 1–100). */
  coverageTargetPercent: number;
  /** How often the periodic check of R6 runs. */
  checkEveryMs: number;
}
