import { OrgUnitCreated } from "@grassroots/events/contracts";
import { badInput } from "@grassroots/kit/errors";
import { checkNotFuture } from "@grassroots/kit/validation";
import { orgUnitState } from "../../events/org-unit-events";
import { unitTarget, type ChangePolicy } from "../access-policy";
import { checkCodeFormat } from "../division-code";
import { checkPlacement } from "../hierarchy";
import { pathOf, type OrgUnit, type OrgUnitKind } from "../org-unit";
import type { Clock, Transaction, UnitOfWork } from "../ports";
import { requiresStatisticsPost } from "../../rules/r1-statistics-posts";
import { checkName } from "../values";
import { publishPostStatus } from "../rule-status/publish-rule-status";
import { lockUnit, newUnitId, oncePerRequest, requireCodeFree, type Retryable } from "./common";

export interface CreateOrgUnitInput {
  /** Null only for a CITY (the import creates those; GraphQL always names a parent). */
  parentId: string | null;
  code: string;
  name: string;
  /** Inferred from the code (and name) when absent. */
  kind?: OrgUnitKind;
  postEstablished?: boolean;
  postEstablishedOn?: string | null;
  isSample?: boolean;
}

export function createOrgUnit(
  uow: UnitOfWork,
  policy: ChangePolicy,
  clock: Clock,
  input: CreateOrgUnitInput & Retryable,
) {
  return uow.run((tx) =>
    oncePerRequest(
      tx,
      { operation: "createOrgUnit", actorId: policy.actorId, input },
      () => createOrgUnitIn(tx, policy, clock, input),
      (unit) => unit.id,
      (id) => tx.units.get(id),
    ),
  );
}

/**
 * Everything createOrgUnitIn checks before it writes, given the parent the input names (null: none,
 * undefined: not found): the policy (role, then area), then the input. Pure, so the division import's
 * bulk path checks its rows with the same rules and words. Returns the parent, the name and the kind.
 */
export function checkNewUnit(
  policy: ChangePolicy,
  clock: Clock,
  found: OrgUnit | undefined | null,
  input: CreateOrgUnitInput,
): { parent: OrgUnit | null; name: string; kind: OrgUnitKind } {
  const parent = policy.createUnder(found, unitTarget(input.parentId ?? "", "parentId"), {
    code: input.code,
    kind: input.kind,
  });
  checkCodeFormat(input.code);
  const name = checkName(input.name);
  if (input.postEstablishedOn) checkNotFuture(input.postEstablishedOn, "postEstablishedOn", clock);
  const kind = checkPlacement(parent, input.code, name, input.kind);
  if (input.postEstablished && !requiresStatisticsPost(kind)) {
    throw badInput(
      `R1 statistics posts are recorded for township- and village-level units, not a ${kind}.`,
      "postEstablished",
    );
  }
  return { parent, name, kind };
}

/**
 * The command inside a caller's transaction (the import runs many in one batch). The parent is
 * resolved and checked (role, then area) before the code or anything else in the input is looked at.
 */
export async function createOrgUnitIn(
  tx: Transaction,
  policy: ChangePolicy,
  clock: Clock,
  input: CreateOrgUnitInput,
): Promise<OrgUnit> {
  const { parent, name, kind } = checkNewUnit(
    policy,
    clock,
    input.parentId === null ? null : await lockUnit(tx, input.parentId),
    input,
  );
  const id = await newUnitId(tx, input.code);
  const path = pathOf(parent?.path ?? null, id);
  await requireCodeFree(tx, input.code);
  const unit = await tx.units.insert({
    id,
    code: input.code,
    name,
    kind,
    parentId: parent?.id ?? null,
    path,
    depth: parent ? parent.depth + 1 : 0,
    postEstablished: input.postEstablished ?? false,
    postEstablishedOn: input.postEstablished ? (input.postEstablishedOn ?? null) : null,
    isSample: input.isSample ?? false,
  });
  await tx.publish(OrgUnitCreated, orgUnitState(unit));
  await publishPostStatus(tx, unit);
  return unit;
}
