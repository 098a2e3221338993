import { describeUnit, type OrgUnitProjection } from "@grassroots/org-projection/units";
import type { RuleStatusResult } from "@grassroots/events/contracts";
import type { TimeDrivenFigures } from "../domain/rule-status/ports";
import { plural } from "./staffing-requirement";

export const R5_RULE = "R5.filing-timeliness" as const;

/**
 * R5 timeliness per unit: MET while none of its filings is overdue (not filed by submittedOn +
 * FILING_DUE_DAYS, returned ones included, as `isOverdue` says); NOT_MET with any; NOT_APPLICABLE for a
 * deactivated unit. It turns with the calendar, so a periodic check computes it. Figures: overdue (int),
 * oldestDueDate (the earliest due date among them, or null), dueDays (int).
 */
export function filingTimelinessStatus(
  unit: Pick<OrgUnitProjection, "id" | "path" | "name" | "code" | "active">,
  figures: Pick<TimeDrivenFigures, "overdue" | "oldestDueDate">,
  dueDays: number,
  asOf: Date,
): RuleStatusResult {
  const { overdue, oldestDueDate } = figures;
  const status = !unit.active ? "NOT_APPLICABLE" : overdue > 0 ? "NOT_MET" : "MET";
  return {
    rule: R5_RULE,
    subjectUnitId: unit.id,
    subjectUnitPath: unit.path,
    period: null,
    status,
    figures: { overdue, oldestDueDate, dueDays },
    reason: !unit.active
      ? `${describeUnit(unit)} was deactivated; filing timeliness no longer applies to it.`
      : overdue > 0
        ? `${describeUnit(unit)} has ${plural(overdue, "filing")} not filed within ${dueDays} days of submission; the oldest was due ${oldestDueDate}.`
        : `${describeUnit(unit)} has no overdue filing: every filing was filed within ${dueDays} days or is not yet due.`,
    asOf: asOf.toISOString(),
  };
}
