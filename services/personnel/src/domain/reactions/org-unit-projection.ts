import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { PersonnelSettings, Transaction } from "../ports";
import { reevaluateStaffing } from "../staffing";

/**
 * After newer states of units were applied to the projection (any org-unit event: created, updated,
 * moved, deactivated, register count set): the units whose register count, kind or active flag changed
 * have their staffing re-evaluated, together — a count rising to the R3 threshold can make a township
 * non-compliant (and a flip is published) with no human action. A moved unit (its path) too: its R3/R4
 * rule status carries the path. `asOf` is when the change arrived. A consumer's batch hands its units
 * over at once, so a national tree's backlog costs a few statements per batch, not per unit.
 */
export async function afterOrgUnitsApplied(
  tx: Transaction,
  changes: readonly { view: OrgUnitProjection; before: OrgUnitProjection | undefined }[],
  settings: PersonnelSettings,
  asOf?: Date,
): Promise<void> {
  const moved = changes.filter(
    ({ view, before }) =>
      !before ||
      before.registerCount !== view.registerCount ||
      before.kind !== view.kind ||
      before.active !== view.active ||
      before.path !== view.path,
  );
  if (moved.length)
    await reevaluateStaffing(
      tx,
      moved.map((c) => c.view.id),
      settings.thresholds,
      asOf,
    );
}

/**
 * Keeps the newer state (a redelivered or late event, version not newer, changes nothing), then
 * reacts as the consumer does; for the seed's tests and tools that feed states directly.
 */
export async function applyOrgUnitState(
  tx: Transaction,
  view: OrgUnitProjection,
  settings: PersonnelSettings,
): Promise<boolean> {
  const { applied, before } = await tx.units.apply(view);
  if (applied) await afterOrgUnitsApplied(tx, [{ view, before }], settings);
  return applied;
}
