import type { PeriodicTask } from "@grassroots/events";
import type { PersonnelServices } from "../domain/ports";
import { publishTimeDrivenStatuses } from "../domain/rule-status/time-driven";

export const RULE_STATUS_TASK = "personnel-time-driven-rule-status";

/**
 * R5 and R7 change because days pass: every RULE_STATUS_CHECK_EVERY_MS (and once at start, which is
 * also the backfill of a database that predates the ledger) every staffed unit's result is computed as
 * of the service clock's date, in one transaction, and the ones that changed are published.
 */
export function ruleStatusTask(
  services: Pick<PersonnelServices, "uow" | "clock" | "settings">,
): PeriodicTask {
  const { uow, clock, settings } = services;
  return {
    name: RULE_STATUS_TASK,
    everyMs: settings.ruleStatusCheckEveryMs,
    async run() {
      await uow.run((tx) => publishTimeDrivenStatuses(tx, clock, settings));
    },
  };
}
