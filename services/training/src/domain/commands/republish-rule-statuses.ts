import { R6_BANNER_RULE, R6_CITY_RULE } from "../../rules/r6-rule-status";
import type { TrainingPolicy } from "../access-policy";
import type { Clock } from "@grassroots/kit/validation";
import type { UnitOfWork } from "../ports";
import type { RuleStatusSettings } from "../rule-status/ports";
import { checkedYears, publishCoverageStatuses } from "../rule-status/publish-coverage";

/**
 * Republishes the current R6 result of every city and banner and year (`republished: true`), for a new
 * consumer or a rebuilt projection (CITY_ADMIN, or the command-line tool). Every year from the first
 * completed session on is computed first, so a database that predates the ledger is complete after one
 * run. Returns how many it republished.
 */
export function republishRuleStatuses(
  uow: UnitOfWork,
  policy: TrainingPolicy,
  clock: Clock,
  settings: RuleStatusSettings,
): Promise<number> {
  policy.cityDecision("republish rule statuses");
  return uow.run(async (tx) => {
    const [previous, current] = checkedYears(clock);
    const first = Math.min((await tx.ruleSubjects.firstCompletedYear()) ?? previous, previous);
    const years = Array.from({ length: current - first + 1 }, (_, i) => first + i);
    await publishCoverageStatuses(tx, clock, settings, years);
    return tx.ruleStatus.republish([R6_CITY_RULE, R6_BANNER_RULE]);
  });
}
