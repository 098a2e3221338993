import { notFound } from "@grassroots/kit/errors";
import { checkInt, isUuid } from "@grassroots/kit/validation";
import { postCoverage, POST_REQUIRED_KINDS, rate, type BannerCoverage } from "../rules/r1-statistics-posts";
import {
  ASSESSED_KINDS,
  standardizationSummary,
  type BannerStandardization,
} from "../rules/r2-standardization";
import type { OrgUnit } from "./org-unit";
import type { Clock, OrgUnitReads, Scope, TownshipStandardizationRow } from "./ports";
import type { Assessment } from "./standardization";

/**
 * Banners are the county-level units (DISTRICT, BANNER) in the caller's scope; a caller below county
 * level sees the banner containing their unit, counted over their own subtree only.
 */
async function banners(reads: OrgUnitReads, scope: Scope, bannerId: string | undefined): Promise<OrgUnit[]> {
  if (bannerId !== undefined && !isUuid(bannerId)) throw notFound("Banner", bannerId);
  const found = await reads.bannersFor(scope, bannerId);
  if (bannerId !== undefined && found.length === 0) throw notFound("Banner", bannerId);
  return found;
}

export type CoverageReport = BannerCoverage & { banner: OrgUnit };

/** R1: statistics-post coverage per banner. */
export async function postCoverageReport(
  reads: OrgUnitReads,
  scope: Scope,
  bannerId?: string,
): Promise<CoverageReport[]> {
  const list = await banners(reads, scope, bannerId);
  const ids = list.map((b) => b.id);
  const rows = await reads.postCounts(scope, POST_REQUIRED_KINDS, ids);
  return postCoverage(ids, rows).map((c, i) => ({ ...c, banner: list[i] }));
}

/**
 * R2 item-level progress: the share of items MET in an assessment, or across the latest assessment (as of
 * the summary's date) of each assessed township of a banner. Shares follow the schema's rates: a Float
 * rounded to 4 decimals, null when there is nothing to divide by (nothing assessed).
 */
export interface ItemProgress {
  /** Items MET, summed over the latest assessment (by the date) of each assessed township. */
  itemsMet: number;
  /** Items rated in those assessments (each assessment rates every item of its standard version). */
  itemsAssessed: number;
  itemShare: number | null;
}

export const assessmentItemShare = (a: Pick<Assessment, "itemsMet" | "itemsTotal">): number | null =>
  rate(a.itemsMet, a.itemsTotal);

/** Sums the latest assessment (as of the summary's date) of each of a banner's assessed townships. */
export function bannerItemProgress(townships: readonly TownshipStandardizationRow[]): ItemProgress {
  let itemsMet = 0;
  let itemsAssessed = 0;
  for (const township of townships) {
    itemsMet += township.latestItemsMet ?? 0;
    itemsAssessed += township.latestItemsTotal ?? 0;
  }
  return { itemsMet, itemsAssessed, itemShare: rate(itemsMet, itemsAssessed) };
}

export type StandardizationReport = BannerStandardization & ItemProgress & { banner: OrgUnit; asOf: string };

/**
 * R2: per banner, as of the end of `year` (or today): townships, assessed, standardized, recognised, and
 * the share of items met across the townships' latest assessments.
 */
export async function standardizationReport(
  reads: OrgUnitReads,
  clock: Clock,
  scope: Scope,
  year?: number,
  bannerId?: string,
): Promise<StandardizationReport[]> {
  if (year !== undefined) checkInt(year, "year", 2000, 2100);
  const asOf = year === undefined ? clock.today() : `${year}-12-31`;
  const list = await banners(reads, scope, bannerId);
  const ids = list.map((b) => b.id);
  const rows = await reads.townshipStandardization(scope, ASSESSED_KINDS, ids, asOf, year);
  return standardizationSummary(ids, rows).map((s, i) => ({
    ...s,
    ...bannerItemProgress(rows.filter((r) => r.bannerId === s.bannerId)),
    banner: list[i],
    asOf,
  }));
}
