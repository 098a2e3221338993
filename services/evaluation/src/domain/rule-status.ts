import type { RuleId, RuleStatusData, RuleStatusValue } from "@grassroots/events/contracts";

/**
 * Evaluation's projection of every rule status event (never another service's database): one row per
 * rule, subject unit and period, the latest result by `asOf`.
 */
export interface RuleStatusRow {
  rule: RuleId;
  subjectUnitId: string;
  subjectUnitPath: string;
  /** "2024" for a yearly rule, null for a standing one. */
  period: string | null;
  status: RuleStatusValue;
  figures: Record<string, number | string | boolean | null>;
  reason: string;
  /** When the subject's current status began (kept while only the figures change). */
  since: Date;
  /** The business time of the latest result held. */
  asOf: Date;
  /** When evaluation applied it (the scorecard's freshness: the source event's commit → this). */
  projectedAt: Date;
}

/** What applying a rule status event did. */
export interface RuleStatusApplied {
  /** False: a redelivery, or an older result than the one held (an older asOf never overwrites a newer one). */
  applied: boolean;
  row?: RuleStatusRow;
}

export type { RuleStatusData };

/** A rule status line as a clerk reads it: "R3.township-staffing 2024: NOT_MET — needs 2 …". */
export const describeRuleStatus = (
  row: Pick<RuleStatusRow, "rule" | "period" | "status" | "reason">,
): string => `${row.rule}${row.period ? ` ${row.period}` : ""}: ${row.status} — ${row.reason}`;
