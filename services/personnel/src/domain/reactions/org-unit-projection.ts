import type { EventData, OrgUnitCreated } from "@grassroots/events";
import { depthOfPath, type OrgUnitView } from "../org-unit";
import type { PersonnelSettings, Transaction } from "../ports";
import { reevaluateStaffing } from "../staffing";

/** The part of organization's unit state personnel keeps (every org-unit event carries the full state). */
export function orgUnitViewOf(state: EventData<typeof OrgUnitCreated>): OrgUnitView {
  return {
    id: state.id,
    code: state.code,
    name: state.name,
    kind: state.kind,
    parentId: state.parentId,
    path: state.path,
    depth: depthOfPath(state.path),
    registerCount: state.registerCount,
    active: state.active,
    version: state.version,
  };
}

/**
 * Any org-unit event (created, updated, moved, deactivated, register count set): keep the newer state.
 * A redelivered or late event (version not newer) changes nothing. When the register count, kind or
 * active flag changed, the unit's staffing is re-evaluated: a count rising to the R3 threshold can make a
 * township non-compliant (and a flip is published) with no human action.
 */
export async function applyOrgUnitState(
  tx: Transaction,
  view: OrgUnitView,
  settings: PersonnelSettings,
): Promise<boolean> {
  const { applied, before } = await tx.units.apply(view);
  if (!applied) return false;
  const staffingMoved =
    !before ||
    before.registerCount !== view.registerCount ||
    before.kind !== view.kind ||
    before.active !== view.active;
  if (staffingMoved) await reevaluateStaffing(tx, [view.id], settings.thresholds);
  return true;
}
