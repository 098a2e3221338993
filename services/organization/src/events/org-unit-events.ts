import type {
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitUpdated,
  RegisterCountSet,
  EventData,
} from "@grassroots/events/contracts";
import type { OrgUnit } from "../domain/org-unit";

/**
 * Contract data of the OrgUnit events, built from a unit's state (no personal data). Commands publish
 * them with `tx.publish(contract, data)`; the Kafka key is the field the contract names (the unit's id).
 */
export function orgUnitState(unit: OrgUnit): EventData<typeof OrgUnitCreated> {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    path: unit.path,
    postEstablished: unit.postEstablished,
    registerCount: unit.registerCount,
    registerAsOf: unit.registerAsOf,
    active: unit.active,
    isSample: unit.isSample,
    version: unit.version,
  };
}

export const orgUnitUpdatedData = (unit: OrgUnit, changed: string[]): EventData<typeof OrgUnitUpdated> => ({
  ...orgUnitState(unit),
  changed,
});

export const orgUnitMovedData = (
  unit: OrgUnit,
  before: OrgUnit,
  descendantsMoved: number,
): EventData<typeof OrgUnitMoved> => ({
  ...orgUnitState(unit),
  previousParentId: before.parentId,
  previousCode: before.code,
  previousPath: before.path,
  descendantsMoved,
});

export const orgUnitDeactivatedData = (
  unit: OrgUnit,
  deactivatedOn: string,
): EventData<typeof OrgUnitDeactivated> => ({
  ...orgUnitState(unit),
  reason: unit.deactivationReason ?? "",
  deactivatedBy: unit.deactivatedBy ?? "",
  deactivatedOn,
});

export const registerCountSetData = (
  unit: OrgUnit,
  previousCount: number | null,
): EventData<typeof RegisterCountSet> => ({ ...orgUnitState(unit), previousCount });
