import { R1_RULE } from "../../rules/r1-statistics-posts";
import { R2_RULE } from "../../rules/r2-standardization";
import type { ChangePolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";
import { backfillRuleStatuses } from "../rule-status/publish-rule-status";

/**
 * Republishes the current R1 and R2 result of every subject (`republished: true`), for a new consumer
 * or a rebuilt projection (CITY_ADMIN, or the command-line tool). Every result is computed first, so a
 * database that predates the ledger is complete after one run. Returns how many it republished.
 */
export function republishRuleStatuses(uow: UnitOfWork, policy: ChangePolicy): Promise<number> {
  policy.cityDecision("republish rule statuses");
  return uow.run(async (tx) => {
    await backfillRuleStatuses(tx);
    return tx.ruleStatus.republish([R1_RULE, R2_RULE]);
  });
}
