import { OrgUnitKinds } from "@grassroots/events";

/** Kinds of org unit, as in GLOSSARY.md (the organization service's contract). */
export type OrgUnitKind = (typeof OrgUnitKinds)[number];

/** Township level as the notice means it (苏木乡镇 and 街道): R3 applies to these. */
export const TOWNSHIP_KINDS: readonly OrgUnitKind[] = ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"];
export const VILLAGE_LEVEL_KINDS: readonly OrgUnitKind[] = ["COMMUNITY", "VILLAGE", "GACHA"];
/** Units that hold grassroots statistics posts: township level, parks, village level. */
export const POST_KINDS: readonly OrgUnitKind[] = [...TOWNSHIP_KINDS, "PARK", ...VILLAGE_LEVEL_KINDS];

export const isVillageLevel = (kind: OrgUnitKind): boolean => VILLAGE_LEVEL_KINDS.includes(kind);
export const holdsPosts = (kind: OrgUnitKind): boolean => POST_KINDS.includes(kind);

/**
 * The local projection of an organization unit, built from organization's events (never from its
 * database): what personnel needs to scope, route filings and apply R3/R4.
 */
export interface OrgUnitView {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  /** Ancestor ids and own id, each followed by "/": a subtree is a string prefix. */
  path: string;
  /** 0 city, 1 banner/district, 2 township level, 3 village level. */
  depth: number;
  registerCount: number | null;
  active: boolean;
  /** organization's version of the unit: only a newer one replaces what is held. */
  version: number;
}

export const idsOnPath = (path: string): string[] => path.split("/").filter(Boolean);

/** The banner/district (county-level unit) a unit belongs to: the second id on its path. */
export const bannerIdOf = (path: string): string | undefined => idsOnPath(path)[1];

export const depthOfPath = (path: string): number => idsOnPath(path).length - 1;

export const describeUnit = (unit: Pick<OrgUnitView, "name" | "code">): string =>
  `${unit.name} (${unit.code})`;
