import { Field, ID, Int, ObjectType } from "type-graphql";
import { AssessmentStatusEnum, IndicatorKindEnum } from "./enums";
import { OrgUnitType } from "./org-unit.type";
import { AssessmentSchemeType, MetricFiguresType } from "./scheme.type";

@ObjectType("IndicatorScore", {
  description:
    "An indicator's score: AUTO with the frozen metric value and its figures, MANUAL with evidence and comment.",
})
export class IndicatorScoreType {
  @Field() indicatorCode: string;
  @Field(() => IndicatorKindEnum) kind: string;
  @Field({ description: "Points earned out of the indicator's weight." }) points: string;
  @Field(() => String, { nullable: true, description: "The assessor's score (MANUAL)." }) score:
    string | null;
  @Field(() => String, { nullable: true, description: "The metric value at the cut-off (AUTO)." })
  metricValue: string | null;
  @Field(() => MetricFiguresType, { nullable: true }) figures: MetricFiguresType | null;
  @Field(() => String, { nullable: true }) evidence: string | null;
  @Field(() => String, { nullable: true }) comment: string | null;
  @Field() scoredByName: string;
  @Field() scoredAt: Date;
}

@ObjectType("AssessmentAdjustment")
export class AssessmentAdjustmentType {
  @Field() itemCode: string;
  @Field() points: string;
  @Field() reason: string;
  @Field() recordedByName: string;
  @Field() recordedAt: Date;
}

@ObjectType("Assessment", {
  description: "R12: one subject's assessment under a scheme version; a correction is its next revision.",
})
export class AssessmentType {
  @Field(() => ID) id: string;
  @Field(() => AssessmentSchemeType, { nullable: true }) scheme?: AssessmentSchemeType | null;
  @Field(() => ID) schemeVersionId: string;
  @Field(() => OrgUnitType) subject: { id: string };
  @Field(() => Int) revision: number;
  @Field(() => ID, { nullable: true }) supersedesId: string | null;
  @Field(() => String, { nullable: true }) correctionReason: string | null;
  @Field({ description: "A later revision corrected it." }) superseded: boolean;
  @Field(() => AssessmentStatusEnum) status: string;
  @Field(() => String, { nullable: true }) reviewedByName: string | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Int) version: number;
}

@ObjectType("AssessmentResultRow")
export class AssessmentResultRowType {
  @Field(() => Int, { description: "Equal scores share a rank." }) rank: number;
  @Field(() => OrgUnitType) unit: { id: string };
  @Field() unitName: string;
  @Field() unitCode: string;
  @Field() score: string;
  @Field(() => String, { nullable: true }) grade: string | null;
  @Field(() => ID) assessmentId: string;
}

@ObjectType("AssessmentResultSet", {
  description: "A published ranking; a correction is the next revision, naming the one it supersedes.",
})
export class AssessmentResultSetType {
  @Field(() => ID) id: string;
  @Field(() => AssessmentSchemeType) scheme: AssessmentSchemeType;
  @Field(() => Int) revision: number;
  @Field(() => ID, { nullable: true }) supersedesId: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() publishedAt: Date;
  @Field() publishedByName: string;
  @Field(() => [AssessmentResultRowType], { description: "Best first." }) results: AssessmentResultRowType[];
}
