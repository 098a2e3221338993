import { assertVersion, badInput, checkNotFuture } from "@grassroots/kit";
import { orgUnitUpdated } from "../../events/org-unit-events";
import { requiresStatisticsPost } from "../../rules/r1-statistics-posts";
import type { ChangePolicy } from "../access-policy";
import { checkKindFitsCode } from "../division-code";
import { checkChildKind } from "../hierarchy";
import { describe, type OrgUnit, type OrgUnitKind, type OrgUnitPatch } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import { checkName } from "../values";
import { lockUnit, requireActive } from "./common";

export interface UpdateOrgUnitInput {
  id: string;
  expectedVersion: number;
  name?: string;
  /** Only within the code's range (TOWNSHIP ↔ SUMU, VILLAGE ↔ GACHA, DISTRICT ↔ BANNER). */
  kind?: OrgUnitKind;
  postEstablished?: boolean;
  postEstablishedOn?: string | null;
}

export function updateOrgUnit(
  uow: UnitOfWork,
  policy: ChangePolicy,
  clock: Clock,
  input: UpdateOrgUnitInput,
) {
  return uow.run((tx) => updateOrgUnitIn(tx, policy, clock, input));
}

export async function updateOrgUnitIn(
  tx: Transaction,
  policy: ChangePolicy,
  clock: Clock,
  input: UpdateOrgUnitInput,
): Promise<OrgUnit> {
  const name = input.name === undefined ? undefined : checkName(input.name);
  if (input.postEstablishedOn) checkNotFuture(input.postEstablishedOn, "postEstablishedOn", clock);
  const unit = await lockUnit(tx, input.id);
  if (name !== undefined || input.kind !== undefined)
    policy.structural(unit, "rename units or change their kind");
  if (input.postEstablished !== undefined || input.postEstablishedOn !== undefined) {
    policy.data(unit, "record statistics posts");
  }
  assertVersion(`Org unit ${describe(unit)}`, unit.version, input.expectedVersion);
  requireActive(unit);

  const patch: OrgUnitPatch = {};
  if (name !== undefined && name !== unit.name) patch.name = name;
  if (input.kind !== undefined && input.kind !== unit.kind) {
    checkKindFitsCode(input.kind, unit.code);
    const parent = unit.parentId ? await tx.units.get(unit.parentId) : undefined;
    if (parent) checkChildKind(parent, input.kind);
    patch.kind = input.kind;
  }
  const established = input.postEstablished ?? unit.postEstablished;
  if (established && !requiresStatisticsPost(patch.kind ?? unit.kind)) {
    throw badInput(
      `R1 statistics posts are recorded for township- and village-level units, not a ${patch.kind ?? unit.kind}.`,
      "postEstablished",
    );
  }
  if (input.postEstablished !== undefined && input.postEstablished !== unit.postEstablished) {
    patch.postEstablished = input.postEstablished;
  }
  const establishedOn = established
    ? input.postEstablishedOn === undefined
      ? unit.postEstablishedOn
      : input.postEstablishedOn
    : null;
  if (establishedOn !== unit.postEstablishedOn) patch.postEstablishedOn = establishedOn;

  const changed = Object.keys(patch);
  if (changed.length === 0) return unit;
  const updated = await tx.units.update(unit.id, patch);
  await tx.publish(orgUnitUpdated(updated, changed));
  return updated;
}
