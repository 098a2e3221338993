import { LocalDateResolver } from "graphql-scalars";
import { Field, ID, InputType, Int } from "type-graphql";
import type { ItemStatus } from "../../domain/standardization";
import { ItemStatusEnum } from "../types/enums";
import { REQUEST_ID } from "./request-id";

@InputType("AssessmentItemInput")
export class AssessmentItemInput {
  @Field() itemCode: string;
  @Field(() => ItemStatusEnum) status: ItemStatus;
  @Field({ defaultValue: "" }) evidence: string;
}

@InputType("RecordStandardizationAssessmentInput", {
  description: "Every item of the standard version exactly once.",
})
export class RecordAssessmentInput {
  @Field(() => ID) orgUnitId: string;
  @Field() standardCode: string;
  @Field(() => Int) standardVersion: number;
  @Field(() => LocalDateResolver) assessedOn: string;
  @Field(() => [AssessmentItemInput]) items: AssessmentItemInput[];
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}

@InputType("RecognizeStandardizationInput")
export class RecognizeInput {
  @Field(() => ID) assessmentId: string;
  @Field(() => Int) batch: number;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true, description: REQUEST_ID }) requestId?: string | null;
}
