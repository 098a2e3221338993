import { FinanceRuleStatusChanged, type RuleStatusData } from "@grassroots/events/contracts";
import type { Clock } from "@grassroots/kit/validation";
import { R8_RULE, r8Figures } from "../../rules/r8-funds-on-time-in-full";
import { budgetExecutions } from "../budget-execution";
import type { FinancePolicy } from "../access-policy";
import type { BudgetLine } from "../budget";
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
 * R8's status of a subject (a banner, the city) for a year, as of today; published
 * (FinanceRuleStatusChanged) only when it differs from the last one published, or always when
 * `republished` (a consumer asked for every current status again).
 */
async function publishR8For(
  tx: Transaction,
  clock: Clock,
  subjectUnitId: string,
  year: number,
  republished = false,
): Promise<boolean> {
  const unit = await tx.units.get(subjectUnitId);
  if (!unit) return false; // the org projection has not seen the unit yet: the periodic check will come back to it
  const [result] = await budgetExecutions(tx.r8, [subjectUnitId], year, clock.today());
  const last = await tx.ruleStatuses.last(subjectUnitId, year);
  if (!republished && last === result.status) return false;
  if (last !== result.status) await tx.ruleStatuses.record(subjectUnitId, year, result.status);
  const data: RuleStatusData = {
    rule: R8_RULE,
    subjectUnitId,
    subjectUnitPath: unit.path,
    period: String(year),
    status: result.status,
    figures: r8Figures(result),
    reason: result.reason,
    asOf: clock.now().toISOString(),
    republished,
  };
  await tx.publish(FinanceRuleStatusChanged, data);
  return true;
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

/** Every subject and year with a line, re-judged as of today: publishes those whose status flipped. */
export async function checkR8Statuses(services: FinanceServices, republished = false): Promise<number> {
  const subjects = await services.uow.run((tx) => tx.ruleStatuses.subjects());
  let published = 0;
  for (const { subjectUnitId, year } of subjects) {
    // One transaction per subject: a failure leaves the others published.
    if (await services.uow.run((tx) => publishR8For(tx, services.clock, subjectUnitId, year, republished)))
      published++;
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

/** `republishRuleStatuses` (CITY_ADMIN; also the CLI): every subject's current R8 status again, `republished: true`. */
export async function republishRuleStatuses(
  services: FinanceServices,
  policy: FinancePolicy,
): Promise<number> {
  policy.requireRole("republish rule statuses", "CITY_ADMIN");
  return checkR8Statuses(services, true);
}
