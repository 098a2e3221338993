import type { EventData, StaffingComplianceChanged } from "@grassroots/events/contracts";
import type { RequirementResult } from "../rules/staffing-requirement";

/** A unit's staffing compliance after a flip, with the gaps that remain (rule code, numbers, reason). */
export const complianceState = (
  orgUnitId: string,
  orgUnitPath: string,
  compliant: boolean,
  gaps: RequirementResult[],
): EventData<typeof StaffingComplianceChanged> => ({
  orgUnitId,
  orgUnitPath,
  compliant,
  gaps: gaps.map((g) => ({ rule: g.code, required: g.required, actual: g.actual, reason: g.reason })),
});
