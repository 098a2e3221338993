import { checkInt, isUuid, notFound, type Clock } from "@grassroots/kit";
import { bannerCoverage, cityObligationMet, yearWindow, type BannerCoverage } from "../rules/r6-yearly-training";
import type { OrgUnitRef } from "./directory";
import type { CoverageReads } from "./ports";
import type { TrainingSession } from "./training";

export interface CoverageReport {
  year: number;
  asOf: string;
  cityObligationMet: boolean;
  cityComprehensiveSessions: TrainingSession[];
  banners: (BannerCoverage & { banner: OrgUnitRef })[];
}

/**
 * R6 for a year within a subtree (the caller's area, or a unit's): the city's obligation (the city is
 * the root of the path) and, per county-level unit inside it (or the one containing it), its coverage
 * counted inside the subtree only.
 */
export async function coverageReport(
  reads: CoverageReads,
  clock: Clock,
  withinPath: string | undefined,
  year: number,
  bannerId?: string,
): Promise<CoverageReport> {
  checkInt(year, "year", 2000, 2100);
  const window = yearWindow(year, clock.today());
  if (bannerId !== undefined && !isUuid(bannerId)) throw notFound("Banner", bannerId);
  if (withinPath === undefined) return { year, asOf: window.asOf, cityObligationMet: false, cityComprehensiveSessions: [], banners: [] };
  const banners = await reads.bannersFor(withinPath, bannerId);
  if (bannerId !== undefined && banners.length === 0) throw notFound("Banner", bannerId);
  const cityId = withinPath.split("/")[0];
  const [sessions, counts] = await Promise.all([
    reads.cityObligationSessions(cityId, window),
    reads.bannerCounts(banners, withinPath, window),
  ]);
  return {
    year,
    asOf: window.asOf,
    cityObligationMet: cityObligationMet(sessions.length),
    cityComprehensiveSessions: sessions,
    banners: bannerCoverage(
      banners.map((b) => b.id),
      counts,
    ).map((c, i) => ({ ...c, banner: banners[i] })),
  };
}
