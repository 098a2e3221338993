import type { OrgUnitProjection } from "@grassroots/org-projection/units";

/** What R5 and R7 judge a unit on, as of a business date. */
export interface TimeDrivenFigures {
  /** Filings not filed by their due date (R5), and the earliest of their due dates. */
  overdue: number;
  oldestDueDate: string | null;
  /** Posts PENDING_TRAINING (R7), those pending longer than the allowed days, and the oldest start among those. */
  pending: number;
  pendingTooLong: number;
  oldestPendingSince: string | null;
}

/** The subjects of personnel's rules inside a transaction (the time-driven checks and the backfill). */
export interface RuleSubjectStore {
  /** Ids of every projected unit of these kinds, active or not, in code order. */
  unitIdsOfKinds(kinds: readonly string[]): Promise<string[]>;
  /** Every unit of these kinds (or only those of `unitIds`) with its R5 and R7 figures, in ONE statement. */
  timeDrivenSubjects(
    kinds: readonly string[],
    asOf: { today: string; filingDueDays: number; pendingTrainingMaxDays: number },
    unitIds?: readonly string[],
  ): Promise<{ unit: OrgUnitProjection; figures: TimeDrivenFigures }[]>;
}
