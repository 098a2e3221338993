import {
  OrgUnitCreated,
  OrgUnitDeactivated,
  OrgUnitMoved,
  OrgUnitUpdated,
  RegisterCountSet,
  type EventData,
} from "@grassroots/events";
import type { OrgUnit } from "../domain/org-unit";
import { outgoing } from "./outgoing-event";

/** The unit's state as other services project it (no personal data). */
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

export const orgUnitCreated = (unit: OrgUnit) => outgoing(OrgUnitCreated, orgUnitState(unit), unit.id);

export const orgUnitUpdated = (unit: OrgUnit, changed: string[]) =>
  outgoing(OrgUnitUpdated, { ...orgUnitState(unit), changed }, unit.id);

export const orgUnitMoved = (unit: OrgUnit, before: OrgUnit, descendantsMoved: number) =>
  outgoing(
    OrgUnitMoved,
    {
      ...orgUnitState(unit),
      previousParentId: before.parentId,
      previousCode: before.code,
      previousPath: before.path,
      descendantsMoved,
    } satisfies EventData<typeof OrgUnitMoved>,
    unit.id,
  );

export const orgUnitDeactivated = (unit: OrgUnit, deactivatedOn: string) =>
  outgoing(
    OrgUnitDeactivated,
    {
      ...orgUnitState(unit),
      reason: unit.deactivationReason ?? "",
      deactivatedBy: unit.deactivatedBy ?? "",
      deactivatedOn,
    },
    unit.id,
  );

export const registerCountSet = (unit: OrgUnit, previousCount: number | null) =>
  outgoing(RegisterCountSet, { ...orgUnitState(unit), previousCount }, unit.id);
