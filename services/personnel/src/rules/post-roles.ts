import { badInput } from "@grassroots/kit/errors";
import type { StatisticianRole } from "../domain/assignment";
import { describeUnit, type OrgUnitKind, type OrgUnitProjection } from "@grassroots/org-projection/units";

/** The statistics liaison (统计联络员) of a village or gacha: what R4 counts there. */
export const LIAISON = "LIAISON" satisfies StatisticianRole;

/**
 * Which posts a kind of unit may hold (R3, R4): township-level units, parks and communities have
 * FULL_TIME or PART_TIME statisticians; a statistics liaison (LIAISON, 统计联络员) belongs to a village or
 * gacha, and a village or gacha holds liaisons only. City and banner bureaus hold no grassroots posts.
 */
export const ROLES_BY_KIND: Partial<Record<OrgUnitKind, readonly StatisticianRole[]>> = {
  SUBDISTRICT: ["FULL_TIME", "PART_TIME"],
  TOWN: ["FULL_TIME", "PART_TIME"],
  TOWNSHIP: ["FULL_TIME", "PART_TIME"],
  SUMU: ["FULL_TIME", "PART_TIME"],
  PARK: ["FULL_TIME", "PART_TIME"],
  COMMUNITY: ["FULL_TIME", "PART_TIME"],
  VILLAGE: ["LIAISON"],
  GACHA: ["LIAISON"],
};

export function checkRoleForUnit(
  unit: Pick<OrgUnitProjection, "kind" | "name" | "code">,
  role: StatisticianRole,
  field = "role",
): void {
  const allowed = ROLES_BY_KIND[unit.kind];
  if (!allowed) {
    throw badInput(
      `${describeUnit(unit)} is a ${unit.kind}: grassroots statistics posts are held at township level, in parks and at village level.`,
      "orgUnitId",
    );
  }
  if (allowed.includes(role)) return;
  throw badInput(
    role === "LIAISON"
      ? `A LIAISON (统计联络员) belongs to a village or gacha; ${describeUnit(unit)} is a ${unit.kind}, which takes ${allowed.join(" or ")}.`
      : `A ${unit.kind} such as ${describeUnit(unit)} takes ${allowed.join(" or ")}, not ${role}.`,
    field,
  );
}
