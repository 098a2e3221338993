import { groupBy } from "@grassroots/kit/validation";
import { notFoundInArea } from "@grassroots/kit/errors";
import { checkInt, isUuid, type Clock } from "@grassroots/kit/validation";
import {
  bannerCoverage,
  cityObligationMet,
  yearWindow,
  type BannerCoverage,
} from "../rules/r6-yearly-training";
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

/** A subtree to report on (undefined: a caller without a home unit, who gets an empty report); `bannerId` keeps one banner. */
export interface CoverageScope {
  path: string | undefined;
  bannerId?: string;
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
  const [report] = await coverageReports(reads, clock, year, [{ path: withinPath, bannerId }]);
  if (report instanceof Error) throw report;
  return report;
}

/**
 * `coverageReport` for many subtrees at once (OrgUnit.trainingCoverage of a list of units): at most
 * three statements whatever their number. One result per scope, in order; a scope whose banner is not
 * found gets its NOT_FOUND error (as DataLoader wants), a bad year fails them all.
 */
export async function coverageReports(
  reads: CoverageReads,
  clock: Clock,
  year: number,
  scopes: readonly CoverageScope[],
): Promise<(CoverageReport | Error)[]> {
  checkInt(year, "year", 2000, 2100);
  const window = yearWindow(year, clock.today());
  const report = (
    cityComprehensiveSessions: TrainingSession[],
    banners: CoverageReport["banners"],
  ): CoverageReport => ({
    year,
    asOf: window.asOf,
    cityObligationMet: cityObligationMet(cityComprehensiveSessions.length),
    cityComprehensiveSessions,
    banners,
  });

  const reports: (CoverageReport | Error | undefined)[] = scopes.map((scope) => {
    if (scope.bannerId !== undefined && !isUuid(scope.bannerId))
      return notFoundInArea("Banner", scope.bannerId);
    return scope.path === undefined ? report([], []) : undefined;
  });
  const asked = scopes.flatMap((scope, index) =>
    reports[index] ? [] : [{ index, path: scope.path!, bannerId: scope.bannerId }],
  );
  const bannerLists = asked.length === 0 ? [] : await reads.bannersFor(asked);
  const found = asked.flatMap((scope, k) => {
    if (scope.bannerId !== undefined && bannerLists[k].length === 0) {
      reports[scope.index] = notFoundInArea("Banner", scope.bannerId);
      return [];
    }
    return [{ ...scope, banners: bannerLists[k], cityId: scope.path.split("/")[0] }];
  });

  // The city obligation once per city, the counts of every (banner, subtree) pair in one statement.
  const cityIds = [...new Set(found.map((scope) => scope.cityId))];
  const pairs = found.flatMap((scope) =>
    scope.banners.map((banner) => ({ bannerId: banner.id, withinPath: scope.path })),
  );
  const [sessions, counts] = await Promise.all([
    cityIds.length === 0 ? [] : reads.cityObligationSessions(cityIds, window),
    pairs.length === 0 ? [] : reads.bannerCounts(pairs, window),
  ]);
  const grouped = groupBy(cityIds, sessions, (s) => s.organizerUnitId);
  const sessionsOfCity = new Map(cityIds.map((id, i) => [id, grouped[i]]));

  let firstPair = 0;
  for (const scope of found) {
    const ofScope = counts.slice(firstPair, firstPair + scope.banners.length);
    firstPair += scope.banners.length;
    const coverage = bannerCoverage(
      scope.banners.map((b) => b.id),
      ofScope,
    ).map((c, i) => ({ ...c, banner: scope.banners[i] }));
    reports[scope.index] = report(sessionsOfCity.get(scope.cityId) ?? [], coverage);
  }
  return reports as (CoverageReport | Error)[];
}
