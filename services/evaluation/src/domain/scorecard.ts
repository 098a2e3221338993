import type { RuleId } from "@grassroots/events/contracts";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import { complianceScore, worstFirst, type RuleWeights } from "../rules/r13-scorecard";
import type { RuleStatusRow } from "./rule-status";

/** Open and overdue findings of a unit (R13 supervision), as the scorecard shows them. */
export interface FindingCounts {
  open: number;
  overdue: number;
}

/** One rule's current status on a unit's scorecard, with the weight it carries. */
export interface ScorecardLine extends RuleStatusRow {
  weight: number;
}

/** R13's live picture of one unit: each rule's current status, findings, the weighted score. */
export interface UnitScorecard {
  unit: OrgUnitProjection;
  year: number;
  lines: ScorecardLine[];
  /** Hundredths of a point out of 100; null when no weighted rule applies. */
  score: number | null;
  openFindings: number;
  overdueFindings: number;
}

/** The rule statuses of the year's picture: standing rules, and yearly rules of that year. */
export const inYear = (row: Pick<RuleStatusRow, "period">, year: number): boolean =>
  row.period === null || row.period === String(year);

/** A unit's scorecard from its projected rule statuses (any order) and finding counts. */
export function scorecardOf(
  unit: OrgUnitProjection,
  year: number,
  rows: readonly RuleStatusRow[],
  findings: FindingCounts,
  weights: RuleWeights,
): UnitScorecard {
  const lines = rows
    .filter((row) => row.subjectUnitId === unit.id && inYear(row, year))
    .map((row) => ({ ...row, weight: weights[row.rule as RuleId] }))
    .sort((a, b) => a.rule.localeCompare(b.rule));
  return {
    unit,
    year,
    lines,
    score: complianceScore(lines, weights),
    openFindings: findings.open,
    overdueFindings: findings.overdue,
  };
}

/** Worst first (the lowest score, then the most overdue findings): how a banner reads its picture. */
export const sortWorstFirst = (cards: UnitScorecard[]): UnitScorecard[] =>
  [...cards].sort((a, b) =>
    worstFirst(
      { score: a.score, overdueFindings: a.overdueFindings, openFindings: a.openFindings, code: a.unit.code },
      { score: b.score, overdueFindings: b.overdueFindings, openFindings: b.openFindings, code: b.unit.code },
    ),
  );
