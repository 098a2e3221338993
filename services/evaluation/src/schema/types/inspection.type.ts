import { PageInfoType } from "@grassroots/kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { FindingStatusEnum, InspectionKindEnum, SeverityEnum } from "./enums";
import { OrgUnitType } from "./org-unit.type";

@ObjectType("Rectification", {
  description: "R13: what the responsible unit did about a finding, and the inspector's decision.",
})
export class RectificationType {
  @Field(() => ID) id: string;
  @Field() measures: string;
  @Field() evidence: string;
  @Field() submittedOn: string;
  @Field() submittedByName: string;
  @Field(() => String, {
    nullable: true,
    description: "ACCEPTED, REJECTED, or null while awaiting the inspector.",
  })
  decision: string | null;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => String, { nullable: true }) decidedByName: string | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ObjectType("Finding", {
  description: "R13: a finding of an inspection, with its rectification deadline and responsible unit.",
})
export class FindingType {
  @Field(() => ID) id: string;
  @Field(() => ID) inspectionId: string;
  @Field() category: string;
  @Field(() => SeverityEnum) severity: string;
  @Field(() => String, { nullable: true, description: "The rule it concerns, if any." }) rule: string | null;
  @Field() description: string;
  @Field() deadline: string;
  @Field(() => OrgUnitType) responsibleUnit: { id: string };
  @Field(() => FindingStatusEnum) status: string;
  @Field({ description: "Open past its deadline." }) overdue: boolean;
  @Field({ description: "Escalated to the level above (still open the configured days after its deadline)." })
  escalated: boolean;
  @Field(() => Date, { nullable: true }) escalatedAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType("Inspection", { description: "R13: an inspection of a unit (政府督查, 统计业务考核, 日常监督)." })
export class InspectionType {
  @Field(() => ID) id: string;
  @Field(() => OrgUnitType) inspectedUnit: { id: string };
  @Field() inspectionDate: string;
  @Field(() => InspectionKindEnum) kind: string;
  @Field() inspector: string;
  @Field(() => String, { nullable: true }) summary: string | null;
  @Field() recordedByName: string;
}

@ObjectType("FindingEdge")
export class FindingEdgeType {
  @Field() cursor: string;
  @Field(() => FindingType) node: FindingType;
}

@ObjectType("FindingConnection", { description: "Findings, soonest deadline first; page with first/after." })
export class FindingConnectionType {
  @Field(() => [FindingEdgeType]) edges: FindingEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}
