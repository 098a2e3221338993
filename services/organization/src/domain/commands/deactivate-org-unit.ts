import { OrgUnitDeactivated } from "@grassroots/events/contracts";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import { checkText } from "@grassroots/kit/validation";
import { orgUnitDeactivatedData } from "../../events/org-unit-events";
import { unitTarget, type ChangePolicy } from "../access-policy";
import { describe, type OrgUnit } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import { publishPostStatus } from "../rule-status/publish-rule-status";
import { lockUnit, oncePerRequest, requireActive, type Retryable } from "./common";

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
  input: DeactivateOrgUnitInput & Retryable,
) {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "deactivateOrgUnit", actorId: policy.actorId, input },
      () => deactivateOrgUnitIn(tx, policy, clock, input),
      (unit) => unit.id,
      (id) => tx.units.get(id),
    ),
  );
}

export async function deactivateOrgUnitIn(
  tx: Transaction,
  policy: ChangePolicy,
  clock: Clock,
  input: DeactivateOrgUnitInput,
): Promise<OrgUnit> {
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
  await publishPostStatus(tx, updated);
  return updated;
}
