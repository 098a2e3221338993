import { badInput } from "@grassroots/kit/errors";
import { checkInt, isUuid, type Clock } from "@grassroots/kit/validation";
import { describeUnit } from "@grassroots/org-projection/units";
import type { FinancePolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";

export interface CloseFiscalYearInput {
  ownerUnitId: string;
  fiscalYear: number;
}

/**
 * R8: a government closes its books for a year once it is over; afterwards its lines of that year
 * take no new line, payment, reversal or revision. Closing twice is refused.
 */
export function closeFiscalYear(
  uow: UnitOfWork,
  policy: FinancePolicy,
  clock: Clock,
  input: CloseFiscalYearInput,
): Promise<{ ownerUnitId: string; fiscalYear: number }> {
  return uow.run(async (tx) => {
    const action = "close fiscal years";
    policy.requireRole(action, "FINANCE_OFFICER");
    const owner = isUuid(input.ownerUnitId) ? await tx.units.get(input.ownerUnitId) : undefined;
    policy.requireInArea(owner, "Org unit", input.ownerUnitId, "ownerUnitId");
    policy.requireOwnLevel(owner, action);
    const year = checkInt(input.fiscalYear, "fiscalYear", 2000, 2100);
    if (`${year}-12-31` >= clock.today())
      throw badInput(`Fiscal year ${year} is not over yet; close it after ${year}-12-31.`, "fiscalYear");
    if (await tx.budgets.isClosed(owner.id, year))
      throw badInput(`Fiscal year ${year} of ${describeUnit(owner)} is already closed.`, "fiscalYear");
    await tx.budgets.close(owner.id, year, policy.actor);
    return { ownerUnitId: owner.id, fiscalYear: year };
  });
}
