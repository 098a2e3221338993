import { RuleIds, RuleStatuses } from "@grassroots/events/contracts";
import { registerEnumType } from "type-graphql";

export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ComplianceStatusEnum = enumOf(RuleStatuses);

registerEnumType(ComplianceStatusEnum, {
  name: "ComplianceStatus",
  description:
    "A rule's result for a unit: MET, NOT_MET, NOT_APPLICABLE (the rule does not apply to it), UNKNOWN (figures missing; counts as not met).",
});

/** Rule ids ("R3.township-staffing") are strings on the wire: GraphQL enum values cannot hold dots. */
export const RULE_IDS_TEXT = RuleIds.join(", ");

export const IndicatorKindEnum = enumOf(["MANUAL", "AUTO"] as const);
export const ScoringFunctionEnum = enumOf(["LINEAR", "STEP", "DEDUCTION"] as const);
export const AdjustmentKindEnum = enumOf(["BONUS", "DEDUCTION"] as const);
export const AssessmentStatusEnum = enumOf(["DRAFT", "SCORED", "REVIEWED", "PUBLISHED"] as const);

registerEnumType(IndicatorKindEnum, {
  name: "IndicatorKind",
  description: "MANUAL: scored by assessors with evidence. AUTO: scored from a catalogue metric.",
});
registerEnumType(ScoringFunctionEnum, {
  name: "ScoringFunction",
  description:
    "LINEAR between two thresholds; STEP bands (contiguous, no gaps or overlaps); DEDUCTION per occurrence with a floor.",
});
registerEnumType(AdjustmentKindEnum, {
  name: "AdjustmentKind",
  description: "BONUS (加分) or DEDUCTION (扣分).",
});
registerEnumType(AssessmentStatusEnum, {
  name: "AssessmentStatus",
  description: "DRAFT → SCORED (AUTO frozen at the cut-off) → REVIEWED → PUBLISHED.",
});

export const MeetingKindEnum = enumOf(["EXECUTIVE", "SPECIAL", "BUREAU"] as const);
export const ProblemStatusEnum = enumOf(["OPEN", "IN_PROGRESS", "RESOLVED", "CARRIED_OVER"] as const);
export const ProblemStepEnum = enumOf(["IN_PROGRESS", "RESOLVED"] as const);

registerEnumType(MeetingKindEnum, {
  name: "WorkMeetingKind",
  description:
    "EXECUTIVE government executive meeting (常务会), SPECIAL meeting (专题会), BUREAU meeting of the statistics bureau.",
});
registerEnumType(ProblemStatusEnum, {
  name: "MeetingProblemStatus",
  description: "OPEN → IN_PROGRESS → RESOLVED; or CARRIED_OVER to a later meeting (linked).",
});
registerEnumType(ProblemStepEnum, { name: "MeetingProblemStep" });

export const InspectionKindEnum = enumOf([
  "GOVERNMENT_SUPERVISION",
  "BUSINESS_ASSESSMENT",
  "DAILY_SUPERVISION",
] as const);
export const SeverityEnum = enumOf(["MINOR", "MAJOR", "SERIOUS"] as const);
export const FindingStatusEnum = enumOf(["OPEN", "SUBMITTED", "ACCEPTED"] as const);

registerEnumType(InspectionKindEnum, {
  name: "InspectionKind",
  description:
    "GOVERNMENT_SUPERVISION (政府督查), BUSINESS_ASSESSMENT statistical business assessment (统计业务考核), DAILY_SUPERVISION (日常监督).",
});
registerEnumType(SeverityEnum, { name: "FindingSeverity" });
registerEnumType(FindingStatusEnum, {
  name: "FindingStatus",
  description:
    "OPEN → SUBMITTED (a rectification awaits the inspector) → ACCEPTED; a rejection returns it to OPEN.",
});

export const CommendationKindEnum = enumOf(["UNIT", "INDIVIDUAL"] as const);
export const CommendationStatusEnum = enumOf(["RECOMMENDED", "APPROVED", "REJECTED", "PUBLISHED"] as const);

registerEnumType(CommendationKindEnum, {
  name: "CommendationKind",
  description: "UNIT 先进单位, INDIVIDUAL 先进个人.",
});
registerEnumType(CommendationStatusEnum, {
  name: "CommendationStatus",
  description: "RECOMMENDED by the banner → APPROVED or REJECTED by the city → PUBLISHED.",
});
