import { LocalDateResolver } from "graphql-scalars";
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import type { AssessmentResult, ItemStatus } from "../../domain/standardization";
import { AssessmentResultEnum, ItemStatusEnum } from "./enums";

@ObjectType("AssessmentItem", { simpleResolvers: true })
export class AssessmentItemType {
  @Field() itemCode: string;
  @Field(() => ItemStatusEnum) status: ItemStatus;
  @Field() evidence: string;
}

@ObjectType("StandardizationAssessment", {
  simpleResolvers: true,
  description: "R2: one township's assessment against a standard version.",
})
export class AssessmentType {
  @Field(() => ID) id: string;
  @Field(() => ID) orgUnitId: string;
  @Field() standardCode: string;
  @Field(() => Int) standardVersion: number;
  @Field(() => LocalDateResolver) assessedOn: string;
  @Field({ description: "Who recorded the assessment: the user id (token subject) or the tool's name." })
  assessedBy: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The assessor's display name (the user id when their token carried no name); null for assessments recorded before names were kept.",
  })
  assessedByName: string | null;
  @Field(() => AssessmentResultEnum) result: AssessmentResult;
  @Field(() => Int) itemsMet: number;
  @Field(() => Int) itemsTotal: number;
  @Field(() => Int, {
    nullable: true,
    description: "The region's recognition batch (第N批), once recognised.",
  })
  recognitionBatch: number | null;
  @Field(() => Int, { nullable: true }) recognitionYear: number | null;
  @Field(() => String, {
    nullable: true,
    description: "Who recorded the recognition (user id), once recognised.",
  })
  recognizedBy: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Their display name (the user id when their token carried no name).",
  })
  recognizedByName: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
}
