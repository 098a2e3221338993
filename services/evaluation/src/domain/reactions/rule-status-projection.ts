import type { RuleStatusData } from "@grassroots/events/contracts";
import type { Transaction } from "../ports";

/**
 * Any service's rule status event → the projection. The store keeps the newest result by `asOf`: a
 * redelivered event (the inbox already drops those), a late or an older one changes nothing; a
 * republished one restores a rebuilt projection (its asOf is when the result became true).
 */
export async function applyRuleStatus(tx: Transaction, data: RuleStatusData): Promise<void> {
  await tx.ruleStatuses.apply(data);
}
