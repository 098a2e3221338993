import type { RuleStatusValue } from "@grassroots/events/contracts";

/** A unit's findings as R13's rectification rule counts them. */
export interface FindingCountsOfUnit {
  open: number;
  overdue: number;
  escalated: number;
  accepted: number;
}

/**
 * R13 for a unit: its findings rectified on time. MET while none of its open findings is past its
 * deadline; NOT_MET once one is (escalated ones named too).
 */
export function r13Result(c: FindingCountsOfUnit): {
  status: RuleStatusValue;
  reason: string;
  figures: Record<string, number>;
} {
  const figures = { ...c };
  if (c.overdue > 0) {
    const escalated = c.escalated > 0 ? `, ${c.escalated} escalated` : "";
    return {
      status: "NOT_MET",
      reason: `${c.overdue} finding(s) past the rectification deadline${escalated}`,
      figures,
    };
  }
  return { status: "MET", reason: `no finding overdue (${c.open} open, ${c.accepted} rectified)`, figures };
}
