import type { Clock } from "@grassroots/kit/validation";
import { R8_RULE, r8Figures } from "../../rules/r8-funds-on-time-in-full";
import type { BudgetLine } from "../budget";
import { budgetExecutions } from "../budget-execution";
import type { FinanceServices, Transaction } from "../ports";

/** The subjects R8 is judged for that a line counts in: its owner, and the unit it benefits. */
const subjectsOf = (lines: readonly (BudgetLine | undefined)[]) => [
  ...new Set(
    lines.flatMap((l) =>
      l ? [l.ownerUnitId, ...(l.terms.beneficiaryUnitId ? [l.terms.beneficiaryUnitId] : [])] : [],
    ),
  ),
];

/**
 * R8's result for a subject (a banner, the city) and a year, as of today, through the events
 * package's rule-status ledger: FinanceRuleStatusChanged goes out only when it differs from the last
 * one published (its status, or the figures behind it).
 */
async function publishR8For(
  tx: Transaction,
  clock: Clock,
  subjectUnitId: string,
  year: number,
): Promise<boolean> {
  const unit = await tx.units.get(subjectUnitId);
  if (!unit) return false; // not in the org projection yet: the periodic check comes back to it
  const [result] = await budgetExecutions(tx.r8, [subjectUnitId], year, clock.today());
  return tx.ruleStatus.publishIfChanged({
    rule: R8_RULE,
    subjectUnitId,
    subjectUnitPath: unit.path,
    period: String(year),
    status: result.status,
    figures: r8Figures(result),
    reason: result.reason,
    asOf: clock.now().toISOString(),
  });
}

/** After a change to a line (and its earlier state, when a revision moved its beneficiary). */
export async function publishR8IfChanged(
  tx: Transaction,
  clock: Clock,
  ...lines: (BudgetLine | undefined)[]
) {
  const year = lines.find((l) => l)!.fiscalYear;
  for (const subject of subjectsOf(lines)) await publishR8For(tx, clock, subject, year);
}

/** Every subject and year with a line, judged again as of today: publishes those whose result changed. */
export async function checkR8Statuses(services: FinanceServices): Promise<number> {
  const subjects = await services.r8.subjects();
  let published = 0;
  for (const { subjectUnitId, year } of subjects) {
    // One transaction per subject: a failure leaves the others published.
    if (await services.uow.run((tx) => publishR8For(tx, services.clock, subjectUnitId, year))) published++;
  }
  return published;
}

/** The periodic task (the bootstrap runs it): an instalment passing its due date unpaid flips R8 without any request. */
export const r8DueDateCheck = (services: FinanceServices, everyMs: number) => ({
  name: "finance.r8-due-date-check",
  everyMs,
  run: async () => {
    await checkR8Statuses(services);
  },
});
