import { Cacheable } from "@grassroots/kit";
import { Field, Int, ObjectType } from "type-graphql";
import type { OrgUnitProjection } from "@grassroots/org-projection/units";
import type { StaffingResult } from "../../domain/staffing";
import { OrgUnitRefType } from "./org-unit.type";

@Cacheable("summary")
@ObjectType("StaffingRequirement", {
  simpleResolvers: true,
  description: "One requirement of R3 or R4 for a unit, met or not.",
})
export class StaffingRequirementType {
  @Field({ description: "R3 or R4." }) rule: string;
  @Field({ description: "Stable code, e.g. R3_FULL_TIME_IN_ESTABLISHMENT." }) code: string;
  @Field() description: string;
  @Field({
    description: "False when the unit's situation does not call for it (e.g. register below the threshold).",
  })
  applies: boolean;
  @Field() met: boolean;
  @Field(() => Int) required: number;
  @Field(() => Int) actual: number;
  @Field({ description: "What the bureau can do about it." }) reason: string;
}

@Cacheable("summary")
@ObjectType("StaffCounts", { simpleResolvers: true, description: "Open posts of the unit by status." })
export class StaffCountsType {
  @Field(() => Int) active: number;
  @Field(() => Int) activeFullTimeInEstablishment: number;
  @Field(() => Int) activeLiaisons: number;
  @Field(() => Int, { description: "Appointed, waiting for pre-post training (R7)." }) pending: number;
}

@Cacheable("summary")
@ObjectType("StaffingResult", {
  simpleResolvers: true,
  description: "R3/R4 for one unit, evaluated now from its ACTIVE posts and register count.",
})
export class StaffingResultType {
  @Field() compliant: boolean;
  @Field(() => [StaffingRequirementType]) requirements: StaffingRequirementType[];
  @Field(() => [StaffingRequirementType], { description: "Requirements that apply and are not met." })
  gaps: StaffingRequirementType[];
  @Field(() => StaffCountsType) counts: StaffCountsType;
}

@Cacheable("summary")
@ObjectType("UnitStaffing", { simpleResolvers: true })
export class UnitStaffingType {
  @Field(() => OrgUnitRefType) orgUnit: OrgUnitRefType;
  @Field({ description: "Division code, as personnel knows it (from organization's events)." })
  unitCode: string;
  @Field() unitName: string;
  @Field(() => Int, { nullable: true, description: "The register count the rules were judged on." })
  registerCount: number | null;
  @Field(() => StaffingResultType) staffing: StaffingResult;
}

@Cacheable("summary")
@ObjectType("BannerStaffing", {
  simpleResolvers: true,
  description:
    "The staffing gaps of a banner: every active unit R3/R4 covers, in code order (each township before its villages).",
})
export class BannerStaffingType {
  @Field(() => OrgUnitRefType) banner: OrgUnitRefType;
  @Field(() => Int, { description: "Active units in the banner (in your area) that R3 or R4 covers." })
  unitsEvaluated: number;
  @Field(() => Int) compliantUnits: number;
  @Field(() => [UnitStaffingType], { description: "Units with gaps (all units with includeCompliant)." })
  units: UnitStaffingType[];
}

export const unitStaffingOf = (unit: OrgUnitProjection, staffing: StaffingResult): UnitStaffingType => ({
  orgUnit: { id: unit.id },
  unitCode: unit.code,
  unitName: unit.name,
  registerCount: unit.registerCount,
  staffing,
});
