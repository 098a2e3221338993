import { evaluateR8, type R8Result } from "../rules/r8-funds-on-time-in-full";
import type { R8Reads } from "./ports";

export interface BudgetExecution extends R8Result {
  unitId: string;
  fiscalYear: number;
  /** The date the figures are as of: today. */
  asOf: string;
}

/**
 * The as-of date of a year's figures: today, also once the year is over. Judged as of the year's last
 * day instead, an instalment due on 31 December would stay NOT_YET_DUE for good and a payment made in
 * January for it would never count; judged today, it is overdue, or paid late by so many days.
 */
export const asOfFor = (_year: number, today: string) => today;

/**
 * R8 execution of many subjects for a year: two statements (their lines with schedules, the lines'
 * payments) whatever the number of subjects and lines, then the rule per subject.
 */
export async function budgetExecutions(
  reads: R8Reads,
  unitIds: readonly string[],
  year: number,
  today: string,
): Promise<BudgetExecution[]> {
  const lines = await reads.linesOf(unitIds, year);
  const payments = await reads.paymentsOf([...new Set(lines.flat().map((l) => l.lineId))]);
  const asOf = asOfFor(year, today);
  return unitIds.map((unitId, i) => {
    const own = new Set(lines[i].map((l) => l.lineId));
    return {
      unitId,
      fiscalYear: year,
      asOf,
      ...evaluateR8(
        lines[i],
        payments.filter((p) => own.has(p.lineId)),
        asOf,
      ),
    };
  });
}
