import { StaffingComplianceChanged } from "@grassroots/events/contracts";
import { complianceState } from "../events/staffing-events";
import { r3TownshipStaffing } from "../rules/r3-township-staffing";
import { r4VillageAndParkStaffing } from "../rules/r4-village-and-park-staffing";
import type { RequirementResult, StaffCounts, StaffingThresholds } from "../rules/staffing-requirement";
import { NO_STAFF } from "../rules/staffing-requirement";
import { POST_KINDS, TOWNSHIP_KINDS, type OrgUnitProjection } from "@grassroots/org-projection/units";
import { R3_RULE, R4_RULE, staffingNotApplicable, staffingStatus } from "../rules/staffing-status";
import type { RecordedCompliance, Transaction } from "./ports";

/** Units some staffing rule covers (R3: township level; R4: parks, communities, villages, gachas). */
export const STAFFED_KINDS = POST_KINDS;

export interface StaffingResult {
  orgUnitId: string;
  compliant: boolean;
  /** Every requirement of R3 or R4 for this kind of unit, met or not. */
  requirements: RequirementResult[];
  /** The requirements that apply and are not met. */
  gaps: RequirementResult[];
  counts: StaffCounts;
}

/** R3 or R4 for one unit; null for a unit no staffing rule covers (city, banner/district). */
export function evaluateStaffing(
  unit: Pick<OrgUnitProjection, "id" | "kind" | "registerCount">,
  counts: StaffCounts = NO_STAFF,
  thresholds: StaffingThresholds,
): StaffingResult | null {
  const subject = { kind: unit.kind, registerCount: unit.registerCount, counts };
  const requirements =
    r3TownshipStaffing(subject, thresholds) ?? r4VillageAndParkStaffing(subject, thresholds);
  if (!requirements) return null;
  const gaps = requirements.filter((r) => r.applies && !r.met);
  return { orgUnitId: unit.id, compliant: gaps.length === 0, requirements, gaps, counts };
}

/**
 * Re-evaluates the units' staffing after a change that may move it (an assignment, a register count,
 * a kind or an activation) and publishes StaffingComplianceChanged for each unit whose compliance
 * flipped. A unit starts without staff, so a unit with no record counts as non-compliant: a new unit
 * is announced only once it becomes compliant. Inactive units are left alone there.
 *
 * Beside it, each unit's R3/R4 rule status goes through the rule-status ledger (published when its
 * status or figures changed; NOT_APPLICABLE once the unit is inactive), as of `asOf` (the change's time).
 */
export async function reevaluateStaffing(
  tx: Transaction,
  orgUnitIds: readonly string[],
  thresholds: StaffingThresholds,
  asOf: Date = new Date(),
): Promise<void> {
  const ids = [...new Set(orgUnitIds)];
  if (ids.length === 0) return;
  const staffed = (await tx.units.getMany(ids)).filter((u) => STAFFED_KINDS.includes(u.kind));
  const ruleOf = (unit: OrgUnitProjection) => (TOWNSHIP_KINDS.includes(unit.kind) ? R3_RULE : R4_RULE);
  const notApplicable = staffed
    .filter((u) => !u.active)
    .map((unit) => staffingNotApplicable(unit, ruleOf(unit), asOf));
  const units = staffed.filter((u) => u.active);
  const unitIds = units.map((u) => u.id);
  const counts = units.length ? await tx.assignments.counts(unitIds) : new Map<string, StaffCounts>();
  const recorded = units.length ? await tx.staffing.recorded(unitIds) : new Map<string, RecordedCompliance>();
  const evaluated = units.map((unit) => ({
    unit,
    result: evaluateStaffing(unit, counts.get(unit.id), thresholds)!,
  }));
  // Set-wise: all the units' rule statuses in one ledger call, then the flips (a batch's units together).
  await tx.ruleStatus.publishAllIfChanged([
    ...notApplicable,
    ...evaluated.map(({ unit, result }) => staffingStatus(unit, result, asOf)),
  ]);
  const changed = evaluated.filter(
    ({ unit, result }) => recorded.get(unit.id)?.compliant !== result.compliant,
  );
  await tx.staffing.recordAll(
    changed.map(({ unit, result }) => ({
      orgUnitId: unit.id,
      compliant: result.compliant,
      gaps: result.gaps,
    })),
  );
  for (const { unit, result } of changed) {
    if ((recorded.get(unit.id)?.compliant ?? false) !== result.compliant) {
      await tx.publish(
        StaffingComplianceChanged,
        complianceState(unit.id, unit.path, result.compliant, result.gaps),
      );
    }
  }
}
