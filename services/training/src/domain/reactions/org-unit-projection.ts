import type { EventData, OrgUnitCreated } from "@grassroots/events/contracts";
import type { OrgUnitRef } from "../directory";
import type { Transaction } from "../ports";

/** The part of organization's unit state training keeps (every org-unit event carries the full state). */
export function orgUnitRefOf(state: EventData<typeof OrgUnitCreated>): OrgUnitRef {
  const { id, code, name, kind, parentId, path, active, version } = state;
  return { id, code, name, kind, parentId, path, active, version };
}

/**
 * Any org-unit event (created, updated, moved — one event per descendant whose path changed —,
 * deactivated, register count set): keep the newer state. Sessions follow their organizer's path.
 */
export async function applyOrgUnitState(tx: Transaction, unit: OrgUnitRef): Promise<void> {
  await tx.units.apply(unit);
}
