import { badInput, notFoundInArea } from "@grassroots/kit/errors";
import { isUuid } from "@grassroots/kit/validation";
import { describeUnit } from "@grassroots/org-projection/units";
import type { FinancePolicy } from "../access-policy";
import type { BudgetLine } from "../budget";
import type { OrgUnitRef, Transaction } from "../ports";

export const BUDGET_LINE = "Budget line";

/**
 * Steps 2–3 for a command on a line: locks it, NOT_FOUND (worded as a missing one) unless its owner
 * or beneficiary lies in the caller's area, then FORBIDDEN unless the caller acts for its owner.
 */
export async function ownedLine(
  tx: Transaction,
  policy: FinancePolicy,
  lineId: string,
  action: string,
  field = "lineId",
): Promise<{ line: BudgetLine; owner: OrgUnitRef }> {
  const line = isUuid(lineId) ? await tx.budgets.lock(lineId) : undefined;
  if (!line) throw notFoundInArea(BUDGET_LINE, lineId, field);
  const owner = await tx.units.get(line.ownerUnitId);
  const beneficiary = line.terms.beneficiaryUnitId
    ? await tx.units.get(line.terms.beneficiaryUnitId)
    : undefined;
  try {
    policy.requireInArea(owner, BUDGET_LINE, lineId, field);
  } catch (error) {
    if (!beneficiary) throw error;
    policy.requireInArea(beneficiary, BUDGET_LINE, lineId, field);
  }
  policy.requireOwnLevel(owner!, action);
  return { line, owner: owner! };
}

/** A closed fiscal year takes no new line, disbursement, reversal or revision. */
export async function requireOpenYear(tx: Transaction, owner: OrgUnitRef, year: number, field: string) {
  if (await tx.budgets.isClosed(owner.id, year))
    throw badInput(
      `Fiscal year ${year} of ${describeUnit(owner)} is closed; it takes no new line, payment, reversal or revision.`,
      field,
    );
}
