import type { RuleStatusData } from "@grassroots/events/contracts";
import type { Transaction } from "../ports";

/**
 * Any service's rule status event → the projection. The store keeps the subject's latest event (the
 * owner publishes in order, Kafka delivers in order per subject), even when its asOf is earlier: a
 * backdated change is still the newest truth. A redelivered event is dropped by the inbox; a
 * republished one restores a rebuilt projection.
 */
export async function applyRuleStatus(tx: Transaction, data: RuleStatusData): Promise<void> {
  await tx.ruleStatuses.apply(data);
}

/** A consumer batch's rule status events, in their order, as `applyRuleStatus` on each would leave them. */
export async function applyRuleStatuses(tx: Transaction, events: readonly RuleStatusData[]): Promise<void> {
  await tx.ruleStatuses.applyAll(events);
}
