import { badInput } from "@grassroots/kit/errors";
import { checkChildCode, checkKindFitsCode, inferKind, levelOfCode } from "./division-code";
import { describe, levelOfKind, type OrgUnit, type OrgUnitKind } from "./org-unit";

/**
 * Which kinds may sit directly under which. A PARK (工业园区/经济开发区) takes the same village-level
 * children as a township: NBS codes give development zones their own 居委会 (001–199) and
 * 村委会 (200–399), and R1/R4 ask for a post in each of them.
 */
export const CHILD_KINDS: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  CITY: ["DISTRICT", "BANNER"],
  DISTRICT: ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU", "PARK"],
  BANNER: ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU", "PARK"],
  SUBDISTRICT: ["COMMUNITY", "VILLAGE", "GACHA"],
  TOWN: ["COMMUNITY", "VILLAGE", "GACHA"],
  TOWNSHIP: ["COMMUNITY", "VILLAGE", "GACHA"],
  SUMU: ["COMMUNITY", "VILLAGE", "GACHA"],
  PARK: ["COMMUNITY", "VILLAGE", "GACHA"],
  COMMUNITY: [],
  VILLAGE: [],
  GACHA: [],
};

export function checkChildKind(
  parent: Pick<OrgUnit, "kind" | "name" | "code">,
  kind: OrgUnitKind,
  field = "kind",
): void {
  const allowed = CHILD_KINDS[parent.kind];
  if (allowed.includes(kind)) return;
  throw badInput(
    allowed.length
      ? `A ${kind} cannot be placed under ${parent.kind} ${describe(parent)}; a ${parent.kind} takes ${allowed.join(", ")}.`
      : `${parent.kind} ${describe(parent)} is at village level and takes no children.`,
    field,
  );
}

/**
 * Everything that must hold for a unit with this code and kind to sit under this parent (or at the
 * root when there is none). Returns the kind, inferred from the code when not given.
 */
export function checkPlacement(
  parent: Pick<OrgUnit, "kind" | "name" | "code" | "active"> | null,
  code: string,
  name: string,
  kind: OrgUnitKind | undefined,
  fields: PlacementFields = { code: "code", parent: "parentId", kind: "kind" },
): OrgUnitKind {
  const level = levelOfCode(code, fields.code);
  const resolved = kind ?? inferKind(code, name);
  checkKindFitsCode(resolved, code, fields.kind, fields.code);
  if (!parent) {
    if (level !== "CITY")
      throw badInput(`A ${resolved} needs a parent unit; only a CITY sits at the top.`, fields.parent);
    return resolved;
  }
  if (!parent.active)
    throw badInput(`Parent ${describe(parent)} is deactivated; choose an active parent.`, fields.parent);
  checkChildKind(parent, resolved, fields.kind);
  checkChildCode(parent.code, code, fields.code);
  return resolved;
}

/** The input field names to blame in messages (a move calls them newCode and newParentId). */
export interface PlacementFields {
  code: string;
  parent: string;
  kind: string;
}

export const isTownshipLevel = (kind: OrgUnitKind): boolean => levelOfKind(kind) === "TOWNSHIP";
export const isVillageLevel = (kind: OrgUnitKind): boolean => levelOfKind(kind) === "VILLAGE";
export const isCountyOrAbove = (kind: OrgUnitKind): boolean => ["CITY", "COUNTY"].includes(levelOfKind(kind));
