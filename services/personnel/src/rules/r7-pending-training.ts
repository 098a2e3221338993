import { describeUnit, type OrgUnitProjection } from "@grassroots/org-projection/units";
import type { RuleStatusResult } from "@grassroots/events/contracts";
import type { TimeDrivenFigures } from "../domain/rule-status/ports";
import { plural } from "./staffing-requirement";

export const R7_RULE = "R7.pending-training" as const;

/**
 * R7 per unit: an appointee waits PENDING_TRAINING until their pre-post training certificate arrives;
 * longer than PENDING_TRAINING_MAX_DAYS after the post's start date is too long. MET with none waiting
 * too long, NOT_MET with any, NOT_APPLICABLE for a deactivated unit; time-driven like R5. Figures:
 * pendingTooLong, pending (ints), oldestPendingSince (the earliest start among those too long, or
 * null), maxDays (int).
 */
export function pendingTrainingStatus(
  unit: Pick<OrgUnitProjection, "id" | "path" | "name" | "code" | "active">,
  figures: Pick<TimeDrivenFigures, "pending" | "pendingTooLong" | "oldestPendingSince">,
  maxDays: number,
  asOf: Date,
): RuleStatusResult {
  const { pending, pendingTooLong, oldestPendingSince } = figures;
  const status = !unit.active ? "NOT_APPLICABLE" : pendingTooLong > 0 ? "NOT_MET" : "MET";
  return {
    rule: R7_RULE,
    subjectUnitId: unit.id,
    subjectUnitPath: unit.path,
    period: null,
    status,
    figures: { pendingTooLong, pending, oldestPendingSince, maxDays },
    reason: !unit.active
      ? `${describeUnit(unit)} was deactivated; pre-post training waits no longer apply to it.`
      : pendingTooLong > 0
        ? `${describeUnit(unit)} has ${plural(pendingTooLong, "appointee")} waiting for pre-post training longer than ${maxDays} days (the longest since ${oldestPendingSince}).`
        : `${describeUnit(unit)} has no appointee waiting for pre-post training longer than ${maxDays} days (${plural(pending, "post")} pending).`,
    asOf: asOf.toISOString(),
  };
}
