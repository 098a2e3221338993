import { R8_RULE } from "../../rules/r8-funds-on-time-in-full";
import type { FinancePolicy } from "../access-policy";
import type { FinanceServices } from "../ports";
import { checkR8Statuses } from "../r8-status/publish-r8";

/**
 * `republishRuleStatuses` (CITY_ADMIN; also `pnpm republish-rule-statuses`): first every subject is
 * judged as of today (so the ledger holds every current result), then every R8 result goes out again
 * with `republished: true`. Returns how many were republished.
 */
export async function republishRuleStatuses(
  services: FinanceServices,
  policy: FinancePolicy,
): Promise<number> {
  policy.requireRole("republish rule statuses", "CITY_ADMIN");
  await checkR8Statuses(services);
  return services.uow.run((tx) => tx.ruleStatus.republish([R8_RULE]));
}
