import type { RuleStatusResult } from "@grassroots/events/contracts";
import { bannerCoverageStatus, cityObligationStatus } from "../../rules/r6-rule-status";
import { yearWindow } from "../../rules/r6-yearly-training";
import { coverageReports } from "../coverage";
import type { Clock } from "@grassroots/kit/validation";
import type { Transaction } from "../ports";
import type { RuleStatusSettings } from "./ports";

/** The years the periodic check looks at: the current one and the one before (it may still be corrected). */
export const checkedYears = (clock: Clock): number[] => {
  const year = Number(clock.today().slice(0, 4));
  return [year - 1, year];
};

/**
 * R6 for every city (its obligation) and every banner of it (its coverage) in each of `years`, computed
 * in this transaction with the same reads as the coverage report, each result published only when it
 * changed. Returns how many were published. R6 moves with sessions completed, results recorded,
 * personnel's posts arriving by events and the calendar (staff are counted on today's date in the
 * current year), so a periodic check runs it rather than each of those.
 */
export async function publishCoverageStatuses(
  tx: Transaction,
  clock: Clock,
  settings: Pick<RuleStatusSettings, "coverageTargetPercent">,
  years: readonly number[],
): Promise<number> {
  const cities = await tx.ruleSubjects.cities();
  if (cities.length === 0) return 0;
  const asOf = clock.now();
  const results: RuleStatusResult[] = [];
  for (const year of years) {
    const window = yearWindow(year, clock.today());
    const reports = await coverageReports(
      tx.coverage,
      clock,
      year,
      cities.map((city) => ({ path: city.path })),
    );
    for (const [i, report] of reports.entries()) {
      if (report instanceof Error) throw report;
      results.push(cityObligationStatus(cities[i], window, report.cityComprehensiveSessions.length, asOf));
      for (const coverage of report.banners) {
        results.push(
          bannerCoverageStatus(coverage.banner, window, coverage, settings.coverageTargetPercent, asOf),
        );
      }
    }
  }
  return tx.ruleStatus.publishAllIfChanged(results);
}
