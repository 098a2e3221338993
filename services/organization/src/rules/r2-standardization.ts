import { badInput } from "@grassroots/kit/errors";
import { describe, type OrgUnit, type OrgUnitKind } from "../domain/org-unit";
import type { RuleStatusResult } from "@grassroots/events/contracts";
import type { TownshipStandardizationRow } from "../domain/ports";
import type { Assessment, AssessmentResult, ItemStatus, StandardItem } from "../domain/standardization";
import { rate } from "./r1-statistics-posts";

/**
 * R2: townships are brought up to the 八有八化 standard.
 * - Who is assessed: township-level units as the notice means them (苏木乡镇 and 街道):
 *   SUBDISTRICT, TOWN, TOWNSHIP, SUMU. Parks are not.
 * - Result: STANDARDIZED when every item of the standard version is MET; any PARTLY_MET or NOT_MET
 *   item makes it NOT_STANDARDIZED. The result is computed here and stored with the assessment.
 * - An assessment covers every item of its version exactly once.
 * - Only a STANDARDIZED assessment can be recognised (batch + year), once.
 */
export const ASSESSED_KINDS: readonly OrgUnitKind[] = ["SUBDISTRICT", "TOWN", "TOWNSHIP", "SUMU"];

export const isAssessable = (kind: OrgUnitKind): boolean => ASSESSED_KINDS.includes(kind);

export function assessmentResult(statuses: readonly ItemStatus[]): AssessmentResult {
  return statuses.length > 0 && statuses.every((s) => s === "MET") ? "STANDARDIZED" : "NOT_STANDARDIZED";
}

/** Refuses an item list that misses, repeats or invents items of the standard version. */
export function checkItemsComplete(
  standardItems: readonly StandardItem[],
  givenCodes: readonly string[],
): void {
  const known = new Set(standardItems.map((i) => i.code));
  const seen = new Set<string>();
  const repeated = givenCodes.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
  const unknown = givenCodes.filter((c) => !known.has(c));
  const missing = standardItems.map((i) => i.code).filter((c) => !seen.has(c));
  const problems = [
    unknown.length ? `unknown items ${unknown.join(", ")}` : "",
    repeated.length ? `items given twice ${[...new Set(repeated)].join(", ")}` : "",
    missing.length ? `missing items ${missing.join(", ")}` : "",
  ].filter(Boolean);
  if (problems.length) {
    throw badInput(
      `An assessment must rate each of the ${standardItems.length} items of the standard exactly once: ${problems.join("; ")}.`,
      "items",
    );
  }
}

export interface BannerStandardization {
  bannerId: string;
  townships: number;
  assessed: number;
  standardized: number;
  completionRate: number | null;
  recognized: number;
}

/**
 * Per banner: townships (active, assessable kinds), assessed (with at least one assessment on or before
 * the cut-off date), standardized (latest such assessment STANDARDIZED), completion rate
 * (standardized / townships), recognised (recognised in a batch of that year or earlier).
 */
export function standardizationSummary(
  bannerIds: readonly string[],
  rows: readonly TownshipStandardizationRow[],
): BannerStandardization[] {
  return bannerIds.map((bannerId) => {
    const mine = rows.filter((r) => r.bannerId === bannerId);
    const standardized = mine.filter((r) => r.latestResult === "STANDARDIZED").length;
    return {
      bannerId,
      townships: mine.length,
      assessed: mine.filter((r) => r.latestResult !== null).length,
      standardized,
      completionRate: rate(standardized, mine.length),
      recognized: mine.filter((r) => r.recognized).length,
    };
  });
}

export const R2_RULE = "R2.standardization" as const;

/**
 * A township's R2 status for the year of its deciding assessment (the latest of that year): MET when
 * STANDARDIZED, NOT_MET otherwise; asOf is the assessment date (midnight in China). Figures: result,
 * itemsMet, itemsTotal, itemShare (a decimal string, 4 places), assessedOn.
 */
export function standardizationStatus(unit: OrgUnit, assessment: Assessment): RuleStatusResult {
  const share = assessment.itemsTotal === 0 ? 0 : assessment.itemsMet / assessment.itemsTotal;
  const year = assessment.assessedOn.slice(0, 4);
  const met = assessment.result === "STANDARDIZED";
  return {
    rule: R2_RULE,
    subjectUnitId: unit.id,
    subjectUnitPath: unit.path,
    period: year,
    status: met ? "MET" : "NOT_MET",
    figures: {
      result: assessment.result,
      itemsMet: assessment.itemsMet,
      itemsTotal: assessment.itemsTotal,
      itemShare: share.toFixed(4),
      assessedOn: assessment.assessedOn,
    },
    reason: met
      ? `${describe(unit)} was assessed standardized on ${assessment.assessedOn}: all ${assessment.itemsTotal} items met.`
      : `${describe(unit)} is not standardized for ${year}: ${assessment.itemsMet} of ${assessment.itemsTotal} items met (assessed ${assessment.assessedOn}).`,
    asOf: new Date(`${assessment.assessedOn}T00:00:00+08:00`).toISOString(),
  };
}
