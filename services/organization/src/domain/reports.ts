import { checkInt, isUuid, notFound } from "@grassroots/kit";
import { postCoverage, POST_REQUIRED_KINDS, rate, type BannerCoverage } from "../rules/r1-statistics-posts";
import {
  ASSESSED_KINDS,
  standardizationSummary,
  type BannerStandardization,
} from "../rules/r2-standardization";
import type { OrgUnit } from "./org-unit";
import type { Clock, OrgUnitReads, Scope, StandardizationReads, TownshipStandardizationRow } from "./ports";
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
  /** Items MET, summed over the latest assessment of each assessed township; null when unknown (below). */
  itemsMet: number | null;
  /** Items rated in those assessments (each assessment rates every item of its standard version). */
  itemsAssessed: number | null;
  itemShare: number | null;
}

export const assessmentItemShare = (a: Pick<Assessment, "itemsMet" | "itemsTotal">): number | null =>
  rate(a.itemsMet, a.itemsTotal);

/**
 * Sums the latest assessments of a banner's assessed townships. `latest` holds each township's latest
 * assessment of all time; it is the latest as of `asOf` whenever it is not dated after `asOf`. For a
 * past year in which a township has since been re-assessed the earlier one is not at hand, and the
 * figures are null rather than wrong (see the service README).
 */
export function bannerItemProgress(
  townships: readonly TownshipStandardizationRow[],
  latest: ReadonlyMap<string, Assessment>,
  asOf: string,
): ItemProgress {
  let itemsMet = 0;
  let itemsAssessed = 0;
  for (const township of townships) {
    if (township.latestResult === null) continue;
    const assessment = latest.get(township.orgUnitId);
    if (!assessment || assessment.assessedOn > asOf)
      return { itemsMet: null, itemsAssessed: null, itemShare: null };
    itemsMet += assessment.itemsMet;
    itemsAssessed += assessment.itemsTotal;
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
  standardization: Pick<StandardizationReads, "latestAssessments">,
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
  const assessed = rows.filter((r) => r.latestResult !== null).map((r) => r.orgUnitId);
  const latest = new Map((await standardization.latestAssessments(assessed)).map((a) => [a.orgUnitId, a]));
  return standardizationSummary(ids, rows).map((s, i) => ({
    ...s,
    ...bannerItemProgress(
      rows.filter((r) => r.bannerId === s.bannerId),
      latest,
      asOf,
    ),
    banner: list[i],
    asOf,
  }));
}
