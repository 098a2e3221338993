import { describeUnit, type OrgUnitProjection } from "@grassroots/org-projection/units";
import type { RuleStatusResult } from "@grassroots/events/contracts";
import type { StaffingResult } from "../domain/staffing";

export const R3_RULE = "R3.township-staffing" as const;
export const R4_RULE = "R4.village-staffing" as const;

type Unit = Pick<OrgUnitProjection, "id" | "path" | "name" | "code" | "registerCount">;

/**
 * R3 or R4 as a rule status. MET: every requirement that applies is met; NOT_MET: one is not; UNKNOWN
 * (R3 only): the full-time post is filled but no register count is recorded, so whether the larger
 * register's statisticians are needed cannot be told yet. Figures, R3: registerCount (or null),
 * fullTimeInEstablishment, requiredFullTimeInEstablishment, statisticians, requiredStatisticians (null
 * while the register is below the threshold or unknown), pendingTraining. R4: post (STATISTICIAN for a
 * park or community, LIAISON for a village or gacha), actual, required, pendingTraining.
 */
export function staffingStatus(unit: Unit, result: StaffingResult, asOf: Date): RuleStatusResult {
  const [first, large] = result.requirements;
  const isR3 = first.rule === "R3";
  const unknown = isR3 && result.compliant && unit.registerCount === null;
  const status = !result.compliant ? "NOT_MET" : unknown ? "UNKNOWN" : "MET";
  const explained = !result.compliant ? result.gaps : result.requirements.filter((r) => r.applies || unknown);
  const figures: RuleStatusResult["figures"] = isR3
    ? {
        registerCount: unit.registerCount,
        fullTimeInEstablishment: first.actual,
        requiredFullTimeInEstablishment: first.required,
        statisticians: result.counts.active,
        requiredStatisticians: large.applies ? large.required : null,
        pendingTraining: result.counts.pending,
      }
    : {
        post: first.code === "R4_VILLAGE_LIAISON" ? "LIAISON" : "STATISTICIAN",
        actual: first.actual,
        required: first.required,
        pendingTraining: result.counts.pending,
      };
  return {
    rule: isR3 ? R3_RULE : R4_RULE,
    subjectUnitId: unit.id,
    subjectUnitPath: unit.path,
    period: null,
    status,
    figures,
    reason: `${describeUnit(unit)}: ${explained.map((r) => r.reason).join(" ")}`,
    asOf: asOf.toISOString(),
  };
}

/** A deactivated unit: no staffing rule applies to it any more. */
export function staffingNotApplicable(
  unit: Unit & Pick<OrgUnitProjection, "kind">,
  rule: typeof R3_RULE | typeof R4_RULE,
  asOf: Date,
): RuleStatusResult {
  return {
    rule,
    subjectUnitId: unit.id,
    subjectUnitPath: unit.path,
    period: null,
    status: "NOT_APPLICABLE",
    figures: {},
    reason: `${describeUnit(unit)} was deactivated; staffing rules no longer apply to it.`,
    asOf: asOf.toISOString(),
  };
}
