import { OrgUnitKinds, type EventData, type OrgUnitCreated } from "@grassroots/events/contracts";

/**
 * Organization's units as the services that consume its events see them. Plain code (no TypeORM):
 * domain and rule modules import it from "@grassroots/org-projection/units".
 */

/** Kinds of org unit, as in GLOSSARY.md (organization's contract). */
export type OrgUnitKind = (typeof OrgUnitKinds)[number];
export const ORG_UNIT_KINDS: readonly OrgUnitKind[] = OrgUnitKinds;

/** The four levels of the 12-digit division code; a unit's depth in the tree is its level's index. */
export const ORG_UNIT_LEVELS = ["CITY", "COUNTY", "TOWNSHIP", "VILLAGE"] as const;
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

/** County level: districts and banners (区、旗). */
export const COUNTY_LEVEL_KINDS: readonly OrgUnitKind[] = ["DISTRICT", "BANNER"];
/** Township level as the notice means it (苏木乡镇 and 街道): R3 applies to these. */
export const TOWNSHIP_KINDS: readonly OrgUnitKind[] = ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"];
/** Village level (社区、村、嘎查). */
export const VILLAGE_LEVEL_KINDS: readonly OrgUnitKind[] = ["COMMUNITY", "VILLAGE", "GACHA"];
/** Units that hold grassroots statistics posts: township level, parks, village level. */
export const POST_KINDS: readonly OrgUnitKind[] = [...TOWNSHIP_KINDS, "PARK", ...VILLAGE_LEVEL_KINDS];

/** The kinds of each level (a park sits at township level, beside the townships). */
export const KINDS_BY_LEVEL: Record<OrgUnitLevel, readonly OrgUnitKind[]> = {
  CITY: ["CITY"],
  COUNTY: COUNTY_LEVEL_KINDS,
  TOWNSHIP: [...TOWNSHIP_KINDS, "PARK"],
  VILLAGE: VILLAGE_LEVEL_KINDS,
};

export const levelOfKind = (kind: OrgUnitKind): OrgUnitLevel =>
  ORG_UNIT_LEVELS.find((level) => KINDS_BY_LEVEL[level].includes(kind))!;
export const isCountyLevel = (kind: OrgUnitKind): boolean => COUNTY_LEVEL_KINDS.includes(kind);
export const isVillageLevel = (kind: OrgUnitKind): boolean => VILLAGE_LEVEL_KINDS.includes(kind);
export const holdsPosts = (kind: OrgUnitKind): boolean => POST_KINDS.includes(kind);

/** The ids on a materialised path ("a/b/c/"): ancestors first, the unit's own last. */
export const idsOnPath = (path: string): string[] => path.split("/").filter(Boolean);
/** The banner/district (county-level unit) a unit belongs to: the second id on its path. */
export const bannerIdOf = (path: string): string | undefined => idsOnPath(path)[1];
/** 0 city, 1 banner/district, 2 township level, 3 village level. */
export const depthOfPath = (path: string): number => idsOnPath(path).length - 1;

/** How messages name a unit: its name and division code, e.g. "树林召镇 (150621100000)". */
export const describeUnit = (unit: { name: string; code: string }): string => `${unit.name} (${unit.code})`;

/**
 * A row of the `org_unit` projection: the part of organization's unit state a consuming service
 * keeps, built from its events (never from its database).
 */
export interface OrgUnitProjection {
  id: string;
  /** The 12-digit division code. */
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** Ancestor ids and own id, each followed by "/": a subtree is a string prefix. */
  path: string;
  /** 0 city, 1 banner/district, 2 township level, 3 village level (from the path). */
  depth: number;
  registerCount: number | null;
  active: boolean;
  /** Organization's version of the unit: only a newer one replaces what is held. */
  version: number;
}

/** The state every org-unit event carries (created, updated, moved, deactivated, register count set). */
export type OrgUnitState = EventData<typeof OrgUnitCreated>;

/** The projection row of a unit's state as an org-unit event carries it. */
export function orgUnitViewOf(state: OrgUnitState): OrgUnitProjection {
  return {
    id: state.id,
    code: state.code,
    name: state.name,
    kind: state.kind,
    parentId: state.parentId,
    path: state.path,
    depth: depthOfPath(state.path),
    registerCount: state.registerCount,
    active: state.active,
    version: state.version,
  };
}
