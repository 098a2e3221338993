import { OrgUnitDeactivated } from "@grassroots/events";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import { checkText } from "@grassroots/kit/validation";
import { orgUnitDeactivatedData } from "../../events/org-unit-events";
import { unitTarget, type ChangePolicy } from "../access-policy";
import { describe, type OrgUnit } from "../org-unit";
import type { Clock, UnitOfWork } from "../ports";
import { lockUnit, requireActive } from "./common";

export interface DeactivateOrgUnitInput {
  id: string;
  expectedVersion: number;
  reason: string;
}

/** Units are never deleted: they are deactivated with who, when and why; only leaves (no active children). */
export function deactivateOrgUnit(
  uow: UnitOfWork,
  policy: ChangePolicy,
  clock: Clock,
  input: DeactivateOrgUnitInput,
) {
  return uow.run(async (tx): Promise<OrgUnit> => {
    const unit = policy.structural(await lockUnit(tx, input.id), unitTarget(input.id), "deactivate units");
    const reason = checkText(input.reason, "reason", 500);
    assertVersion(`Org unit ${describe(unit)}`, unit.version, input.expectedVersion);
    requireActive(unit);
    const children = await tx.units.countActiveChildren(unit.id);
    if (children > 0) {
      throw badInput(
        `${describe(unit)} still has ${children} active child unit(s); deactivate or move them first.`,
        "id",
      );
    }
    const updated = await tx.units.update(unit.id, {
      active: false,
      deactivatedAt: clock.now(),
      deactivatedBy: policy.actorId,
      deactivatedByName: policy.actorName,
      deactivationReason: reason,
    });
    await tx.publish(OrgUnitDeactivated, orgUnitDeactivatedData(updated, clock.today()));
    return updated;
  });
}
