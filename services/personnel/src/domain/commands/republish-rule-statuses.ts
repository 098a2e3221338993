import { R5_RULE } from "../../rules/r5-filing-timeliness";
import { R7_RULE } from "../../rules/r7-pending-training";
import { R3_RULE, R4_RULE } from "../../rules/staffing-status";
import type { PersonnelPolicy } from "../access-policy";
import type { Clock, PersonnelSettings, UnitOfWork } from "../ports";
import { publishTimeDrivenStatuses } from "../rule-status/time-driven";
import { reevaluateStaffing, STAFFED_KINDS } from "../staffing";

export const PERSONNEL_RULES = [R3_RULE, R4_RULE, R5_RULE, R7_RULE] as const;

/**
 * Republishes the current R3, R4, R5 and R7 result of every staffed unit (`republished: true`), for a
 * new consumer or a rebuilt projection (CITY_ADMIN, or the command-line tool). Every result is computed
 * first (staffing re-evaluated, the time-driven rules checked), so a database that predates the ledger
 * is complete after one run. Returns how many it republished.
 */
export function republishRuleStatuses(
  uow: UnitOfWork,
  policy: PersonnelPolicy,
  clock: Clock,
  settings: PersonnelSettings,
): Promise<number> {
  policy.cityDecision("republish rule statuses");
  return uow.run(async (tx) => {
    const ids = await tx.ruleSubjects.unitIdsOfKinds(STAFFED_KINDS);
    await reevaluateStaffing(tx, ids, settings.thresholds, clock.now());
    await publishTimeDrivenStatuses(tx, clock, settings);
    return tx.ruleStatus.republish(PERSONNEL_RULES);
  });
}
