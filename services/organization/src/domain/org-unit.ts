import { OrgUnitKinds } from "@grassroots/events/contracts";

/** Kinds of org unit, as in GLOSSARY.md (shared with the event contracts). */
export type OrgUnitKind = (typeof OrgUnitKinds)[number];
export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = OrgUnitKinds;

/** The four levels of the 12-digit division code. A unit's depth in the tree equals its level's index. */
export const LEVELS = ["CITY", "COUNTY", "TOWNSHIP", "VILLAGE"] as const;
export type Level = (typeof LEVELS)[number];

export const KINDS_BY_LEVEL: Record<Level, readonly OrgUnitKind[]> = {
  CITY: ["CITY"],
  COUNTY: ["DISTRICT", "BANNER"],
  TOWNSHIP: ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU", "PARK"],
  VILLAGE: ["COMMUNITY", "VILLAGE", "GACHA"],
};

export function levelOfKind(kind: OrgUnitKind): Level {
  return LEVELS.find((level) => KINDS_BY_LEVEL[level].includes(kind))!;
}

export const depthOfLevel = (level: Level): number => LEVELS.indexOf(level);

/** An org unit as the domain sees it (the database entity has the same shape). */
export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** Ancestor ids and own id, each followed by "/": a subtree is a string prefix. */
  path: string;
  depth: number;
  postEstablished: boolean;
  /** Business date the statistics post was established (R1). */
  postEstablishedOn: string | null;
  registerCount: number | null;
  registerAsOf: string | null;
  isSample: boolean;
  active: boolean;
  deactivatedAt: Date | null;
  /** Who deactivated it: the token subject (or a tool's name), and beside it their display name. */
  deactivatedBy: string | null;
  /** Null for units deactivated before names were recorded. */
  deactivatedByName: string | null;
  deactivationReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewOrgUnit = Pick<
  OrgUnit,
  | "id"
  | "code"
  | "name"
  | "kind"
  | "parentId"
  | "path"
  | "depth"
  | "postEstablished"
  | "postEstablishedOn"
  | "isSample"
>;

/** Fields a command may change; the store bumps the version and updated_at. */
export type OrgUnitPatch = Partial<
  Pick<
    OrgUnit,
    | "name"
    | "kind"
    | "postEstablished"
    | "postEstablishedOn"
    | "registerCount"
    | "registerAsOf"
    | "active"
    | "deactivatedAt"
    | "deactivatedBy"
    | "deactivatedByName"
    | "deactivationReason"
  >
>;

export const pathOf = (parentPath: string | null, id: string): string => `${parentPath ?? ""}${id}/`;

/** Ids on a path, root first (the unit's own id last). */
export const idsOnPath = (path: string): string[] => path.split("/").filter(Boolean);

export const describe = (unit: Pick<OrgUnit, "name" | "code">): string => `${unit.name} (${unit.code})`;
