import type { RuleStatusResult } from "@grassroots/events/contracts";
import { describeUnit, type OrgUnitRef } from "../domain/directory";
import type { BannerStaffCount, YearWindow } from "./r6-yearly-training";

export const R6_CITY_RULE = "R6.city-obligation" as const;
export const R6_BANNER_RULE = "R6.banner-coverage" as const;

/** attended / staff as a decimal string with 4 places ("0.8500"), in integers: no float on the way. */
export function rateString(part: number, whole: number): string {
  const basisPoints = Math.round((part * 10000) / whole);
  return `${Math.floor(basisPoints / 10000)}.${String(basisPoints % 10000).padStart(4, "0")}`;
}

/**
 * R6's city obligation for a year (its period): MET once the city bureau COMPLETED at least one
 * COMPREHENSIVE session for BANNER_STAFF that year, NOT_MET until then (or for good, for a past year).
 * Figures: completedSessions, required (ints).
 */
export function cityObligationStatus(
  city: Pick<OrgUnitRef, "id" | "path" | "name" | "code">,
  window: YearWindow,
  completedSessions: number,
  asOf: Date,
): RuleStatusResult {
  const met = completedSessions >= 1;
  return {
    rule: R6_CITY_RULE,
    subjectUnitId: city.id,
    subjectUnitPath: city.path,
    period: String(window.year),
    status: met ? "MET" : "NOT_MET",
    figures: { completedSessions, required: 1 },
    reason: met
      ? `${describeUnit(city)} completed ${completedSessions} comprehensive business training${completedSessions === 1 ? "" : "s"} for banner/district staff in ${window.year}.`
      : `${describeUnit(city)} has completed no comprehensive business training for banner/district staff in ${window.year}; at least one a year is required.`,
    asOf: asOf.toISOString(),
  };
}

/**
 * A banner's R6 coverage for a year (its period): staff counted on the year's as-of date, attended as
 * R6_ATTENDED says. MET when attended reaches `targetPercent` of the staff; NOT_APPLICABLE with no
 * staff (nobody to train). Figures: staff, attended, ownSessionsCompleted (ints), rate and targetRate
 * (decimal strings, 4 places; rate null with no staff). The as-of date of the count is in the reason
 * only: as a figure it would change every day of the current year.
 */
export function bannerCoverageStatus(
  banner: Pick<OrgUnitRef, "id" | "path" | "name" | "code">,
  window: YearWindow,
  counts: Pick<BannerStaffCount, "staff" | "attended" | "ownSessionsCompleted">,
  targetPercent: number,
  asOf: Date,
): RuleStatusResult {
  const { staff, attended, ownSessionsCompleted } = counts;
  const status = staff === 0 ? "NOT_APPLICABLE" : attended * 100 >= targetPercent * staff ? "MET" : "NOT_MET";
  const rate = staff === 0 ? null : rateString(attended, staff);
  const words = {
    NOT_APPLICABLE: `${describeUnit(banner)} has no statistics staff in post on ${window.asOf}: nobody to train in ${window.year}.`,
    MET: `${attended} of ${staff} staff of ${describeUnit(banner)} attended training in ${window.year} (${targetPercent}% needed).`,
    NOT_MET: `Only ${attended} of ${staff} staff of ${describeUnit(banner)} attended training in ${window.year}; ${targetPercent}% is needed.`,
  };
  return {
    rule: R6_BANNER_RULE,
    subjectUnitId: banner.id,
    subjectUnitPath: banner.path,
    period: String(window.year),
    status,
    figures: {
      staff,
      attended,
      rate,
      targetRate: rateString(targetPercent, 100),
      ownSessionsCompleted,
    },
    reason: words[status],
    asOf: asOf.toISOString(),
  };
}
