import { RegisterCountSet } from "@grassroots/events/contracts";
import { assertVersion } from "@grassroots/kit/errors";
import { checkInt, checkNotFuture } from "@grassroots/kit/validation";
import { registerCountSetData } from "../../events/org-unit-events";
import { unitTarget, type ChangePolicy } from "../access-policy";
import { describe, type OrgUnit } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import { lockUnit, oncePerRequest, requireActive, type Retryable } from "./common";

export interface SetRegisterCountInput {
  id: string;
  expectedVersion: number;
  /** Units in the basic-unit register (基本单位名录库) of the area; drives R3's 1,500 threshold. */
  count: number;
  asOf: string;
}

export function setRegisterCount(
  uow: UnitOfWork,
  policy: ChangePolicy,
  clock: Clock,
  input: SetRegisterCountInput & Retryable,
) {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "setRegisterCount", actorId: policy.actorId, input },
      () => setRegisterCountIn(tx, policy, clock, input),
      (unit) => unit.id,
      (id) => tx.units.get(id),
    ),
  );
}

/**
 * Every count goes into the history; the unit shows the latest by business date, so a late entry for
 * an earlier date is kept without replacing a newer count.
 */
export async function setRegisterCountIn(
  tx: Transaction,
  policy: ChangePolicy,
  clock: Clock,
  input: SetRegisterCountInput,
): Promise<OrgUnit> {
  const unit = policy.data(await lockUnit(tx, input.id), unitTarget(input.id), "set register counts");
  checkInt(input.count, "count", 0, 10_000_000);
  checkNotFuture(input.asOf, "asOf", clock);
  assertVersion(`Org unit ${describe(unit)}`, unit.version, input.expectedVersion);
  requireActive(unit);
  await tx.units.addRegisterCount({
    orgUnitId: unit.id,
    count: input.count,
    asOf: input.asOf,
    recordedBy: policy.actorId,
    recordedByName: policy.actorName,
  });
  const latest = unit.registerAsOf === null || input.asOf >= unit.registerAsOf;
  const updated = await tx.units.update(
    unit.id,
    latest ? { registerCount: input.count, registerAsOf: input.asOf } : {},
  );
  await tx.publish(RegisterCountSet, registerCountSetData(updated, unit.registerCount));
  return updated;
}
