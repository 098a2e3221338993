import { OrgUnitUpdated } from "@grassroots/events/contracts";
import { assertVersion, badInput } from "@grassroots/kit/errors";
import { checkNotFuture } from "@grassroots/kit/validation";
import { orgUnitUpdatedData } from "../../events/org-unit-events";
import { requiresStatisticsPost } from "../../rules/r1-statistics-posts";
import { unitTarget, type ChangePolicy } from "../access-policy";
import { checkKindFitsCode } from "../division-code";
import { checkChildKind } from "../hierarchy";
import { describe, type OrgUnit, type OrgUnitKind, type OrgUnitPatch } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import { checkName } from "../values";
import { publishPostStatus } from "../rule-status/publish-rule-status";
import { lockUnit, oncePerRequest, requireActive, type Retryable } from "./common";

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
  input: UpdateOrgUnitInput & Retryable,
) {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "updateOrgUnit", actorId: policy.actorId, input },
      () => updateOrgUnitIn(tx, policy, clock, input),
      (unit) => unit.id,
      (id) => tx.units.get(id),
    ),
  );
}

export async function updateOrgUnitIn(
  tx: Transaction,
  policy: ChangePolicy,
  clock: Clock,
  input: UpdateOrgUnitInput,
): Promise<OrgUnit> {
  const found = await lockUnit(tx, input.id);
  // A new kind must fit under the parent: read it first, so the checks themselves stay pure.
  const parent =
    found?.parentId && input.kind !== undefined && input.kind !== found.kind
      ? await tx.units.get(found.parentId)
      : undefined;
  const { unit, patch } = checkUpdate(policy, clock, found, parent, input);
  const changed = Object.keys(patch);
  if (changed.length === 0) return unit;
  const updated = await tx.units.update(unit.id, patch);
  await tx.publish(OrgUnitUpdated, orgUnitUpdatedData(updated, changed));
  await publishPostStatus(tx, updated);
  return updated;
}

/**
 * Everything updateOrgUnitIn checks, given the unit the input names (undefined: not found) and its
 * parent (needed only for a new kind): the policy, then the input. Pure, so the division import's bulk
 * path checks its rows with the same rules and words. Returns the unit and the patch (empty: unchanged).
 */
export function checkUpdate(
  policy: ChangePolicy,
  clock: Clock,
  found: OrgUnit | undefined,
  parent: OrgUnit | undefined,
  input: UpdateOrgUnitInput,
): { unit: OrgUnit; patch: OrgUnitPatch } {
  // Renaming or a kind is structural (and covers the post's rights); anything else, even an empty
  // change, is data: it still needs a role that may change and a unit in the caller's area.
  const unit =
    input.name !== undefined || input.kind !== undefined
      ? policy.structural(found, unitTarget(input.id), "rename units or change their kind")
      : policy.data(found, unitTarget(input.id), "record statistics posts");
  const name = input.name === undefined ? undefined : checkName(input.name);
  if (input.postEstablishedOn) checkNotFuture(input.postEstablishedOn, "postEstablishedOn", clock);
  assertVersion(`Org unit ${describe(unit)}`, unit.version, input.expectedVersion);
  requireActive(unit);

  const patch: OrgUnitPatch = {};
  if (name !== undefined && name !== unit.name) patch.name = name;
  if (input.kind !== undefined && input.kind !== unit.kind) {
    checkKindFitsCode(input.kind, unit.code);
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
  return { unit, patch };
}
