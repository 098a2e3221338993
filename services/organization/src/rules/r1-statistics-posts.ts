import { describe, type OrgUnit, type OrgUnitKind } from "../domain/org-unit";
import type { RuleStatusResult } from "@grassroots/events/contracts";
import type { PostCountRow } from "../domain/ports";

/**
 * R1: every township / sumu / town and sub-district office, every village / gacha and community,
 * and every industrial park sets up a statistics work post (统计工作岗位).
 * Coverage = units of those kinds with the post established / all active units of those kinds.
 */
export const POST_REQUIRED_KINDS: readonly OrgUnitKind[] = [
  "SUBDISTRICT",
  "TOWN",
  "TOWNSHIP",
  "SUMU",
  "PARK",
  "COMMUNITY",
  "VILLAGE",
  "GACHA",
];

export const requiresStatisticsPost = (kind: OrgUnitKind): boolean => POST_REQUIRED_KINDS.includes(kind);

/** Share established, or null when there is nothing to cover (no unit that needs a post). */
export const rate = (part: number, total: number): number | null =>
  total === 0 ? null : Math.round((part / total) * 10000) / 10000;

export interface KindCoverage {
  kind: OrgUnitKind;
  established: number;
  total: number;
  rate: number | null;
}

export interface BannerCoverage {
  bannerId: string;
  byKind: KindCoverage[];
  established: number;
  total: number;
  rate: number | null;
}

/** Folds per-kind counts into one row per banner; every banner asked for appears, even with no units. */
export function postCoverage(bannerIds: readonly string[], rows: readonly PostCountRow[]): BannerCoverage[] {
  return bannerIds.map((bannerId) => {
    const byKind = POST_REQUIRED_KINDS.flatMap((kind) => {
      const row = rows.find((r) => r.bannerId === bannerId && r.kind === kind);
      return row
        ? [{ kind, established: row.established, total: row.total, rate: rate(row.established, row.total) }]
        : [];
    });
    const established = byKind.reduce((sum, k) => sum + k.established, 0);
    const total = byKind.reduce((sum, k) => sum + k.total, 0);
    return { bannerId, byKind, established, total, rate: rate(established, total) };
  });
}

export const R1_RULE = "R1.post-established" as const;

/**
 * A unit's R1 status (the rule-status event): MET with the post established, NOT_MET without, and
 * NOT_APPLICABLE once deactivated; undefined for a kind that needs no post (it is no subject of R1).
 * asOf is when the unit last changed. Figures: established (flag), establishedOn (date or null).
 */
export function postEstablishedStatus(unit: OrgUnit): RuleStatusResult | undefined {
  if (!requiresStatisticsPost(unit.kind)) return undefined;
  const result = {
    rule: R1_RULE,
    subjectUnitId: unit.id,
    subjectUnitPath: unit.path,
    period: null,
    figures: { established: unit.postEstablished, establishedOn: unit.postEstablishedOn },
    asOf: unit.updatedAt.toISOString(),
  };
  if (!unit.active)
    return {
      ...result,
      status: "NOT_APPLICABLE",
      reason: `${describe(unit)} was deactivated; it needs no statistics post.`,
    };
  if (unit.postEstablished)
    return {
      ...result,
      status: "MET",
      reason: `${describe(unit)} has its statistics post established${unit.postEstablishedOn ? ` since ${unit.postEstablishedOn}` : ""}.`,
    };
  return {
    ...result,
    status: "NOT_MET",
    reason: `${describe(unit)} has no statistics post established yet.`,
  };
}
