import type { EvaluationPolicy } from "../access-policy";
import type { UnitOfWork } from "../ports";

/**
 * Every current result of evaluation's own rules (R11 per banner and year, R13 per unit) published
 * again with `republished: true`, for a new consumer or a rebuilt projection. CITY_ADMIN only (or the
 * CLI). Returns how many results went out.
 */
export function republishRuleStatuses(uow: UnitOfWork, policy: EvaluationPolicy): Promise<number> {
  policy.requireRole("republish rule statuses", "CITY_ADMIN");
  return uow.run((tx) => tx.ruleStatus.republish(["R11.meeting-problems", "R13.rectification"]));
}
