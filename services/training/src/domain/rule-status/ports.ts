import type { OrgUnitRef } from "../directory";

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
