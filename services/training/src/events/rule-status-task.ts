import type { PeriodicTask } from "@grassroots/events";
import type { TrainingServices } from "../domain/ports";
import { checkedYears, publishCoverageStatuses } from "../domain/rule-status/publish-coverage";

export const RULE_STATUS_TASK = "training-r6-rule-status";

/**
 * R6's results move with sessions, results, personnel's posts and the calendar: every
 * RULE_STATUS_CHECK_EVERY_MS (and once at start) the current and the previous year are computed for
 * every city and banner in one transaction, and the results that changed are published.
 */
export function ruleStatusTask(
  services: Pick<TrainingServices, "uow" | "clock" | "ruleStatus">,
): PeriodicTask {
  const { uow, clock, ruleStatus } = services;
  return {
    name: RULE_STATUS_TASK,
    everyMs: ruleStatus.checkEveryMs,
    async run() {
      await uow.run((tx) => publishCoverageStatuses(tx, clock, ruleStatus, checkedYears(clock)));
    },
  };
}
