import { OrgUnitMoved, OrgUnitUpdated } from "@grassroots/events/contracts";
import { assertVersion, badInput, conflict } from "@grassroots/kit/errors";
import { orgUnitMovedData, orgUnitUpdatedData } from "../../events/org-unit-events";
import { unitTarget, type ChangePolicy } from "../access-policy";
import { checkCodeFormat, recode, significantPrefix } from "../division-code";
import { checkPlacement } from "../hierarchy";
import { describe, pathOf, type OrgUnit } from "../org-unit";
import type { Transaction, UnitOfWork } from "../ports";
import { publishMovedUnitStatuses } from "../rule-status/publish-rule-status";
import { lockUnit, requireActive, requireCodeFree } from "./common";

export interface MoveOrgUnitInput {
  id: string;
  expectedVersion: number;
  newParentId: string;
  /** The unit's code under its new parent; descendants' codes follow (their own digits are kept). */
  newCode: string;
}

export interface MoveResult {
  unit: OrgUnit;
  descendantsMoved: number;
}

export function moveOrgUnit(uow: UnitOfWork, policy: ChangePolicy, input: MoveOrgUnitInput) {
  return uow.run((tx) => moveOrgUnitIn(tx, policy, input));
}

/**
 * Moves a unit under a new parent with a new code, rewriting every descendant's code and path in the
 * same transaction. Levels never change (a township moves to another banner, a village to another
 * township), so depths stay as they are.
 */
export async function moveOrgUnitIn(
  tx: Transaction,
  policy: ChangePolicy,
  input: MoveOrgUnitInput,
): Promise<MoveResult> {
  const unit = policy.structural(await lockUnit(tx, input.id), unitTarget(input.id), "move units");
  // In the area, the moved unit lands strictly below the caller's home unit: the same rights hold there.
  const parent = policy.inArea(
    await lockUnit(tx, input.newParentId),
    unitTarget(input.newParentId, "newParentId"),
  );
  checkCodeFormat(input.newCode, "newCode");
  if (parent.path.startsWith(unit.path)) {
    throw badInput(
      `Moving ${describe(unit)} under ${describe(parent)} would create a cycle: ${parent.name} lies inside ${unit.name}'s own subtree.`,
      "newParentId",
    );
  }
  const newPath = pathOf(parent.path, unit.id);
  assertVersion(`Org unit ${describe(unit)}`, unit.version, input.expectedVersion);
  requireActive(unit);
  checkPlacement(parent, input.newCode, unit.name, unit.kind, {
    code: "newCode",
    parent: "newParentId",
    kind: "kind",
  });
  if (parent.id === unit.parentId && input.newCode === unit.code) return { unit, descendantsMoved: 0 };
  if (input.newCode !== unit.code) await requireCodeFree(tx, input.newCode, "newCode");

  const oldPrefix = significantPrefix(unit.code);
  const newPrefix = significantPrefix(input.newCode);
  const descendants = await tx.units.lockDescendants(unit.path);
  if (oldPrefix !== newPrefix) {
    const clashes = await tx.units.codesWithPrefixOutside(newPrefix, unit.path);
    if (clashes.length) {
      throw conflict(
        `Codes starting with ${newPrefix} are already used by other units (${clashes.slice(0, 5).join(", ")}); choose another code.`,
        {
          field: "newCode",
        },
      );
    }
  }

  const moved = await tx.units.relocate(unit.id, { parentId: parent.id, code: input.newCode, path: newPath });
  await tx.publish(OrgUnitMoved, orgUnitMovedData(moved, unit, descendants.length));
  await publishMovedUnitStatuses(tx, moved);
  for (const d of descendants) {
    const after = await tx.units.relocate(d.id, {
      parentId: d.parentId,
      code: recode(d.code, oldPrefix, newPrefix),
      path: newPath + d.path.slice(unit.path.length),
    });
    const changed = [...(after.path !== d.path ? ["path"] : []), ...(after.code !== d.code ? ["code"] : [])];
    await tx.publish(OrgUnitUpdated, orgUnitUpdatedData(after, changed));
    await publishMovedUnitStatuses(tx, after);
  }
  return { unit: moved, descendantsMoved: descendants.length };
}
